/**
 * Shared parts of the vote service (server/votes/service.ts): dependencies, KV keys, refusals
 * with German messages, tolerant parsing of a stored vote.
 */
import type { Actor } from '../../src/lib/contract/actor';
import type { ApiError } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { VotePriority, VoteRecord, VoteView } from '../../src/lib/contract/votes';
import type { KvStore } from '../storage/kv';
import type { Logger } from '../log';
import type { PlanItemsReader } from '../review/items';

/** Writes priorities into the plan's measures (server/votes/writeback.ts); null: no such plan. */
export type PriorityWriter = (
	planId: string,
	actor: Actor,
	priorities: Record<string, VotePriority>,
	/** The vote's title, for the history entry. */
	voteTitle: string
) => Promise<{ written: string[]; skipped: Array<{ itemId: string; reason: string }> } | null>;

export interface VoteDeps {
	kv: KvStore;
	log: Logger;
	/** The plan's items from the live room; null if the plan does not exist. */
	readItems: PlanItemsReader;
	writePriorities: PriorityWriter;
	/** Pushes a changed vote to everyone in the plan (socket.io `vote:updated`). */
	emit?: (planId: string, view: VoteView) => void;
	/** Quiet time between two pushes of the same vote while people vote (ms, default 250). */
	emitEveryMs?: number;
	now?: () => number;
}

/**
 * Keys (Redis: under `mitplan:app:`):
 *   vote:<voteId>     JSON  VoteRecord (settings, ballots, hand counts, applications) — one key,
 *                           so a ballot, a close and a hand count are each one atomic update
 *   votes:<planId>    set   the plan's vote ids
 */
export const K = {
	vote: (voteId: string) => `vote:${voteId}`,
	planVotes: (planId: string) => `votes:${planId}`
};

export const fail = (
	status: number,
	code: string,
	message: string
): { ok: false; error: ApiError } => ({ ok: false, error: { status, code, message } });

export const E = {
	planNotFound: () => ({ ok: false as const, error: PLAN_ERRORS.notFound() }),
	unavailable: () => ({ ok: false as const, error: PLAN_ERRORS.unavailable() }),
	notFound: () =>
		fail(
			404,
			'vote_not_found',
			'Diese Abstimmung gibt es nicht (mehr). Bitte laden Sie die Seite neu.'
		),
	closed: () =>
		fail(
			409,
			'vote_closed',
			'Die Abstimmung ist beendet – Punkte können nicht mehr vergeben werden.'
		),
	expired: () =>
		fail(
			409,
			'vote_closed',
			'Die Zeit für diese Abstimmung ist abgelaufen – Punkte können nicht mehr vergeben werden.'
		),
	stillOpen: () =>
		fail(
			409,
			'vote_open',
			'Die Abstimmung läuft noch. Beenden Sie sie, bevor Sie Prioritäten übernehmen.'
		),
	viewer: () =>
		fail(
			403,
			'vote_viewers_excluded',
			'Mit der Rolle „Nur lesen“ können Sie in dieser Abstimmung nicht abstimmen. Die Moderation kann das erlauben.'
		),
	conflict: () =>
		fail(
			409,
			'ballot_changed',
			'Ihre Punkte wurden inzwischen in einem anderen Fenster geändert. Der aktuelle Stand wird angezeigt – bitte prüfen Sie ihn.'
		),
	full: () =>
		fail(409, 'vote_full', 'An dieser Abstimmung können keine weiteren Personen teilnehmen.'),
	applied: () =>
		fail(
			409,
			'vote_applied',
			'Die Prioritäten aus dieser Abstimmung wurden schon übernommen; die Handzählung bleibt, wie sie ist.'
		),
	tooManyVotes: (n: number) =>
		fail(409, 'too_many_votes', `Ein Plan kann höchstens ${n} Abstimmungen haben.`),
	bad: (code: string, message: string) => fail(400, code, message)
};

export function parseVote(raw: string | null): VoteRecord | null {
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as VoteRecord;
		if (!v || typeof v !== 'object' || typeof v.id !== 'string' || !Array.isArray(v.targets))
			return null;
		v.ballots ??= {};
		v.handCounts ??= {};
		v.handCountLog ??= [];
		v.applications ??= [];
		v.sessionId ??= null;
		return v;
	} catch {
		return null;
	}
}
