/**
 * Expiry presets of invite links (the API accepts at most 30 days ahead) and invite states, with
 * their labels in the interface language.
 */
import { m } from '$lib/i18n';

export type ExpiryPreset = 'today' | '1d' | '7d' | '30d';

export const EXPIRY_PRESETS: readonly ExpiryPreset[] = ['today', '1d', '7d', '30d'];

const EXPIRY_LABELS: Record<ExpiryPreset, () => string> = {
	today: m.admin_expiry_today,
	'1d': m.admin_expiry_1d,
	'7d': m.admin_expiry_7d,
	'30d': m.admin_expiry_30d
};

export const expiryLabel = (preset: ExpiryPreset) => EXPIRY_LABELS[preset]();

const DAY = 24 * 60 * 60 * 1000;

export function expiryFor(preset: ExpiryPreset, now = Date.now()): number {
	switch (preset) {
		case 'today': {
			const end = new Date(now);
			end.setHours(23, 59, 59, 0);
			// a few minutes before midnight: give the meeting at least an hour
			return Math.max(end.getTime(), now + 60 * 60 * 1000);
		}
		case '1d':
			return now + DAY;
		case '7d':
			return now + 7 * DAY;
		case '30d':
			// a minute of slack so the server's "at most 30 days" check never trips
			return now + 30 * DAY - 60 * 1000;
	}
}

export type InviteState = 'valid' | 'expired' | 'revoked' | 'used_up';

const INVITE_STATE_LABELS: Record<InviteState, () => string> = {
	valid: m.admin_invite_state_valid,
	expired: m.admin_invite_state_expired,
	revoked: m.admin_invite_state_revoked,
	used_up: m.admin_invite_state_used_up
};

export const inviteStateLabel = (state: InviteState) => INVITE_STATE_LABELS[state]();

export function inviteState(
	invite: { revoked: boolean; expiresAt: number; uses: number; maxUses: number },
	now = Date.now()
): InviteState {
	if (invite.revoked) return 'revoked';
	if (invite.expiresAt <= now) return 'expired';
	if (invite.uses >= invite.maxUses) return 'used_up';
	return 'valid';
}
