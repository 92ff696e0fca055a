/**
 * The review state of the open board (runes): loads PlanReviewState once, applies live socket
 * events and the answers of its own writes, and derives per item what the cards and the detail
 * panel show (open comments, review summary, administrative check). Shared with the board's
 * components through context (setReview/getReview), like getBoard().
 */
import { getContext, setContext } from 'svelte';
import { api, type ApiResult } from '$lib/components/api';
import { announcer } from '$lib/components/announcer.svelte';
import { m } from '$lib/i18n';
import { canManagePlan, canReview, isReviewCandidate } from '$lib/contract/policy';
import type { PlanRole } from '$lib/contract/roles';
import type { Member } from '$lib/auth/types';
import { reviewApi } from './api';
import {
	applyCheck,
	applyDecision,
	applyRequest,
	applyThread,
	checkFor,
	emptyReviewState,
	openCommentCounts,
	removeCheck,
	reviewSummary,
	type ReviewSummary
} from './derive';
import type {
	AdminCheck,
	CheckOutcome,
	ItemId,
	PlanReviewState,
	ReviewDecision,
	ReviewRequest,
	ReviewVerdict,
	Thread
} from './types';

const KEY = Symbol('mitplan.review');

/** What the live connection delivers for one plan (see src/lib/realtime/events.ts). */
export interface PlanEventHandlers {
	thread: (thread: Thread) => void;
	request: (request: ReviewRequest) => void;
	decision: (decision: ReviewDecision) => void;
	check: (check: AdminCheck) => void;
	checkRemoved: (checkId: string) => void;
}

export interface ReviewStoreOptions {
	planId: string;
	/** The signed-in principal's id. */
	meId: string;
	role: PlanRole;
	/** The field a goal or measure belongs to (the field itself for a field); null if unknown. */
	fieldOf: (itemId: string) => string | null;
	/** Display name of an item for announcements, e.g. "Maßnahme „Sprachcafé“". */
	itemName?: (itemId: string) => string | null;
}

export class ReviewStore {
	readonly planId: string;
	readonly meId: string;
	role = $state<PlanRole>('viewer');
	data = $state<PlanReviewState>(emptyReviewState());
	loaded = $state(false);
	error = $state<string | null>(null);
	/** Plan members (for @mentions, reviewer names and pickers); empty until loaded. */
	members = $state<Member[]>([]);
	readonly #fieldOf: (itemId: string) => string | null;
	readonly #itemName: (itemId: string) => string | null;

	/** Open (unresolved) comment counts per item id; '' = the whole plan. */
	counts = $derived(openCommentCounts(this.data.threads));

	constructor(options: ReviewStoreOptions) {
		this.planId = options.planId;
		this.meId = options.meId;
		this.role = options.role;
		this.#fieldOf = options.fieldOf;
		this.#itemName = options.itemName ?? (() => null);
	}

	/** The board's name of an item (null when it is not there). */
	itemLabel(itemId: string): string | null {
		return this.#itemName(itemId);
	}

	get canComment() {
		return canReview(this.role);
	}
	get isOwner() {
		return canManagePlan(this.role);
	}

	/**
	 * Members with role reviewer or higher (may be named reviewers or departments). Members still
	 * „eingeladen“ (added by e-mail, plan not yet opened; or no account yet) are left out: they
	 * look alike on purpose, and only real accounts can be assigned.
	 */
	get reviewerCandidates(): Member[] {
		return this.members.filter((m) => !m.invited && isReviewCandidate(m.role));
	}

	/** Members who can be @mentioned (not „eingeladen“: those have no name in the list). */
	get namedMembers(): Member[] {
		return this.members.filter((m) => !m.invited);
	}

	memberName(userId: string): string {
		return this.members.find((x) => x.userId === userId)?.name ?? m.review_unknown_person();
	}

	async load(): Promise<void> {
		const [state, members] = await Promise.all([
			reviewApi.state(this.planId),
			api.listMembers(this.planId)
		]);
		if (state.ok) {
			this.data = state.value;
			this.error = null;
		} else {
			this.error = m.review_load_failed({ error: state.error.message });
		}
		if (members.ok) this.members = members.value;
		this.loaded = true;
	}

	// ----- derived per item (call inside $derived in components) -----

	commentCount(itemId: ItemId): number {
		return this.counts.get(itemId ?? '') ?? 0;
	}

