/**
 * Pure derivations over a plan's review state (PlanReviewState) for the board: open comments per
 * item, the core-group review summary of a goal or measure, the administrative check of a measure,
 * and how live socket events change the state. No I/O, no runes: the review store
 * (state.svelte.ts) calls these, and they are unit-tested on their own (derive.test.ts).
 */
import { intlLocale, m } from '$lib/i18n';
import type {
	AdminCheck,
	ItemId,
	PlanReviewState,
	ReviewDecision,
	ReviewRequest,
	ReviewScope,
	Thread
} from './types';

export const emptyReviewState = (): PlanReviewState => ({
	threads: [],
	requests: [],
	decisions: [],
	checks: []
});

// ----- applying live events (idempotent: the same event twice changes nothing) -----

function upsert<T>(list: T[], value: T, same: (a: T) => boolean): T[] {
	const i = list.findIndex(same);
	if (i < 0) return [...list, value];
	const next = list.slice();
	next[i] = value;
	return next;
}

/** A newer version of a thread replaces the old one; an older one (late event) is ignored. */
export function applyThread(state: PlanReviewState, thread: Thread): PlanReviewState {
	const old = state.threads.find((t) => t.id === thread.id);
	if (old && old.updatedAt > thread.updatedAt) return state;
	return { ...state, threads: upsert(state.threads, thread, (t) => t.id === thread.id) };
}

export function applyRequest(state: PlanReviewState, request: ReviewRequest): PlanReviewState {
	return { ...state, requests: upsert(state.requests, request, (r) => r.id === request.id) };
}

/** One reviewer's latest verdict on one item within one request replaces the earlier one. */
export function applyDecision(state: PlanReviewState, decision: ReviewDecision): PlanReviewState {
	const same = (d: ReviewDecision) =>
		d.requestId === decision.requestId &&
		d.itemId === decision.itemId &&
		d.reviewer.id === decision.reviewer.id;
	const old = state.decisions.find(same);
	if (old && old.at > decision.at) return state;
	return { ...state, decisions: upsert(state.decisions, decision, same) };
}

export function applyCheck(state: PlanReviewState, check: AdminCheck): PlanReviewState {
	return { ...state, checks: upsert(state.checks, check, (c) => c.id === check.id) };
}

export function removeCheck(state: PlanReviewState, checkId: string): PlanReviewState {
	return { ...state, checks: state.checks.filter((c) => c.id !== checkId) };
}

// ----- comments -----

/** Threads about one item (`null`: the whole plan), open ones first, newest activity first. */
export function threadsFor(threads: Thread[], itemId: ItemId): Thread[] {
	return threads
		.filter((t) => t.itemId === itemId)
		.sort(
			(a, b) =>
				Number(a.resolved) - Number(b.resolved) ||
				(a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)
		);
}

/** Visible (not deleted) comments in the open threads, per item id ('' = the whole plan). */
export function openCommentCounts(threads: Thread[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const t of threads) {
		if (t.resolved) continue;
		const n = t.comments.filter((c) => !c.deleted).length;
		if (!n) continue;
		const key = t.itemId ?? '';
		counts.set(key, (counts.get(key) ?? 0) + n);
	}
	return counts;
}

/** "1 offener Kommentar" / "3 offene Kommentare" */
export function commentCountLabel(n: number): string {
	return m.review_comment_count({ count: n });
}

// ----- core-group review -----

/**
 * Whether a request covers an item: a plan request covers every goal and measure, a field request
 * those under the field. `fieldOf` finds the field a goal or measure belongs to (null if none).
 */
export function scopeCovers(
	scope: ReviewScope,
	itemId: string,
	fieldOf: (itemId: string) => string | null
): boolean {
	return scope.kind === 'plan' || fieldOf(itemId) === scope.fieldId;
}

export interface ReviewerState {
	reviewerId: string;
	/** Name from the latest verdict, else null (the UI looks the member up). */
	name: string | null;
	decision: ReviewDecision | null;
}

