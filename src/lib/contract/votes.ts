/**
 * The Priorisierung contract (issue 13, item 6): dot votes over a plan's measures or goals — the
 * shapes the JSON API answers with and what the app calls on the vote service (server/votes).
 * Routes have checked the plan role with the gate; the service checks everything that depends on
 * the vote itself (open, dot limit, viewers allowed, one ballot per person or guest).
 */
import type { Actor } from './actor';
import type { Principal } from './access';
import type { ApiResult } from './result';
import type { PlanRole } from './roles';

export type VoteTargetType = 'measure' | 'goal';
/** What may be written back into a measure ('' clears the priority). */
export type VotePriority = 'hoch' | 'mittel' | 'niedrig' | '';

/** One measure or goal up for the vote; title and field as they were when the vote opened. */
export interface VoteTarget {
	itemId: string;
	type: VoteTargetType;
	title: string;
	/** Title of the Handlungsfeld it belongs to ('' if unknown). */
	fieldTitle: string;
}

/** One person's (or guest's) dots: item id → dots. One per voter, however many tabs. */
export interface Ballot {
	voter: Actor;
	dots: Record<string, number>;
	/** Counts the changes; a PUT with an older `revision` is refused (another tab changed it). */
	revision: number;
	updatedAt: string;
}

/** The facilitator set the dots counted in the room (hands, paper) for one item. */
export interface HandCountEntry {
	itemId: string;
	count: number;
	by: Actor;
	at: string;
}

/** Priorities written into measures after the vote (each confirmation is kept). */
export interface VoteApplication {
	at: string;
	by: Actor;
	priorities: Record<string, VotePriority>;
	/** Items that could not be written (deleted meanwhile, or a goal). */
	skipped: Array<{ itemId: string; reason: string }>;
}

/** The stored vote (server only; ballots are personal and never sent to others). */
export interface VoteRecord {
	id: string;
	planId: string;
	/** The Sitzung this vote belongs to, if any (issue 13, item 1). */
	sessionId: string | null;
	title: string;
	targets: VoteTarget[];
	dotsPerPerson: number;
	/** At most this many dots on one item (≤ dotsPerPerson). */
	maxPerItem: number;
	/** Results stay hidden until the vote is closed. */
	hideResults: boolean;
	/** Members with the role „Nur lesen“ (and viewer guests) may vote too. */
	viewersMayVote: boolean;
	/** ISO time at which the vote ends by itself, or null (open until closed). */
	endsAt: string | null;
	createdAt: string;
	createdBy: Actor;
	closedAt: string | null;
	closedBy: Actor | null;
	/** key `user:<id>` or `guest:<id>` → ballot */
	ballots: Record<string, Ballot>;
	/** item id → dots counted in the room */
	handCounts: Record<string, number>;
	handCountLog: HandCountEntry[];
	applications: VoteApplication[];
}

/** One line of the result: dots online and in the room, ranked by the total. */
export interface VoteResultRow {
	itemId: string;
	type: VoteTargetType;
	title: string;
	fieldTitle: string;
	/** Dots given on the board. */
	online: number;
	/** Dots counted in the room by the facilitator (Handzählung). */
	room: number;
	total: number;
	/** People (and guests) who gave this item at least one dot. */
	voters: number;
	/** 1 = most dots; equal totals share a rank. */
	rank: number;
}

export type VoteStatus = 'open' | 'closed';

/** What everyone who may read the plan sees of a vote (no one's ballot). */
export interface VoteView {
	id: string;
	planId: string;
	sessionId: string | null;
	title: string;
	targets: VoteTarget[];
	dotsPerPerson: number;
	maxPerItem: number;
	hideResults: boolean;
	viewersMayVote: boolean;
	endsAt: string | null;
	status: VoteStatus;
	createdAt: string;
	createdBy: Actor;
	closedAt: string | null;
	closedBy: Actor | null;
	/** People (and guests) with at least one dot. */
	voterCount: number;
	/** Dots given on the board, and counted in the room. */
	dotsOnline: number;
	dotsRoom: number;
	/** Ranked results; null while hidden (hideResults and still open). */
	results: VoteResultRow[] | null;
	handCountLog: HandCountEntry[];
	applications: VoteApplication[];
	/** The server's clock when this view was made (clients compute the countdown from it). */
	serverNow: string;
}

/** A vote as one person sees it: the view, their own ballot and what they may do. */
export interface VoteForMe {
	vote: VoteView;
	/** Own dots (item id → dots) and their revision; null before the first dot. */
	mine: { dots: Record<string, number>; revision: number } | null;
	canVote: boolean;
	canManage: boolean;
}

/** Who is asking: the principal and their role on the plan (from the gate). */
export interface VoteCaller {
	principal: Principal;
	role: PlanRole;
}

export interface VoteService {
	/** Every vote of the plan, newest first (views, no ballots). */
	list(planId: string, sessionId?: string | null): Promise<ApiResult<VoteView[]>>;
	get(planId: string, voteId: string, caller: VoteCaller): Promise<ApiResult<VoteForMe>>;
	/**
	 * Opens a vote: `{title, targetIds, dotsPerPerson, maxPerItem?, durationMinutes?, hideResults?,
	 * viewersMayVote?, sessionId?}`. Facilitators (`votes.manage`).
	 */
	open(
		planId: string,
		caller: VoteCaller,
		body: Record<string, unknown>
	): Promise<ApiResult<VoteForMe>>;
	/** Replaces the caller's dots `{dots: {itemId: n}, revision?}` — atomic, never counted twice. */
	cast(
		planId: string,
		voteId: string,
		caller: VoteCaller,
		body: Record<string, unknown>
	): Promise<ApiResult<VoteForMe>>;
	/** Sets the dots counted in the room for one item `{itemId, count}` (facilitator). */
	setHandCount(
		planId: string,
		voteId: string,
		caller: VoteCaller,
		body: Record<string, unknown>
	): Promise<ApiResult<VoteForMe>>;
	/** Ends the vote now (facilitator); the results become visible. */
	close(planId: string, voteId: string, caller: VoteCaller): Promise<ApiResult<VoteForMe>>;
	/**
	 * Writes the confirmed priorities `{priorities: {itemId: 'hoch'|'mittel'|'niedrig'|''}}` into
	 * the measures (live, with a history entry) and keeps them in the vote (facilitator, closed votes).
	 */
	apply(
		planId: string,
		voteId: string,
		caller: VoteCaller,
		body: Record<string, unknown>
	): Promise<ApiResult<VoteForMe>>;
	/** The plan was deleted: its votes go with it. */
	forgetPlan(planId: string): Promise<void>;
}
