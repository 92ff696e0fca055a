/**
 * Deleting a plan through the API removes everything stored about it (GDPR: a deleted plan's
 * members, comments, public submissions, versions and history must not linger) — checked on a
 * real Redis by listing every key that still names the plan. Only the storage tombstone stays
 * (it keeps the id from ever being reused).
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../src/lib/domain/index';
import { ADMIN_ENV, login, type HttpSession } from './helpers/auth';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, type ServerProcess } from './helpers/server';

let redis: TestRedis;
let server: ServerProcess;
let admin: HttpSession;

beforeAll(async () => {
	redis = await startRedis();
	server = await spawnServer({ ...ADMIN_ENV, REDIS_URL: redis.url, SEED_EXAMPLE_PLAN: 'false' });
	admin = await login(server.httpUrl);
}, 30_000);

afterAll(async () => {
	await server?.stop();
	await redis?.stop();
});

async function expectStatus(res: Response, status: number) {
	if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
	return res;
}

async function keysNaming(planId: string): Promise<string[]> {
	const client = createClient({ url: redis.url });
	await client.connect();
	try {
		return (await client.keys(`*${planId}*`)).sort();
	} finally {
		await client.close();
	}
}

describe('deleting a plan', () => {
	it('leaves no members, review data, rounds, submissions, versions, history or Zeitplan behind', async () => {
		const created = await expectStatus(
			await admin.request('/api/plans', {
				method: 'POST',
				json: { title: 'Wird gelöscht', example: true }
			}),
			201
		);
		const planId = ((await created.json()) as { id: string }).id;
		const plan = (await (
			await expectStatus(await admin.request(`/api/plans/${planId}`), 200)
		).json()) as PlanJson;
		const field = plan.fields[0];
		const measure = field.goals[0].measures[0];

		// a member who gets a notification about the plan (mentioned in a comment)
		const email = 'kerngruppe@stadt.test';
		const password = 'kerngruppe-passwort-1';
		const user = (await (
			await expectStatus(
				await admin.request('/api/admin/users', {
					method: 'POST',
					json: { email, name: 'Kim Kerngruppe', password, mustChangePassword: false }
				}),
				201
			)
		).json()) as { id: string };
		await expectStatus(
			await admin.request(`/api/plans/${planId}/members`, {
				method: 'POST',
				json: { email, role: 'reviewer' }
			}),
			201
		);
		const member = await login(server.httpUrl, email, password);
		const inbox = async () =>
			(
				(await (await expectStatus(await member.request('/api/notifications'), 200)).json()) as {
					notifications: Array<{ planId: string }>;
				}
			).notifications.filter((n) => n.planId === planId);

		// something of every kind: a comment thread, a version, an invite, a feedback round with a
		// public submission, an audit trail
		await expectStatus(
			await admin.request(`/api/plans/${planId}/threads`, {
				method: 'POST',
				json: {
					itemId: measure.id,
					body: '@Kim Kerngruppe: Ist das finanziert?',
					mentions: [user.id]
				}
			}),
			201
		);
		expect(await inbox()).toHaveLength(1);
		await expectStatus(
			await admin.request(`/api/plans/${planId}/versions`, {
				method: 'POST',
				json: { name: 'Entwurf Kerngruppe' }
			}),
			201
		);
		await expectStatus(
			await admin.request(`/api/plans/${planId}/invites`, {
				method: 'POST',
				json: {
					role: 'viewer',
					expiresAt: Date.now() + 7 * 86_400_000,
					maxUses: 5,
					allowGuests: true
				}
			}),
			201
		);
		const round = (await (
			await expectStatus(
				await admin.request(`/api/plans/${planId}/rounds`, {
					method: 'POST',
					json: {
						title: 'Rückmeldung',
						fieldIds: [],
						startsAt: new Date(Date.now() - 60_000).toISOString(),
						endsAt: new Date(Date.now() + 86_400_000).toISOString()
					}
				}),
				201
			)
		).json()) as { token: string };
		await expectStatus(
			await fetch(`${server.httpUrl}/api/public/rounds/${round.token}/submissions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					kind: 'comment',
					targetId: field.id,
					title: 'Mehr Sprachkurse',
					text: 'Bitte auch abends.',
					consent: true
				})
			}),
			201
		);
		// a member added by an e-mail without account (pending until that account exists)
		await expectStatus(
			await admin.request(`/api/plans/${planId}/members`, {
				method: 'POST',
				json: { email: 'noch-ohne-konto@stadt.test', role: 'viewer' }
			}),
			201
		);
		// a Zeitplan entry and a calendar feed link
		await expectStatus(
			await admin.request(`/api/plans/${planId}/zeitplan/milestones`, {
				method: 'POST',
				json: { title: 'Auftaktveranstaltung', date: '2027-03-10' }
			}),
			201
		);
		await expectStatus(
			await admin.request(`/api/plans/${planId}/zeitplan/feed`, { method: 'POST' }),
			201
		);
		const before = await keysNaming(planId);
		expect(before.some((k) => k.includes('pending'))).toBe(true);
		expect(before.some((k) => k.includes('review'))).toBe(true);
		expect(before.some((k) => k.includes('fb:'))).toBe(true);
		expect(before.some((k) => k.includes('versions'))).toBe(true);
		expect(before.some((k) => k.includes('zp:'))).toBe(true);

		await expectStatus(await admin.request(`/api/plans/${planId}`, { method: 'DELETE' }), 204);

		expect(await keysNaming(planId)).toEqual([`mitplan:{${planId}}:deleted`]);
		expect(await inbox()).toEqual([]);
		const publicRound = await fetch(`${server.httpUrl}/api/public/rounds/${round.token}`);
		expect(publicRound.status).toBe(404);
	});
});
