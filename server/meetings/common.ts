/**
 * Shared parts of the session service (server/meetings/service.ts): dependencies, KV keys,
 * refusals with German messages and tolerant parsing of stored JSON.
 *
 * Keys (Redis: under `mitplan:app:`):
 *   mt:plan:<planId>                 set   ids of the plan's sessions
 *   mt:s:<planId>:<sessionId>        JSON  Meeting (the record)
 *   mt:live:<planId>:<sessionId>     JSON  MeetingLive (step, timer, follow, lock, hands)
 *   mt:att:<planId>:<sessionId>      JSON  StoredAttendance (connections, people in the room)
 *   mt:lock:<planId>                 JSON  LockRecord (server/meetings/locks.ts)
 *   mt:min:<planId>:<sessionId>      JSON  MinutesRecord (server/meetings/minutes.ts)
 *   mt:guest:<planId>:<sessionId>    JSON  GuestLinkRecord (server/meetings/guest-link.ts)
 */
import { randomBytes } from 'node:crypto';
import type { ApiError } from '../../src/lib/contract/result';
import type {
	Attendance,
	Meeting,
	MeetingLive,
	MeetingPush,
	OnlineAttendance
} from '../../src/lib/contract/meetings';
import { emptyLive } from '../../src/lib/meetings/model';
import type { AccessService } from '../auth/types';
import type { KvStore } from '../storage/kv';
import type { Logger } from '../log';
import type { PlanBus } from '../sync/bus';
import type { PlanFields } from '../schedule/common';
import type { LockRegistry } from './locks';

export interface MeetingDeps {
	kv: KvStore;
	log: Logger;
	access: Pick<AccessService, 'listMembers' | 'createInvite' | 'listInvites'>;
	/** The plan's title and fields; null if the plan does not exist. */
	readFields(planId: string): Promise<PlanFields | null>;
	locks: LockRegistry;
	/** Announces lock changes to the other instances (the plan bus). */
	bus: Pick<PlanBus, 'publish'>;
	/** Pushes live state to everyone in the session (socket.io; set once realtime is attached). */
	push?: (push: MeetingPush) => void;
	now?: () => number;
}

export const K = {
	plan: (planId: string) => `mt:plan:${planId}`,
	meeting: (planId: string, id: string) => `mt:s:${planId}:${id}`,
	live: (planId: string, id: string) => `mt:live:${planId}:${id}`,
	attendance: (planId: string, id: string) => `mt:att:${planId}:${id}`,
	/** The session's protocol data (server/meetings/minutes.ts). */
	minutes: (planId: string, id: string) => `mt:min:${planId}:${id}`
};

/** One online entry per connection (`conn`), kept at most MAX_ONLINE per session. */
export interface StoredAttendance {
	online: Array<OnlineAttendance & { conn: string }>;
	inRoom: Attendance['inRoom'];
	headCount: number;
}
export const MAX_ONLINE = 2000;

export const SESSION_ID = /^sitzung-[A-Za-z0-9_-]{6,40}$/;

export const fail = (
	status: number,
	code: string,
	message: string
): { ok: false; error: ApiError } => ({
	ok: false,
	error: { status, code, message }
});

export const E = {
	notFound: () =>
		fail(
			404,
			'session_not_found',
			'Diese Sitzung gibt es nicht (mehr). Bitte öffnen Sie die Liste der Sitzungen neu.'
		),
	notFacilitator: () =>
		fail(
			403,
			'not_facilitator',
			'Das darf nur die Moderation dieser Sitzung oder die Prozesssteuerung.'
		),
	ownerOnly: () =>
		fail(403, 'owner_only', 'Die Moderation benennen darf nur die Prozesssteuerung.'),
	invalid: (message: string, field?: string) => ({
		ok: false as const,
		error: { status: 400, code: 'invalid_value', message, ...(field ? { field } : {}) }
	}),
	full: (max: number) =>
		fail(409, 'too_many_sessions', `Ein Plan kann höchstens ${max} Sitzungen haben.`),
	running: () =>
		fail(
			409,
			'session_running',
			'Eine laufende Sitzung lässt sich nicht löschen. Bitte beenden Sie sie zuerst.'
		),
	noField: () => fail(400, 'field_not_found', 'Dieses Handlungsfeld gibt es im Plan nicht.'),
	noFacilitator: () =>
		fail(
			400,
			'facilitator_not_editor',
			'Moderation kann nur ein Mitglied mit Bearbeitungsrechten (oder die Prozesssteuerung) sein.'
		)
};

export function parseJson<T>(raw: string | null, check: (v: T) => boolean): T | null {
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as T;
		return v && typeof v === 'object' && check(v) ? v : null;
	} catch {
		return null;
	}
}

export const parseMeeting = (raw: string | null) =>
	parseJson<Meeting>(raw, (v) => typeof v.id === 'string' && Array.isArray(v.agenda));

export function parseLive(raw: string | null): MeetingLive {
	const v = parseJson<MeetingLive>(raw, (l) => typeof l.status === 'string');
	return v ? { ...emptyLive(), ...v } : emptyLive();
}

export function parseAttendance(raw: string | null): StoredAttendance {
	const v = parseJson<StoredAttendance>(raw, (a) => Array.isArray(a.online));
	return {
		online: v?.online ?? [],
		inRoom: Array.isArray(v?.inRoom) ? v.inRoom : [],
		headCount: typeof v?.headCount === 'number' ? v.headCount : 0
	};
}

export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;
