/**
 * Small client for the JSON API (`/api/plans`). Every failure becomes a German message:
 * the server's `{ error: { code, message } }`, or a generic text for network problems.
 */
import type { PlanSummary } from '$lib/domain';

export type ApiResult<T> =
	{ ok: true; value: T } | { ok: false; error: { code: string; message: string; status: number } };

type Fetch = typeof fetch;

async function request<T>(
	fetchFn: Fetch,
	method: string,
	url: string,
	body?: unknown
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
	if (response.status === 204) return { ok: true, value: undefined as T };
	let data: unknown = null;
	try {
		data = await response.json();
	} catch {
		// not JSON (e.g. a proxy error page)
	}
	if (!response.ok) {
		const err = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
		return {
			ok: false,
			error: {
				code: typeof err?.code === 'string' ? err.code : `http_${response.status}`,
				message:
					typeof err?.message === 'string' && err.message
						? err.message
						: `Die Anfrage ist fehlgeschlagen (Fehler ${response.status}). Bitte versuchen Sie es erneut.`,
				status: response.status
			}
		};
	}
	return { ok: true, value: data as T };
}

export const api = {
	listPlans: (f: Fetch = fetch) => request<PlanSummary[]>(f, 'GET', '/api/plans'),
	createPlan: (
		input: { title: string; municipality?: string; example?: boolean },
		f: Fetch = fetch
	) => request<PlanSummary>(f, 'POST', '/api/plans', input),
	updatePlan: (
		id: string,
		patch: { title?: string; municipality?: string; status?: string },
		f: Fetch = fetch
	) => request<PlanSummary>(f, 'PATCH', `/api/plans/${encodeURIComponent(id)}`, patch),
	deletePlan: (id: string, f: Fetch = fetch) =>
		request<void>(f, 'DELETE', `/api/plans/${encodeURIComponent(id)}`)
};