export interface ReviewSummary {
	/** Requests covering the item that count (the open ones; if none is open, all of them). */
	requests: ReviewRequest[];
	reviewers: ReviewerState[];
	approved: number;
	changesRequested: number;
	total: number;
	state: 'none' | 'pending' | 'approved' | 'changes_requested';
}

/**
 * The core-group review of one goal or measure: every named reviewer of the covering requests
 * with their latest verdict on the item. Any "changes requested" wins over approvals; "approved"
 * means every named reviewer approved.
 */
export function reviewSummary(
	state: Pick<PlanReviewState, 'requests' | 'decisions'>,
	itemId: string,
	fieldOf: (itemId: string) => string | null
): ReviewSummary {
	const covering = state.requests.filter((r) => scopeCovers(r.scope, itemId, fieldOf));
	const open = covering.filter((r) => !r.closed);
	const requests = open.length ? open : covering;
	const ids = new Set(requests.map((r) => r.id));
	const latest = new Map<string, ReviewDecision>();
	for (const d of state.decisions) {
		if (d.itemId !== itemId || !ids.has(d.requestId)) continue;
		const prev = latest.get(d.reviewer.id);
		if (!prev || prev.at < d.at) latest.set(d.reviewer.id, d);
	}
	const reviewerIds: string[] = [];
	for (const r of requests)
		for (const id of r.reviewerIds) if (!reviewerIds.includes(id)) reviewerIds.push(id);
	const reviewers = reviewerIds.map((reviewerId) => {
		const decision = latest.get(reviewerId) ?? null;
		return { reviewerId, name: decision?.reviewer.name ?? null, decision };
	});
	const approved = reviewers.filter((r) => r.decision?.verdict === 'approved').length;
	const changesRequested = reviewers.filter(
		(r) => r.decision?.verdict === 'changes_requested'
	).length;
	const total = reviewers.length;
	const summaryState: ReviewSummary['state'] =
		total === 0
			? 'none'
			: changesRequested > 0
				? 'changes_requested'
				: approved === total
					? 'approved'
					: 'pending';
	return { requests, reviewers, approved, changesRequested, total, state: summaryState };
}

/** Short text for the card badge, e.g. "2 von 3 freigegeben", "Änderungen erbeten (1)". */
export function reviewSummaryLabel(summary: ReviewSummary): string {
	switch (summary.state) {
		case 'none':
			return '';
		case 'changes_requested':
			return summary.changesRequested === 1
				? m.review_summary_changes_one()
				: m.review_summary_changes_many({ count: summary.changesRequested });
		case 'approved':
			return summary.total === 1
				? m.review_summary_approved_one()
				: m.review_summary_approved_all({ total: summary.total });
		case 'pending':
			return m.review_summary_pending({ approved: summary.approved, total: summary.total });
	}
}

/**
 * The open requests in which `userId` is a named reviewer and that cover the item: where that
 * person may record a verdict now; newest first (the verdict form preselects that one).
 */