	summary(itemId: string): ReviewSummary {
		return reviewSummary(this.data, itemId, this.#fieldOf);
	}

	check(measureId: string): AdminCheck | null {
		return checkFor(this.data.checks, measureId);
	}

	fieldOf(itemId: string): string | null {
		return this.#fieldOf(itemId);
	}

	// ----- live events -----

	readonly handlers: PlanEventHandlers = {
		thread: (thread) => {
			const before = this.data.threads.find((t) => t.id === thread.id);
			this.data = applyThread(this.data, thread);
			this.#announceThread(before, thread);
		},
		request: (request) => {
			this.data = applyRequest(this.data, request);
		},
		decision: (decision) => {
			this.data = applyDecision(this.data, decision);
			if (decision.reviewer.id !== this.meId) {
				const item = this.#itemName(decision.itemId) ?? m.review_live_an_item();
				const who = { name: decision.reviewer.name, item };
				announcer.say(
					decision.verdict === 'approved'
						? m.review_live_decision_approved(who)
						: m.review_live_decision_changes(who)
				);
			}
		},
		check: (check) => {
			const before = this.data.checks.find((c) => c.id === check.id);
			this.data = applyCheck(this.data, check);
			if (
				check.verdict &&
				check.verdict.at !== before?.verdict?.at &&
				check.verdict.by.id !== this.meId
			) {
				const item = this.#itemName(check.measureId) ?? m.review_live_a_measure();
				announcer.say(m.review_live_check({ item }));
			}
		},
		checkRemoved: (checkId) => {
			this.data = removeCheck(this.data, checkId);
		}
	};

	#announceThread(before: Thread | undefined, thread: Thread) {
		const last = thread.comments.at(-1);
		if (!last || last.author.id === this.meId) return;
		if (before && before.comments.length >= thread.comments.length) {
			if (before.resolved !== thread.resolved && thread.resolvedBy?.id !== this.meId) {
				announcer.say(thread.resolved ? m.review_live_resolved() : m.review_live_reopened());
			}
			return;
		}
		const where = thread.itemId
			? (this.#itemName(thread.itemId) ?? m.review_live_an_item_dat())
			: m.review_live_the_plan();
		announcer.say(m.review_live_new_comment({ name: last.author.name, where }));
	}

	// ----- writes: the answer is applied at once (the socket event may follow) -----

	#take<T>(result: ApiResult<T>, apply: (value: T) => void): ApiResult<T> {
		if (result.ok) apply(result.value);
		return result;
	}

	async createThread(itemId: ItemId, body: string, mentions: string[]) {
		return this.#take(
			await reviewApi.createThread(this.planId, { itemId, body, mentions }),
			(t) => (this.data = applyThread(this.data, t))
		);
	}

	async reply(threadId: string, body: string, mentions: string[]) {
		return this.#take(
			await reviewApi.reply(this.planId, threadId, { body, mentions }),
			(t) => (this.data = applyThread(this.data, t))
		);
	}

	async setResolved(threadId: string, resolved: boolean) {
		return this.#take(
			await reviewApi.setResolved(this.planId, threadId, resolved),
			(t) => (this.data = applyThread(this.data, t))
		);
	}

	async editComment(threadId: string, commentId: string, body: string, mentions: string[]) {
		return this.#take(
			await reviewApi.editComment(this.planId, threadId, commentId, { body, mentions }),
			(t) => (this.data = applyThread(this.data, t))
		);
	}

	async deleteComment(threadId: string, commentId: string) {
		return this.#take(
			await reviewApi.deleteComment(this.planId, threadId, commentId),
			(t) => (this.data = applyThread(this.data, t))
		);
	}

	async decide(itemId: string, requestId: string, verdict: ReviewVerdict, comment: string) {
		const result = await reviewApi.decide(this.planId, itemId, { requestId, verdict, comment });
		if (result.ok) {
			this.data = applyDecision(this.data, result.value);
			// a change request opens a thread: fetch it if the socket has not delivered it yet
			const tid = result.value.threadId;
			if (tid && !this.data.threads.some((t) => t.id === tid)) await this.refresh();
		}
		return result;
	}

	async checkVerdict(
		checkId: string,
		input: { outcome: CheckOutcome; reasons: string; conditions: string; responsibleOffice: string }
	) {
		return this.#take(
			await reviewApi.recordVerdict(this.planId, checkId, input),
			(c) => (this.data = applyCheck(this.data, c))
		);
	}

	async assignChecks(input: {
		measureIds: string[];
		departmentUserId?: string;
		office?: string;
		dueDate: string;
		note: string;
	}) {
		return this.#take(await reviewApi.assignChecks(this.planId, input), (list) => {
			for (const c of list ?? []) this.data = applyCheck(this.data, c);
		});
	}

	async removeCheck(checkId: string) {
		return this.#take(
			await reviewApi.removeCheck(this.planId, checkId),
			() => (this.data = removeCheck(this.data, checkId))
		);
	}

	/** Load the whole state again (after a reconnect, or to pick up a thread a verdict opened). */
	async refresh(): Promise<void> {
		const state = await reviewApi.state(this.planId);
		if (state.ok) {
			this.data = state.value;
			this.error = null;
		}
	}
}

export function setReview(store: ReviewStore) {
	setContext(KEY, store);
}

/** The board's review store, or null outside a board (components then show nothing). */
export function getReview(): ReviewStore | null {
	return getContext<ReviewStore | undefined>(KEY) ?? null;
}
