/** apiList: the browser client follows `X-Next-Cursor` so the UI keeps seeing whole lists. */
import { describe, expect, it } from 'vitest';
import { apiList } from './api';

/** A fake server with `total` entries answering pages like src/lib/server/api/pagination.ts. */
function fakeFetch(total: number, calls: string[]) {
	return (async (input: RequestInfo | URL) => {
		const url = new URL(String(input), 'http://x');
		calls.push(url.pathname + url.search);
		const limit = Number(url.searchParams.get('limit'));
		const offset = Number(url.searchParams.get('cursor') ?? '0');
		const items = Array.from({ length: total }, (_, i) => i).slice(offset, offset + limit);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (offset + limit < total) headers['x-next-cursor'] = String(offset + limit);
		return new Response(JSON.stringify(items), { headers });
	}) as typeof fetch;
}

describe('apiList', () => {
	it('collects every page in order', async () => {
		const calls: string[] = [];
		const result = await apiList<number>(fakeFetch(2500, calls), '/api/plans/p/members');
		expect(result.ok && result.value.length).toBe(2500);
		expect(result.ok && result.value.every((v, i) => v === i)).toBe(true);
		expect(calls).toEqual([
			'/api/plans/p/members?limit=1000',
			'/api/plans/p/members?limit=1000&cursor=1000',
			'/api/plans/p/members?limit=1000&cursor=2000'
		]);
	});

	it('keeps existing query parameters and stops after a single short page', async () => {
		const calls: string[] = [];
		const result = await apiList<number>(fakeFetch(3, calls), '/api/x?kind=a');
		expect(result).toEqual({ ok: true, value: [0, 1, 2] });
		expect(calls).toEqual(['/api/x?kind=a&limit=1000']);
	});
});
