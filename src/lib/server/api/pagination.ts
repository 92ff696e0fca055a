/**
 * Pagination of list endpoints, one convention for all: `?limit=&cursor=`; the body stays the
 * JSON array it always was (so existing clients keep working), and when more items follow, the
 * `X-Next-Cursor` header carries the cursor of the next page and `Link: <…>; rel="next"` its URL.
 * The cursor is opaque to clients (today: the offset in the list's stable order).
 */
import { json } from '@sveltejs/kit';
import { NEXT_CURSOR_HEADER, PAGE_DEFAULT, PAGE_MAX } from '$lib/contract/pagination';
import type { ApiResult } from '$lib/contract/result';
import { errorResponse, resultResponse } from '$lib/server/http';

export { PAGE_DEFAULT, PAGE_MAX };

export interface PageRequest {
	limit: number;
	offset: number;
}

/** Reads `limit` (1–max, default) and `cursor`; a 400 response for anything else. */
export function readPage(
	url: URL,
	options: { defaultLimit?: number; maxLimit?: number } = {}
): { ok: true; page: PageRequest } | { ok: false; response: Response } {
	const max = options.maxLimit ?? PAGE_MAX;
	const rawLimit = url.searchParams.get('limit');
	const limit = rawLimit === null ? (options.defaultLimit ?? PAGE_DEFAULT) : Number(rawLimit);
	if (!Number.isInteger(limit) || limit < 1 || limit > max) {
		return {
			ok: false,
			response: errorResponse(
				400,
				'invalid_limit',
				`limit muss eine ganze Zahl von 1 bis ${max} sein.`
			)
		};
	}
	const cursor = url.searchParams.get('cursor');
	const offset = cursor === null ? 0 : Number(cursor);
	if (!/^\d{1,9}$/.test(cursor ?? '0') || !Number.isSafeInteger(offset)) {
		return {
			ok: false,
			response: errorResponse(
				400,
				'invalid_cursor',
				'cursor ist ungültig: bitte den Wert aus X-Next-Cursor verwenden.'
			)
		};
	}
	return { ok: true, page: { limit, offset } };
}

/** One page of `items` as the JSON array, with `X-Next-Cursor` and `Link` when more follow. */
export function pageResponse<T>(url: URL, items: readonly T[], page: PageRequest): Response {
	const slice = items.slice(page.offset, page.offset + page.limit);
	const headers: Record<string, string> = {};
	const next = page.offset + page.limit;
	if (next < items.length) {
		const nextUrl = new URL(url);
		nextUrl.searchParams.set('limit', String(page.limit));
		nextUrl.searchParams.set('cursor', String(next));
		headers[NEXT_CURSOR_HEADER] = String(next);
		headers.link = `<${nextUrl.pathname}${nextUrl.search}>; rel="next"`;
	}
	return json(slice, { headers });
}

/** readPage + pageResponse for a list computed in full (most lists are small and kept whole). */
export async function paginated<T>(
	url: URL,
	load: () => Promise<readonly T[]>,
	options?: { defaultLimit?: number; maxLimit?: number }
): Promise<Response> {
	const read = readPage(url, options);
	if (!read.ok) return read.response;
	return pageResponse(url, await load(), read.page);
}

/** A page of a service's list result (its refusal answered as usual). */
export function resultPage<T>(url: URL, result: ApiResult<readonly T[]>): Response {
	if (!result.ok) return resultResponse(result);
	const read = readPage(url);
	if (!read.ok) return read.response;
	return pageResponse(url, result.value, read.page);
}