export function myOpenRequestsFor(
	requests: ReviewRequest[],
	userId: string,
	itemId: string,
	fieldOf: (itemId: string) => string | null
): ReviewRequest[] {
	return requests
		.filter(
			(r) => !r.closed && r.reviewerIds.includes(userId) && scopeCovers(r.scope, itemId, fieldOf)
		)
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/** My latest verdict on an item in a request, if any. */
export function myDecision(
	decisions: ReviewDecision[],
	requestId: string,
	itemId: string,
	userId: string
): ReviewDecision | null {
	return (
		decisions.find(
			(d) => d.requestId === requestId && d.itemId === itemId && d.reviewer.id === userId
		) ?? null
	);
}

/**
 * Progress of a request over the goals and measures it covers: how many verdicts are in out of
 * reviewers × items.
 */
export function requestProgress(
	request: ReviewRequest,
	decisions: ReviewDecision[],
	itemIds: string[]
): { done: number; total: number; approved: number; changesRequested: number } {
	const items = new Set(itemIds);
	const reviewers = new Set(request.reviewerIds);
	let approved = 0;
	let changesRequested = 0;
	for (const d of decisions) {
		if (d.requestId !== request.id || !items.has(d.itemId) || !reviewers.has(d.reviewer.id))
			continue;
		if (d.verdict === 'approved') approved++;
		else changesRequested++;
	}
	return {
		done: approved + changesRequested,
		total: items.size * reviewers.size,
		approved,
		changesRequested
	};
}

// ----- administrative check -----

/** The latest assigned check of a measure (a measure has at most one in practice). */
export function checkFor(checks: AdminCheck[], measureId: string): AdminCheck | null {
	let found: AdminCheck | null = null;
	for (const c of checks) {
		if (c.measureId !== measureId) continue;
		if (!found || found.assignedAt < c.assignedAt) found = c;
	}
	return found;
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(now = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A due date (`YYYY-MM-DD`) before today. */
export function isOverdue(dueDate: string, now = new Date()): boolean {
	return dueDate < today(now);
}

/** `2026-11-21` → `21.11.2026` (German), `21/11/2026` (English). */
export function formatDay(iso: string): string {
	const [y, mo, d] = iso.split('-');
	if (!y || !mo || !d) return iso;
	const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat(intlLocale(), {
		timeZone: 'UTC',
		day: '2-digit',
		month: '2-digit',
		year: 'numeric'
	}).format(date);
}

// ----- @mentions -----

/**
 * The `@query` the caret is in, if any: `@` at the start or after whitespace, followed by word
 * characters (also spaces inside names are not supported while typing; the list filters by the
 * first word). Returns where it starts and the query text.
 */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
	const before = text.slice(0, caret);
	const match = /(^|\s)@([\p{L}\p{N}._-]*)$/u.exec(before);
	if (!match) return null;
	return { start: caret - match[2].length - 1, query: match[2] };
}

/** Members whose name matches the query (start of any word, case-insensitive). */
export function matchMembers<T extends { name: string }>(members: T[], query: string): T[] {
	const q = query.toLocaleLowerCase('de');
	return members.filter((m) =>
		m.name
			.toLocaleLowerCase('de')
			.split(/\s+/)
			.some((part) => part.startsWith(q))
	);
}

/** Ids of the members mentioned as `@Full Name` in a text. */
export function mentionedIds(
	text: string,
	members: Array<{ userId: string; name: string }>
): string[] {
	const ids: string[] = [];
	for (const m of members) {
		if (!m.name) continue;
		if (text.includes(`@${m.name}`) && !ids.includes(m.userId)) ids.push(m.userId);
	}
	return ids;
}

/**
 * A comment split into plain text and @mentions of the given names (longest name first, so
 * "@Anna Maria" wins over "@Anna"), for highlighting mentions where comments are shown.
 */
export function mentionSegments(
	text: string,
	names: readonly string[]
): Array<{ text: string; mention: boolean }> {
	const sorted = [...new Set(names.filter((n) => n.trim() !== ''))].sort(
		(a, b) => b.length - a.length
	);
	const out: Array<{ text: string; mention: boolean }> = [];
	let plain = '';
	let i = 0;
	while (i < text.length) {
		const atStart = i === 0 || /\s|[(„"']/.test(text[i - 1]);
		const name =
			text[i] === '@' && atStart ? sorted.find((n) => text.startsWith(n, i + 1)) : undefined;
		if (name === undefined) {
			plain += text[i++];
			continue;
		}
		if (plain) out.push({ text: plain, mention: false });
		plain = '';
		out.push({ text: `@${name}`, mention: true });
		i += name.length + 1;
	}
	if (plain) out.push({ text: plain, mention: false });
	return out;
}
