/**
 * Pagination of list endpoints against the production bundle: `?limit=&cursor=` pages of a JSON
 * array, `X-Next-Cursor` and `Link` while more follow, every entry exactly once across the pages,
 * the whole list without parameters (existing clients), 400 for a bad limit or cursor. Tested on
 * the plan list, members, invites, versions, the audit log and the accounts list.
 * Needs `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { serverPool } from './helpers/server-pool';
import type { ServerProcess } from './helpers/server';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });
let server: ServerProcess;
let admin: HttpSession;
let planId: string;

beforeAll(async () => {
	server = await start();
	admin = await login(server.httpUrl);
	planId = (await createPlanViaApi(admin, 'Seiten')).planId;
	for (let i = 0; i < 4; i++) await createPlanViaApi(admin, `Weiterer Plan ${i}`);
	for (let i = 0; i < 5; i++) {
		const add = await admin.request(`/api/plans/${planId}/members`, {
			method: 'POST',
			json: { email: `person${i}@mitplan.test`, role: 'viewer' }
		});
		expect(add.status).toBe(201);
		const invite = await admin.request(`/api/plans/${planId}/invites`, {
			method: 'POST',
			json: { role: 'viewer', expiresAt: Date.now() + 86_400_000, maxUses: 5, allowGuests: false }
		});
		expect(invite.status).toBe(201);
		const version = await admin.request(`/api/plans/${planId}/versions`, {
			method: 'POST',
			json: { name: `Stand ${i}` }
		});
		expect(version.status).toBe(201);
	}
	for (let i = 0; i < 4; i++) {
		const user = await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email: `konto${i}@mitplan.test`, name: `Konto ${i}`, password: 'passwort-1234567' }
		});
		expect(user.status).toBe(201);
	}
});

/** Follows `X-Next-Cursor` from the first page of `limit`; returns the pages. */
async function allPages(path: string, limit: number) {
	const pages: unknown[][] = [];
	let url = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
	for (let i = 0; i < 50; i++) {
		const res = await admin.request(url);
		expect(res.status).toBe(200);
		const page = (await res.json()) as unknown[];
		expect(Array.isArray(page)).toBe(true);
		pages.push(page);
		const next = res.headers.get('x-next-cursor');
		const link = res.headers.get('link');
		if (!next) {
			expect(link).toBeNull();
			break;
		}
		expect(link).toMatch(/^<\/api\/[^>]+cursor=\d+[^>]*>; rel="next"$/);
		url = link!.slice(1, link!.indexOf('>'));
	}
	return pages;
}

const key = (row: unknown) => JSON.stringify(row);

describe('paginated lists', () => {
	const lists = () =>
		[
			['/api/plans', 5],
			[`/api/plans/${planId}/members`, 6],
			[`/api/plans/${planId}/invites`, 5],
			[`/api/plans/${planId}/versions`, 5],
			[`/api/plans/${planId}/audit`, 11],
			['/api/admin/users', 5]
		] as const;

	it('split into pages of `limit`, every entry once, in the order of the whole list', async () => {
		for (const [path, atLeast] of lists()) {
			const whole = (await (await admin.request(path)).json()) as unknown[];
			expect(whole.length, path).toBeGreaterThanOrEqual(atLeast);
			const pages = await allPages(path, 2);
			expect(pages.length, path).toBe(Math.ceil(whole.length / 2));
			expect(
				pages.every((p, i) => p.length === (i < pages.length - 1 ? 2 : whole.length - 2 * i)),
				path
			).toBe(true);
			expect(pages.flat().map(key), path).toEqual(whole.map(key));
		}
	});

	it('answer the whole list without parameters (no next page for short lists)', async () => {
		const res = await admin.request(`/api/plans/${planId}/members`);
		expect(res.headers.get('x-next-cursor')).toBeNull();
		expect(((await res.json()) as unknown[]).length).toBe(6);
	});

	it('refuse a bad limit or cursor with 400', async () => {
		for (const q of ['limit=0', 'limit=1001', 'limit=zwei', 'cursor=-1', 'cursor=abc']) {
			const res = await admin.request(`/api/plans/${planId}/members?${q}`);
			expect(res.status, q).toBe(400);
			const { error } = (await res.json()) as { error: { code: string } };
			expect(['invalid_limit', 'invalid_cursor']).toContain(error.code);
		}
		// The audit log keeps its own, larger bound.
		expect((await admin.request(`/api/plans/${planId}/audit?limit=5000`)).status).toBe(200);
		expect((await admin.request(`/api/plans/${planId}/audit?limit=5001`)).status).toBe(400);
	});
});
