/**
 * The review API (issue 5) against the production bundle over real HTTP, socket.io and the sync
 * websocket, once on the embedded file store and once on a private Redis: who may comment and
 * review (reviewer yes, but no document edits; viewer no; non-member 404), no leaks between plans,
 * bad input (oversized comment, flood, non-member mention, verdict on a deleted measure) and
 * comments surviving a restart. Needs `npm run build` (done by `npm test`).
 * Over 400 lines: both stores share one expensive server setup per store, so the cases stay here.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createItem, deleteItem, readPlan, type PlanJson } from '../src/lib/domain/index';
import type { AdminCheck, PlanReviewState, ReviewDecision, Thread } from '../src/lib/review/types';
import { MAX_COMMENT_LENGTH } from '../src/lib/review/types';
import {
	ADMIN_ENV,
	createPlanViaApi,
	login,
	syncTokenViaApi,
	type HttpSession
} from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { closeSockets, connected, join, socketClient } from './helpers/review';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

interface Person {
	id: string;
	email: string;
	name: string;
	session: HttpSession;
}

const clients: TestClient[] = [];
afterEach(() => {
	for (const c of clients.splice(0)) c.destroy();
	closeSockets();
});

describe.each(['file', 'redis'] as const)('review API (%s store)', (kind) => {
	let server: ServerProcess;
	let data: ReturnType<typeof tempDir>;
	let redis: TestRedis | undefined;
	let admin: HttpSession;
	let env: Record<string, string>;
	let count = 0;

	beforeAll(async () => {
		data = tempDir();
		if (kind === 'redis') redis = await startRedis({ persistDir: data.dir });
		env = {
			SEED_EXAMPLE_PLAN: 'false',
			REVIEW_COMMENTS_PER_MINUTE: '8',
			...(redis ? { REDIS_URL: redis.url } : { DATA_DIR: data.dir }),
			...ADMIN_ENV
		};
		server = await spawnServer(env);
		admin = await login(server.httpUrl);
	});

	afterAll(async () => {
		await server?.stop();
		await redis?.stop();
		data?.remove();
	});

	async function person(name: string): Promise<Person> {
		const email = `${kind}-${++count}@mitplan.test`;
		const password = `passwort-${count}-lang`;
		const res = await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email, name, password, mustChangePassword: false }
		});
		expect(res.status).toBe(201);
		const { id } = (await res.json()) as { id: string };
		return { id, email, name, session: await login(server.httpUrl, email, password) };
	}

	/** Adds `who` by e-mail; they open the plan once, which ends „eingeladen“ (issue 12). */
	async function addMember(planId: string, who: Person, role: string) {
		const res = await admin.request(`/api/plans/${planId}/members`, {
			method: 'POST',
			json: { email: who.email, role }
		});
		expect(res.status).toBe(201);
		expect((await who.session.request(`/api/plans/${planId}`)).status).toBe(200);
	}

	/** A plan owned by the admin with a field, a goal and a measure made by a Yjs client. */
	async function planWithContent(title: string) {
		const { planId, token } = await createPlanViaApi(admin, title);
		const c = connectClient(server.wsUrl, planId, 'Admin', token);
		clients.push(c);
		await c.synced;
		const field = createItem(c.doc, { type: 'field', values: { title: 'Bildung' } });
		const fieldId = field.ok ? field.value : '';
		const goal = createItem(c.doc, { type: 'goal', parentId: fieldId, values: { title: 'Kita' } });
		const goalId = goal.ok ? goal.value : '';
		const m = createItem(c.doc, {
			type: 'measure',
			parentId: goalId,
			values: { title: 'Sprachkurse' }
		});
		const measureId = m.ok ? m.value : '';
		await waitFor(async () => {
			const res = await admin.request(`/api/plans/${planId}`);
			const plan = (await res.json()) as PlanJson;
			return plan.fields[0]?.goals[0]?.measures.length === 1;
		}, 'content on the server');
		return { planId, fieldId, goalId, measureId, client: c };
	}

	const post = (s: HttpSession, path: string, json: unknown, method = 'POST') =>
		s.request(path, { method, json });
	const code = async (res: Response) =>
		((await res.json()) as { error: { code: string; message: string } }).error;

	it('a reviewer comments and reviews but cannot edit the document; a viewer can do neither', async () => {
		const { planId, goalId, measureId } = await planWithContent('Rollen');
		const rita = await person('Rita Prüferin');
		const vera = await person('Vera Lesend');
		const stranger = await person('Fremde');
		await addMember(planId, rita, 'reviewer');
		await addMember(planId, vera, 'viewer');

		// Reviewer: comments …
		const created = await post(rita.session, `/api/plans/${planId}/threads`, {
			itemId: measureId,
			body: 'Wer finanziert das?'
		});
		expect(created.status).toBe(201);
		const thread = (await created.json()) as Thread;
		expect(thread).toMatchObject({ itemId: measureId, resolved: false });
		expect(thread.comments[0].author).toMatchObject({ id: rita.id, name: 'Rita Prüferin' });

		// … and reviews, when named on a request …
		const request = await post(admin, `/api/plans/${planId}/review-requests`, {
			scope: { kind: 'plan' },
			reviewerIds: [rita.id],
			dueDate: '2030-01-31',
			message: 'Bitte prüfen'
		});
		expect(request.status).toBe(201);
		const requestId = ((await request.json()) as { id: string }).id;
		const decided = await post(
			rita.session,
			`/api/plans/${planId}/reviews/${goalId}`,
			{ requestId, verdict: 'changes_requested', comment: 'Indikator fehlt' },
			'PUT'
		);
		expect(decided.status).toBe(200);
		const decision = (await decided.json()) as ReviewDecision;
		expect(decision.threadId).toBeTruthy();

		// … but her document edits are dropped by the sync server (read-only connection).
		const token = await syncTokenViaApi(rita.session, planId);
		const ritaClient = connectClient(server.wsUrl, planId, 'Rita', token);
		clients.push(ritaClient);
		await ritaClient.synced;
		createItem(ritaClient.doc, { type: 'principle', values: { title: 'Heimlich' } });
		await new Promise((r) => setTimeout(r, 500));
		const plan = (await (await admin.request(`/api/plans/${planId}`)).json()) as PlanJson;
		expect(plan.principles).toHaveLength(0);

		// Viewer: reads, but no comment, no decision, no resolve.
		expect((await vera.session.request(`/api/plans/${planId}/review`)).status).toBe(200);
		const veraComment = await post(vera.session, `/api/plans/${planId}/threads`, {
			itemId: null,
			body: 'Darf ich?'
		});
		expect(veraComment.status).toBe(403);
		expect((await code(veraComment)).code).toBe('forbidden');
		expect(
			(
				await post(
					vera.session,
					`/api/plans/${planId}/reviews/${goalId}`,
					{ requestId, verdict: 'approved' },
					'PUT'
				)
			).status
		).toBe(403);
		expect(
			(
				await post(
					vera.session,
					`/api/plans/${planId}/threads/${thread.id}`,
					{ resolved: true },
					'PATCH'
				)
			).status
		).toBe(403);
		// Reviewers cannot make requests (owner only).
		expect(
			(
				await post(rita.session, `/api/plans/${planId}/review-requests`, {
					scope: { kind: 'plan' },
					reviewerIds: [rita.id],
					dueDate: '2030-01-31'
				})
			).status
		).toBe(403);

		// Non-member: the plan does not exist for them.
		const hidden = await stranger.session.request(`/api/plans/${planId}/review`);
		expect(hidden.status).toBe(404);
		expect((await code(hidden)).code).toBe('plan_not_found');
		expect(
			(await post(stranger.session, `/api/plans/${planId}/threads`, { itemId: null, body: 'x' }))
				.status
		).toBe(404);

		// The owner sees the request in the state; Rita's queue lists the measure still open.
		const state = (await (
			await admin.request(`/api/plans/${planId}/review`)
		).json()) as PlanReviewState;
		expect(state.threads.map((t) => t.itemId).sort()).toEqual([goalId, measureId].sort());
		expect(state.decisions).toHaveLength(1);
		const queue = (await (await rita.session.request('/api/review-queue')).json()) as Array<{
			itemIds: string[];
		}>;
		expect(queue[0].itemIds).toEqual([measureId]);
		// The owner was notified of the verdict.
		const inbox = (await (await admin.request('/api/notifications')).json()) as {
			unread: number;
			notifications: Array<{ kind: string }>;
		};
		expect(inbox.notifications.map((n) => n.kind)).toContain('review_verdict');
	});

	it("one plan's comments never reach another plan's members (REST and socket.io)", async () => {
		const a = await planWithContent('Plan A');
		const b = await planWithContent('Plan B');
		const bob = await person('Bob aus B');
		await addMember(b.planId, bob, 'editor');
		const secret = await post(admin, `/api/plans/${a.planId}/threads`, {
			itemId: a.measureId,
			body: 'Vertraulich: Kosten 2 Mio.'
		});
		expect(secret.status).toBe(201);
		const secretThread = (await secret.json()) as Thread;

		const inB = (await (
			await bob.session.request(`/api/plans/${b.planId}/review`)
		).json()) as PlanReviewState;
		expect(JSON.stringify(inB)).not.toContain('Vertraulich');
		expect((await bob.session.request(`/api/plans/${a.planId}/review`)).status).toBe(404);
		// Thread ids of plan A are unknown in plan B.
		const cross = await post(
			bob.session,
			`/api/plans/${b.planId}/threads/${secretThread.id}/comments`,
			{
				body: 'Hallo?'
			}
		);
		expect(cross.status).toBe(404);
		expect((await code(cross)).code).toBe('thread_not_found');
		// An item of plan A cannot be commented from plan B.
		const crossItem = await post(bob.session, `/api/plans/${b.planId}/threads`, {
			itemId: a.measureId,
			body: 'x'
		});
		expect((await code(crossItem)).code).toBe('item_not_found');

		// Long-polling: socket.io's HTTP requests must reach it before SvelteKit.
		const socket = socketClient(server.httpUrl, { cookie: bob.session.cookie, polling: true });
		await connected(socket);
		expect(await join(socket, a.planId)).toMatchObject({ ok: false, code: 'plan_not_found' });
		expect(await join(socket, b.planId)).toEqual({ ok: true });
		const seen: string[] = [];
		socket.on('review:thread', (planId) => seen.push(planId));
		await post(admin, `/api/plans/${a.planId}/threads`, { itemId: null, body: 'A geheim' });
		await post(admin, `/api/plans/${b.planId}/threads`, { itemId: null, body: 'B offen' });
		await waitFor(() => seen.length >= 1, 'B event');
		await new Promise((r) => setTimeout(r, 200));
		expect(seen).toEqual([b.planId]);
	});

	it('bad input: oversized comment, non-member mention, flood, verdict on a deleted measure', async () => {
		const { planId, measureId, client } = await planWithContent('Eingaben');
		const dora = await person('Dora Dezernat');
		const stranger = await person('Nicht Mitglied');
		await addMember(planId, dora, 'reviewer');

		const long = await post(admin, `/api/plans/${planId}/threads`, {
			itemId: null,
			body: 'x'.repeat(MAX_COMMENT_LENGTH + 1)
		});
		expect(long.status).toBe(400);
		expect(await code(long)).toMatchObject({ code: 'comment_too_long' });

		const mention = await post(admin, `/api/plans/${planId}/threads`, {
			itemId: null,
			body: 'Hallo @Fremd',
			mentions: [stranger.id]
		});
		expect(mention.status).toBe(400);
		const mentionError = await code(mention);
		expect(mentionError.code).toBe('invalid_mention');
		expect(mentionError.message).toContain(stranger.id);

		const missingItem = await post(admin, `/api/plans/${planId}/threads`, {
			itemId: 'gibt-es-nicht',
			body: 'x'
		});
		expect(missingItem.status).toBe(404);
		expect(await code(missingItem)).toEqual({
			code: 'item_not_found',
			message: 'Diesen Eintrag gibt es nicht (mehr).'
		});
		expect(
			(
				await admin.request(`/api/plans/${planId}/threads`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{'
				})
			).status
		).toBe(400);

		// Check: assigned, then the measure is deleted by an editor's client → 404 on the verdict.
		const assigned = await post(admin, `/api/plans/${planId}/checks`, {
			measureIds: [measureId],
			departmentUserId: dora.id,
			dueDate: '2030-02-01',
			note: 'Bitte Haushalt prüfen'
		});
		expect(assigned.status).toBe(201);
		const [check] = (await assigned.json()) as AdminCheck[];
		deleteItem(client.doc, measureId);
		await waitFor(async () => {
			const plan = (await (await admin.request(`/api/plans/${planId}`)).json()) as PlanJson;
			return plan.fields[0].goals[0].measures.length === 0;
		}, 'measure deleted on the server');
		expect(readPlan(client.doc, planId).fields[0].goals[0].measures).toHaveLength(0);
		const verdict = await post(
			dora.session,
			`/api/plans/${planId}/checks/${check.id}/verdict`,
			{
				outcome: 'feasible',
				reasons: 'Passt',
				conditions: '',
				responsibleOffice: 'Kämmerei'
			},
			'PUT'
		);
		expect(verdict.status).toBe(404);
		expect((await code(verdict)).code).toBe('item_not_found');

		// Flood: 8 comment writes per minute (REVIEW_COMMENTS_PER_MINUTE), then 429 + Retry-After.
		const statuses: number[] = [];
		let last: Response | undefined;
		for (let i = 0; i < 10; i++) {
			last = await post(dora.session, `/api/plans/${planId}/threads`, {
				itemId: null,
				body: `Nummer ${i}`
			});
			statuses.push(last.status);
		}
		expect(statuses.filter((s) => s === 201)).toHaveLength(8);
		expect(last!.status).toBe(429);
		expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await code(last!)).code).toBe('too_many_comments');
		// Everyone else is still served; nothing accepted was lost.
		expect(
			(await post(admin, `/api/plans/${planId}/threads`, { itemId: null, body: 'Ich noch' })).status
		).toBe(201);
		const state = (await (
			await dora.session.request(`/api/plans/${planId}/review`)
		).json()) as PlanReviewState;
		expect(state.threads.filter((t) => t.comments[0].author.id === dora.id)).toHaveLength(8);

		// Guests-only/user-only endpoints answer with JSON errors, not crashes.
		const markBad = await post(dora.session, '/api/notifications/read', { ids: 5 });
		expect(markBad.status).toBe(400);
	});

	it('a check can be assigned to an office; no office without a member or a too long one → 400', async () => {
		const { planId, measureId } = await planWithContent('Amt');
		const dora = await person('Dora Dezernat');
		await addMember(planId, dora, 'reviewer');
		const assign = (body: Record<string, unknown>) =>
			post(admin, `/api/plans/${planId}/checks`, {
				measureIds: [measureId],
				dueDate: '2030-02-01',
				...body
			});

		const empty = await assign({ office: '  ', departmentUserId: '' });
		expect(empty.status).toBe(400);
		expect(await code(empty)).toEqual({
			code: 'check_holder_required',
			message:
				'Bitte nennen Sie die prüfende Stelle: ein Amt (z. B. „Sozialamt“) oder ein Mitglied des Plans.'
		});
		const long = await assign({ office: 'x'.repeat(121) });
		expect(long.status).toBe(400);
		expect(await code(long)).toEqual({
			code: 'check_office_too_long',
			message: 'Der Name des prüfenden Amts darf höchstens 120 Zeichen lang sein.'
		});

		const office = await assign({ office: ' Amt für Jugend und Familie ' });
		expect(office.status).toBe(201);
		const [check] = (await office.json()) as AdminCheck[];
		expect(check).toMatchObject({ office: 'Amt für Jugend und Familie', department: null });
		const state = (await (
			await admin.request(`/api/plans/${planId}/review`)
		).json()) as PlanReviewState;
		expect(state.checks).toEqual([check]);
		// Nobody is named: the owner follows it up in "Meine Prüfaufgaben" and records the answer.
		const queue = (await (await admin.request('/api/review-queue')).json()) as Array<{
			id: string;
		}>;
		expect(queue.map((e) => e.id)).toContain(check.id);
		const answer = {
			outcome: 'feasible',
			reasons: 'Passt in den Regelbetrieb.',
			conditions: '',
			responsibleOffice: 'Amt für Jugend und Familie'
		};
		const byDora = await post(
			dora.session,
			`/api/plans/${planId}/checks/${check.id}/verdict`,
			answer,
			'PUT'
		);
		expect(byDora.status).toBe(403);
		const byOwner = await post(
			admin,
			`/api/plans/${planId}/checks/${check.id}/verdict`,
			answer,
			'PUT'
		);
		expect(byOwner.status).toBe(200);

		// Office and member together: the member answers.
		const both = await assign({ office: 'Sozialamt', departmentUserId: dora.id });
		expect(both.status).toBe(201);
		expect(((await both.json()) as AdminCheck[])[0]).toMatchObject({
			office: 'Sozialamt',
			department: { id: dora.id, name: 'Dora Dezernat' }
		});
	});

	it('comments survive a server restart; a deleted plan’s review data is gone', async () => {
		const { planId } = await planWithContent('Neustart');
		const t = await post(admin, `/api/plans/${planId}/threads`, {
			itemId: null,
			body: 'Bleibt das?'
		});
		const thread = (await t.json()) as Thread;
		const reply = await post(admin, `/api/plans/${planId}/threads/${thread.id}/comments`, {
			body: 'Ja.'
		});
		expect(reply.status).toBe(201);
		for (const c of clients.splice(0)) c.destroy();

		await server.stop();
		server = await spawnServer(env);
		admin = await login(server.httpUrl);
		const state = (await (
			await admin.request(`/api/plans/${planId}/review`)
		).json()) as PlanReviewState;
		expect(state.threads.map((x) => x.comments.map((c) => c.body))).toEqual([
			['Bleibt das?', 'Ja.']
		]);

		expect((await admin.request(`/api/plans/${planId}`, { method: 'DELETE' })).status).toBe(204);
		expect((await admin.request(`/api/plans/${planId}/review`)).status).toBe(404);
	});
});
