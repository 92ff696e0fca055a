/** Expiry presets of invite links (the API accepts at most 30 days ahead). */
export type ExpiryPreset = 'today' | '1d' | '7d' | '30d';

export const EXPIRY_LABELS: Record<ExpiryPreset, string> = {
	today: 'Heute (bis 23:59 Uhr)',
	'1d': '1 Tag',
	'7d': '7 Tage',
	'30d': '30 Tage'
};

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

export const INVITE_STATE_LABELS: Record<InviteState, string> = {
	valid: 'gültig',
	expired: 'abgelaufen',
	revoked: 'widerrufen',
	used_up: 'aufgebraucht'
};

export function inviteState(
	invite: { revoked: boolean; expiresAt: number; uses: number; maxUses: number },
	now = Date.now()
): InviteState {
	if (invite.revoked) return 'revoked';
	if (invite.expiresAt <= now) return 'expired';
	if (invite.uses >= invite.maxUses) return 'used_up';
	return 'valid';
}
