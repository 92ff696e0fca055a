/**
 * The one result type of the backend and the JSON API: a value, or an error with a stable
 * machine-readable `code`, a German `message` for the UI and the HTTP `status` to answer with.
 * Services return it instead of throwing for user errors; routes translate it to HTTP.
 */

export interface ApiError {
	/** Stable machine-readable code, e.g. `invalid_plan_id`, `plan_not_found`. */
	code: string;
	/** Human-readable German message for the UI. */
	message: string;
	/** HTTP status to answer with. */
	status: number;
	/** The input the message is about (e.g. `title`, `agenda.2.minutes`), to show it there. */
	field?: string;
	/**
	 * Values for the translated message (messages/server, `server_error_<code>`), e.g. `seconds`
	 * of a 429; the response boundary uses them when the request is not German.
	 */
	params?: Record<string, string | number>;
	/** Seconds from a `Retry-After` header (429); set by the browser's API client. */
	retryAfter?: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An ApiResult whose refusal may say when to try again (429 → `Retry-After`). */
export type RetryableResult<T> = ApiResult<T> & { retryAfterSeconds?: number };

/** The errors every plan endpoint shares (HTTP, sync, socket.io and the plan service). */
export const PLAN_ERRORS = {
	invalidId: (): ApiError => ({
		status: 400,
		code: 'invalid_plan_id',
		message: 'Ungültige Plan-ID: erlaubt sind 1–64 Zeichen aus A–Z, a–z, 0–9, _ und -.'
	}),
	notFound: (): ApiError => ({
		status: 404,
		code: 'plan_not_found',
		message: 'Diesen Plan gibt es nicht.'
	}),
	unavailable: (): ApiError => ({
		status: 503,
		code: 'storage_unavailable',
		message: 'Der Speicher ist gerade nicht erreichbar. Bitte gleich erneut versuchen.'
	})
};
