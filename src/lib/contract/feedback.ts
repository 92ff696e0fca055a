/**
 * The feedback contract: what the app calls on the feedback service (server/feedback) — rounds,
 * public submissions, triage and the consideration table. The route has checked the plan role.
 */
import type { Principal } from './access';
import type { RetryableResult } from './result';
import type {
	ConsiderationRow,
	ItemOriginEntry,
	PublicRound,
	RoundView,
	Submission
} from '../feedback/types';

type R<T> = RetryableResult<T>;

export interface FeedbackService {
	listRounds(planId: string): Promise<R<RoundView[]>>;
	createRound(
		planId: string,
		actor: Principal,
		body: Record<string, unknown>
	): Promise<R<RoundView>>;
	updateRound(
		planId: string,
		roundId: string,
		actor: Principal,
		body: Record<string, unknown>
	): Promise<R<RoundView>>;
	deleteRound(planId: string, roundId: string, actor: Principal | null): Promise<R<null>>;
	/** The plan was deleted: its rounds, links and submissions go with it. */
	forgetPlan(planId: string): Promise<void>;
	listSubmissions(planId: string, roundId: string): Promise<R<Submission[]>>;
	/**
	 * Triage of one submission: `linkedItemId` (an item id or null), `duplicateOf` (another
	 * submission of the round or null), `decision` + `reason`. Only what is present changes.
	 */
	triage(
		planId: string,
		roundId: string,
		subId: string,
		actor: Principal,
		body: Record<string, unknown>
	): Promise<R<Submission>>;
	/** Turns a submission into a new goal or measure in the live plan (link back recorded). */
	createItemFrom(
		planId: string,
		roundId: string,
		subId: string,
		actor: Principal,
		body: Record<string, unknown>
	): Promise<R<{ submission: Submission; itemId: string }>>;
	/** Submissions an item was made from or linked to (DetailPanel). */
	origins(planId: string, itemId: string): Promise<R<ItemOriginEntry[]>>;
	/** The consideration table of all rounds of a plan (or one round). */
	consideration(
		planId: string,
		options: { roundId?: string; withNames: boolean }
	): Promise<R<ConsiderationRow[]>>;
	/** `language`: a content language of the plan (`?sprache=`); unknown → 400 invalid_language. */
	publicRound(token: string, language?: string | null): Promise<R<PublicRound>>;
	submit(
		token: string,
		body: Record<string, unknown>,
		address: string
	): Promise<R<{ number: number; id: string }>>;
}
