/**
 * Small client for the JSON API (docs/api.md). Every failure becomes a German message:
 * the server's `{ error: { code, message } }`, or a generic text for network problems.
 * A 401 `unauthenticated` in the browser sends the person to the login page (and back here
 * afterwards), except for calls that expect it (`/api/auth/me`).
 */
import { browser } from '$app/environment';
import type { PlanRole } from '$lib/contract/roles';
import type {
	AuditEntry,
	GuestInfo,
	Invite,
	InviteInfo,
	Member,
	Principal,
	User
} from '$lib/auth/types';
import type { PlanSummary } from '$lib/domain';

import type { ApiError, ApiResult } from '$lib/contract/result';
import { NEXT_CURSOR_HEADER, PAGE_MAX } from '$lib/contract/pagination';

export type { ApiError, ApiResult };

export type Fetch = typeof fetch;

export type PlanListEntry = PlanSummary & { role?: PlanRole };

/** Called in the browser when the session is gone (set by the root layout). */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null) {
	onUnauthenticated = handler;
}

/** `/anmelden?next=<current page>` (only a same-site relative path is ever used as `next`). */
export function loginHref(next: string): string {
	return next && next !== '/' ? `/anmelden?next=${encodeURIComponent(next)}` : '/anmelden';
}

/**
 * One JSON request with the shared error handling. Feature modules (e.g. src/lib/review/api.ts)
 * build their calls on this instead of adding everything to `api`.
 */
export async function apiRequest<T>(
	fetchFn: Fetch,
	method: string,
	url: string,
	body?: unknown,
	options: { allow401?: boolean; onHeaders?: (headers: Headers) => void } = {}
): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetchFn(url, {
			method,
			headers:
				body === undefined
					? { accept: 'application/json' }
					: {
							accept: 'application/json',
							'content-type': 'application/json'
						},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return {
			ok: false,
			error: {
				code: 'network',
				message:
					'Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.',
				status: 0
			}
		};
	}
	options.onHeaders?.(response.headers);
	if (response.status === 204) return { ok: true, value: undefined as T };
	let data: unknown = null;
	try {
		data = await response.json();
	} catch {
		// not JSON (e.g. a proxy error page)
	}
	if (!response.ok) {
		const err = (data as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)
			?.error;
		const code = typeof err?.code === 'string' ? err.code : `http_${response.status}`;
		if (browser && response.status === 401 && code === 'unauthenticated' && !options.allow401) {
			onUnauthenticated?.();
		}
		const retry = Number(response.headers.get('retry-after'));
		return {
			ok: false,
			error: {
				code,
				message:
					typeof err?.message === 'string' && err.message
						? err.message
						: `Die Anfrage ist fehlgeschlagen (Fehler ${response.status}). Bitte versuchen Sie es erneut.`,
				status: response.status,
				retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
				...(typeof err?.field === 'string' ? { field: err.field } : {})
			}
		};
	}
	return { ok: true, value: data as T };
}

/**
 * A whole paginated list (docs/api.md „Seitenweise Listen“): requests pages of PAGE_MAX and
 * follows `X-Next-Cursor` until the last one, so the UI keeps seeing every entry.
 */
