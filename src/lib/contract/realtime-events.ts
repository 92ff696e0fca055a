/**
 * Typed socket.io events (`/socket.io` on the same HTTP server as the app and `/sync`). socket.io
 * carries what is not document state: review changes in a plan and personal notifications.
 * Writes never go over socket.io; they use the JSON API, which checks the plan role. The server
 * only pushes.
 *
 * Authentication at the handshake: the session cookie (`mitplan_session`), or
 * `auth: { token }` with a sync token (GET /api/plans/<id>/sync-token). Unauthenticated
 * handshakes are refused with `connect_error` and `data.code` = `unauthenticated`.
 * With REDIS_URL set, `@socket.io/redis-adapter` shares rooms across instances.
 *
 * Rooms on the server: `user:<userId>` (own notifications, joined automatically) and
 * `plan:<planId>` (review events, joined with `plan:join` after a role check; left again when the
 * access is revoked). Session live state (`meeting:state`) goes to the plan room too, so losing
 * access to the plan also stops it.
 */
import type {
	AdminCheck,
	Notification,
	ReviewDecision,
	ReviewRequest,
	Thread
} from '../review/types';
import type { MeetingPush, MeetingView } from './meetings';
import type { MinutesPush } from './minutes';
import type { VoteView } from './votes';
import type { IdeaPush } from './ideas';

export type JoinAck = { ok: true } | { ok: false; code: string; message: string };

/** Answer to `meeting:join`: the session as the caller sees it (with the server clock). */
export type MeetingJoinAck =
	{ ok: true; view: MeetingView } | { ok: false; code: string; message: string };

export interface ServerToClientEvents {
	/** A new notification for me, with my new unread count. */
	notification: (notification: Notification, unread: number) => void;
	/** My unread count changed (read elsewhere, e.g. in another tab). */
	'notifications:unread': (unread: number) => void;
	/** A thread was created or changed (reply, edit, delete, resolve/reopen). */
	'review:thread': (planId: string, thread: Thread) => void;
	'review:request': (planId: string, request: ReviewRequest) => void;
	'review:decision': (planId: string, decision: ReviewDecision) => void;
	'review:check': (planId: string, check: AdminCheck) => void;
	/** A check was removed by the owner. */
	'review:check-removed': (planId: string, checkId: string) => void;
	/**
	 * A session's live state changed (step, timer, follow, lock, hands), sent to the plan room;
	 * `serverNow` lets clients correct their clock for the timer.
	 */
	'meeting:state': (push: MeetingPush) => void;
	/** A session's protocol entries changed (decision, task, open question recorded or edited). */
	'meeting:minutes': (push: MinutesPush) => void;
	/** A dot vote opened or changed (ballots, hand counts, close, priorities written); no ballots. */
	'vote:updated': (planId: string, vote: VoteView) => void;
	/** Ideas of a session's idea wall were added or changed (hidden ones without their text). */
	'ideas:changed': (push: IdeaPush) => void;
}

export interface ClientToServerEvents {
	/** Subscribe to a plan's review events (viewer or higher); the ack says why not. */
	'plan:join': (planId: string, ack: (result: JoinAck) => void) => void;
	'plan:leave': (planId: string) => void;
	/**
	 * Take part in a session (viewer or higher): joins the plan room, records attendance from now
	 * until `meeting:leave` or disconnect, and answers with the session and the server clock.
	 */
	'meeting:join': (
		planId: string,
		sessionId: string,
		ack: (result: MeetingJoinAck) => void
	) => void;
	'meeting:leave': (planId: string, sessionId: string) => void;
}

/** Per-socket data the server keeps after the handshake. */
export interface SocketData {
	principalId: string;
	principalKind: 'user' | 'guest';
	name: string;
	/** Server only: the full principal from the handshake (for role checks on `plan:join`). */
	principal?: unknown;
	/** Server only: set when authenticated with a sync token, which is valid for this plan only. */
	tokenPlanId?: string;
}
