/**
 * The guest link of a session (issue 13): the join QR code on the projector lets people in the
 * room join by name, without an account. It is an ordinary plan invite (server/auth/invites.ts,
 * the same rules and audit as the owner's invites) with guests allowed and the role "Prüfen und
 * kommentieren" (vote, comment, add ideas; no edits of the plan), created on demand by the
 * session's facilitator and kept at `mt:guest:<planId>:<sessionId>` (JSON GuestLinkRecord) so
 * the projector shows the same link again (the one token kept in clear text: it is shown on the
 * wall anyway; deleted when the session ends). A link that expires within the hour, was revoked
 * or is used up is replaced by a new one.
 */
import type { ApiResult } from '../../src/lib/contract/result';
import type { Meeting, MeetingCaller } from '../../src/lib/contract/meetings';
import type { AccessService } from '../auth/types';
import type { KvStore } from '../storage/kv';
import { E, fail, parseJson } from './common';

export interface GuestLinkRecord {
	inviteId: string;
	token: string;
	expiresAt: number;
}

/** What the facilitator gets: the invite token (the route adds the address) and its expiry. */
export interface GuestLink {
	token: string;
	expiresAt: number;
}

export const guestLinkKey = (planId: string, sessionId: string) =>
	`mt:guest:${planId}:${sessionId}`;

/** How long a session's guest link lasts (the session's day) and how many may join through it. */
export const GUEST_LINK = { hours: 24, maxUses: 500, renewWithinMs: 60 * 60 * 1000 } as const;

export interface GuestLinkDeps {
	kv: KvStore;
	access: Pick<AccessService, 'createInvite' | 'listInvites'>;
	now: () => number;
	load(planId: string, sessionId: string): Promise<Meeting | null>;
	canFacilitate(caller: MeetingCaller, meeting: Meeting): boolean;
}

export async function sessionGuestLink(
	deps: GuestLinkDeps,
	caller: MeetingCaller,
	planId: string,
	sessionId: string
): Promise<ApiResult<GuestLink>> {
	const meeting = await deps.load(planId, sessionId);
	if (!meeting) return E.notFound();
	if (!deps.canFacilitate(caller, meeting)) return E.notFacilitator();
	if (meeting.status === 'beendet')
		return fail(
			409,
			'session_ended',
			'Diese Sitzung ist beendet; Gäste können über ihren QR-Code nicht mehr beitreten.'
		);
	const now = deps.now();
	const key = guestLinkKey(planId, sessionId);
	const stored = parseJson<GuestLinkRecord>(
		await deps.kv.get(key),
		(v) =>
			typeof v.inviteId === 'string' &&
			typeof v.token === 'string' &&
			typeof v.expiresAt === 'number'
	);
	if (stored && stored.expiresAt - now > GUEST_LINK.renewWithinMs) {
		const invite = (await deps.access.listInvites(planId)).find((i) => i.id === stored.inviteId);
		if (invite && !invite.revoked && invite.uses < invite.maxUses)
			return { ok: true, value: { token: stored.token, expiresAt: stored.expiresAt } };
	}
	const created = await deps.access.createInvite(planId, caller.principal, {
		role: 'reviewer',
		expiresAt: now + GUEST_LINK.hours * 3600_000,
		maxUses: GUEST_LINK.maxUses,
		allowGuests: true,
		label: `QR-Code der Sitzung „${meeting.title}“`.slice(0, 120)
	});
	if (!created.ok) return created;
	const record: GuestLinkRecord = {
		inviteId: created.value.invite.id,
		token: created.value.token,
		expiresAt: created.value.invite.expiresAt
	};
	await deps.kv.set(key, JSON.stringify(record));
	return { ok: true, value: { token: record.token, expiresAt: record.expiresAt } };
}