export async function apiList<T>(fetchFn: Fetch, url: string): Promise<ApiResult<T[]>> {
	const all: T[] = [];
	let cursor: string | null = null;
	for (let pages = 0; pages < 100; pages++) {
		const sep = url.includes('?') ? '&' : '?';
		const pageUrl = `${url}${sep}limit=${PAGE_MAX}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		let next: string | null = null;
		const result = await apiRequest<T[]>(fetchFn, 'GET', pageUrl, undefined, {
			onHeaders: (headers) => (next = headers.get(NEXT_CURSOR_HEADER))
		});
		if (!result.ok) return result;
		all.push(...result.value);
		if (!next) break;
		cursor = next;
	}
	return { ok: true, value: all };
}

const request = apiRequest;
const enc = encodeURIComponent;
/** `/api/plans/<id>` with the id encoded. */
export const planApiPath = (id: string) => `/api/plans/${enc(id)}`;
const plan = planApiPath;

export const api = {
	// ----- plans -----
	listPlans: (f: Fetch = fetch) => apiList<PlanListEntry>(f, '/api/plans'),
	createPlan: (
		input: { title: string; municipality?: string; fundingNotice?: string; example?: boolean },
		f: Fetch = fetch
	) => request<PlanListEntry>(f, 'POST', '/api/plans', input),
	updatePlan: (
		id: string,
		patch: { title?: string; municipality?: string; status?: string },
		f: Fetch = fetch
	) => request<PlanSummary>(f, 'PATCH', plan(id), patch),
	deletePlan: (id: string, f: Fetch = fetch) => request<void>(f, 'DELETE', plan(id)),
	/** Records a PDF made in the browser in the plan's audit log. */
	recordExport: (id: string, type: string, f: Fetch = fetch) =>
		request<void>(f, 'POST', `${plan(id)}/exports`, { type }),
	access: (id: string, f: Fetch = fetch) =>
		request<{ role: PlanRole; principal: Principal; translates?: string[] }>(
			f,
			'GET',
			`${plan(id)}/access`
		),
	planTitle: async (id: string, f: Fetch = fetch): Promise<ApiResult<string>> => {
		const result = await request<{ meta?: { title?: string } }>(f, 'GET', plan(id));
		return result.ok ? { ok: true, value: result.value?.meta?.title ?? '' } : result;
	},

	// ----- first start, session, own account -----
	setupNeeded: (f: Fetch = fetch) => request<{ needed: boolean }>(f, 'GET', '/api/setup'),
	setup: (input: { email: string; name: string; password: string }, f: Fetch = fetch) =>
		request<{ user: User }>(f, 'POST', '/api/setup', input),
	me: (f: Fetch = fetch) =>
		request<{ principal: Principal; canCreatePlans?: boolean }>(
			f,
			'GET',
			'/api/auth/me',
			undefined,
			{
				allow401: true
			}
		),
	login: (input: { email: string; password: string }, f: Fetch = fetch) =>
		request<{ user: User }>(f, 'POST', '/api/auth/login', input, { allow401: true }),
	/** Whether single sign-on is offered (the login page's „Mit … anmelden“ button). */
	sso: (f: Fetch = fetch) => request<{ sso: { label: string } | null }>(f, 'GET', '/api/auth/sso'),
	logout: (f: Fetch = fetch) =>
		request<void>(f, 'POST', '/api/auth/logout', undefined, { allow401: true }),
	changePassword: (input: { currentPassword: string; newPassword: string }, f: Fetch = fetch) =>
		request<void>(f, 'POST', '/api/auth/password', input),

	// ----- administration -----
	listUsers: (f: Fetch = fetch) => apiList<User>(f, '/api/admin/users'),
	createUser: (
		input: {
			email: string;
			name: string;
			password: string;
			isAdmin?: boolean;
			mustChangePassword?: boolean;
			canCreatePlans?: boolean;
		},
		f: Fetch = fetch
	) => request<User>(f, 'POST', '/api/admin/users', input),
	updateUser: (
		id: string,
		patch: { name?: string; isAdmin?: boolean; disabled?: boolean; canCreatePlans?: boolean },
		f: Fetch = fetch
	) => request<User>(f, 'PATCH', `/api/admin/users/${enc(id)}`, patch),
	resetPassword: (id: string, password: string, f: Fetch = fetch) =>
		request<void>(f, 'POST', `/api/admin/users/${enc(id)}/password`, { password }),

	// ----- members, invites, audit -----
	listMembers: (id: string, f: Fetch = fetch) => apiList<Member>(f, `${plan(id)}/members`),
	addMember: (id: string, input: { email: string; role: PlanRole }, f: Fetch = fetch) =>
		request<{ status: 'added'; email: string; role: PlanRole }>(
			f,
			'POST',
			`${plan(id)}/members`,
			input
		),
	setMemberRole: (id: string, userId: string, role: PlanRole, f: Fetch = fetch) =>
		request<Member>(f, 'PATCH', `${plan(id)}/members/${enc(userId)}`, { role }),
	setTranslator: (id: string, userId: string, languages: string[], f: Fetch = fetch) =>
		request<{ userId: string; languages: string[] }>(
			f,
			'PUT',
			`${plan(id)}/members/${enc(userId)}/translator`,
			{ languages }
		),
	removeMember: (id: string, userId: string, f: Fetch = fetch) =>
		request<void>(f, 'DELETE', `${plan(id)}/members/${enc(userId)}`),
	createResetLink: (userId: string, f: Fetch = fetch) =>
		request<{ url: string; expiresAt: number }>(
			f,
			'POST',
			`/api/admin/users/${enc(userId)}/reset-link`
		),
	useResetLink: (token: string, password: string, f: Fetch = fetch) =>
		request<void>(f, 'POST', `/api/auth/reset/${enc(token)}`, { password }),
	listGuests: (id: string, f: Fetch = fetch) => apiList<GuestInfo>(f, `${plan(id)}/guests`),
	removeGuest: (id: string, guestId: string, f: Fetch = fetch) =>
		request<void>(f, 'DELETE', `${plan(id)}/guests/${enc(guestId)}`),
	listInvites: (id: string, f: Fetch = fetch) => apiList<Invite>(f, `${plan(id)}/invites`),
	createInvite: (
		id: string,
		input: {
			role: PlanRole;
			expiresAt: number;
			maxUses: number;
			allowGuests: boolean;
			label?: string;
		},
		f: Fetch = fetch
	) =>
		request<{ invite: Invite; token: string; url: string }>(
			f,
			'POST',
			`${plan(id)}/invites`,
			input
		),
	revokeInvite: (id: string, inviteId: string, f: Fetch = fetch) =>
		request<Invite>(f, 'DELETE', `${plan(id)}/invites/${enc(inviteId)}`),
	audit: (id: string, f: Fetch = fetch) =>
		request<AuditEntry[]>(f, 'GET', `${plan(id)}/audit?limit=200`),
	inviteInfo: (token: string, f: Fetch = fetch) =>
		request<InviteInfo>(f, 'GET', `/api/invites/${enc(token)}`, undefined, { allow401: true }),
	acceptInvite: (token: string, f: Fetch = fetch) =>
		request<{ planId: string; role: PlanRole }>(f, 'POST', `/api/invites/${enc(token)}/accept`),
	joinAsGuest: (token: string, name: string, f: Fetch = fetch) =>
		request<{ planId: string; role: PlanRole; expiresAt: number }>(
			f,
			'POST',
			`/api/invites/${enc(token)}/guest`,
			{ name },
			{ allow401: true }
		)
};
