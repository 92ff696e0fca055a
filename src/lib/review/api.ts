/**
 * Browser/SSR client of the review API (docs/api.md, "Review und Benachrichtigungen"): one
 * function per endpoint, built on the shared `apiRequest` (German errors, 401 handling).
 * Every function takes an optional `fetch` (SvelteKit's in load functions).
 */
import { apiList, apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import type {
	AdminCheck,
	CheckOutcome,
	Inbox,
	ItemId,
	PlanReviewState,
	ReviewDecision,
	ReviewQueueEntry,
	ReviewRequest,
	ReviewScope,
	ReviewVerdict,
	Thread
} from './types';

const enc = encodeURIComponent;
const threads = (planId: string) => `${planApiPath(planId)}/threads`;

export const reviewApi = {
	// ----- plan review state -----
	/** Threads, requests, decisions and checks of one plan (viewer or higher). */
	state: (planId: string, f: Fetch = fetch) =>
		apiRequest<PlanReviewState>(f, 'GET', `${planApiPath(planId)}/review`),

	// ----- comment threads (reviewer or higher) -----
	createThread: (
		planId: string,
		input: { itemId: ItemId; body: string; mentions?: string[] },
		f: Fetch = fetch
	) => apiRequest<Thread>(f, 'POST', threads(planId), input),
	reply: (
		planId: string,
		threadId: string,
		input: { body: string; mentions?: string[] },
		f: Fetch = fetch
	) => apiRequest<Thread>(f, 'POST', `${threads(planId)}/${enc(threadId)}/comments`, input),
	setResolved: (planId: string, threadId: string, resolved: boolean, f: Fetch = fetch) =>
		apiRequest<Thread>(f, 'PATCH', `${threads(planId)}/${enc(threadId)}`, { resolved }),
	editComment: (
		planId: string,
		threadId: string,
		commentId: string,
		input: { body: string; mentions?: string[] },
		f: Fetch = fetch
	) =>
		apiRequest<Thread>(
			f,
			'PATCH',
			`${threads(planId)}/${enc(threadId)}/comments/${enc(commentId)}`,
			input
		),
	deleteComment: (planId: string, threadId: string, commentId: string, f: Fetch = fetch) =>
		apiRequest<Thread>(
			f,
			'DELETE',
			`${threads(planId)}/${enc(threadId)}/comments/${enc(commentId)}`
		),

	// ----- core-group review -----
	createRequest: (
		planId: string,
		input: { scope: ReviewScope; reviewerIds: string[]; dueDate: string; message?: string },
		f: Fetch = fetch
	) => apiRequest<ReviewRequest>(f, 'POST', `${planApiPath(planId)}/review-requests`, input),
	setRequestClosed: (planId: string, requestId: string, closed: boolean, f: Fetch = fetch) =>
		apiRequest<ReviewRequest>(
			f,
			'PATCH',
			`${planApiPath(planId)}/review-requests/${enc(requestId)}`,
			{ closed }
		),
	decide: (
		planId: string,
		itemId: string,
		input: { requestId: string; verdict: ReviewVerdict; comment?: string },
		f: Fetch = fetch
	) => apiRequest<ReviewDecision>(f, 'PUT', `${planApiPath(planId)}/reviews/${enc(itemId)}`, input),

	// ----- administrative check (Phase D) -----
	assignChecks: (
		planId: string,
		input: {
			measureIds: string[];
			/** The member who answers for the check; "" or missing with an office alone. */
			departmentUserId?: string;
			/** "Prüfende Stelle" as an office name; required without a member. */
			office?: string;
			dueDate: string;
			note?: string;
		},
		f: Fetch = fetch
	) => apiRequest<AdminCheck[]>(f, 'POST', `${planApiPath(planId)}/checks`, input),
	removeCheck: (planId: string, checkId: string, f: Fetch = fetch) =>
		apiRequest<void>(f, 'DELETE', `${planApiPath(planId)}/checks/${enc(checkId)}`),
	recordVerdict: (
		planId: string,
		checkId: string,
		input: {
			outcome: CheckOutcome;
			reasons: string;
			conditions?: string;
			responsibleOffice: string;
		},
		f: Fetch = fetch
	) =>
		apiRequest<AdminCheck>(
			f,
			'PUT',
			`${planApiPath(planId)}/checks/${enc(checkId)}/verdict`,
			input
		),

	// ----- personal (accounts only) -----
	inbox: (f: Fetch = fetch) => apiRequest<Inbox>(f, 'GET', '/api/notifications'),
	markRead: (input: { ids: string[] } | { all: true }, f: Fetch = fetch) =>
		apiRequest<{ unread: number }>(f, 'POST', '/api/notifications/read', input),
	queue: (f: Fetch = fetch) => apiList<ReviewQueueEntry>(f, '/api/review-queue')
};
