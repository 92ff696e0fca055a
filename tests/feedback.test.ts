/**
 * Over 400 lines because the same feedback-round suite runs against the file store and Redis over one shared server setup.
 *
 * Feedback rounds (issue 6, part 1) against the production bundle over real HTTP and a real
 * Yjs client, with the embedded file store and with Redis. Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, readPlan } from '../src/lib/domain/index';
import type { PublicRound, RoundView, Submission } from '../src/lib/feedback/types';
import { ADMIN_ENV, createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

const PER_ADDRESS = 3;

describe.each(['file', 'redis'] as const)('feedback rounds (%s store)', (kind) => {
	let server: ServerProcess;
	let data: ReturnType<typeof tempDir>;
	let redis: TestRedis | undefined;
	let admin: HttpSession;
	let client: TestClient;
	let planId: string;
	const ids = { inside: '', outside: '', goal: '' };
	let addressCounter = 0;
	const nextAddress = () => `10.${kind === 'file' ? 1 : 2}.0.${++addressCounter}`;

	const pub = (path: string, init: RequestInit & { json?: unknown; address?: string } = {}) => {
		const headers = new Headers(init.headers);
		headers.set('x-forwarded-for', init.address ?? nextAddress());
		let body = init.body;
		if (init.json !== undefined) {
			headers.set('content-type', 'application/json');
			body = JSON.stringify(init.json);
		}
		return fetch(`${server.httpUrl}${path}`, { ...init, headers, body });
	};

	const hour = 3600_000;
	async function createRound(extra: Record<string, unknown> = {}): Promise<RoundView> {
		const res = await admin.request(`/api/plans/${planId}/rounds`, {
			method: 'POST',
			json: {
				title: 'Rückmeldung vor der AG-Sitzung',
				fieldIds: [ids.inside],
				startsAt: new Date(Date.now() - hour).toISOString(),
				endsAt: new Date(Date.now() + 48 * hour).toISOString(),
				intro: 'Bitte ergänzen Sie Ziele und Maßnahmen.',
				...extra
			}
		});
		expect(res.status).toBe(201);
		return (await res.json()) as RoundView;
	}

	const proposal = (targetId: string, extra: Record<string, unknown> = {}) => ({
		kind: 'proposal_measure',
		targetId,
		title: 'Sprachcafé im Stadtteil',
		text: 'Einmal pro Woche ein offenes Sprachcafé mit Ehrenamtlichen.',
		name: 'Ayşe Yılmaz',
		consent: true,
		...extra
	});

	beforeAll(async () => {
		data = tempDir();
		const env: Record<string, string> = {
			DATA_DIR: data.dir,
			SEED_EXAMPLE_PLAN: 'false',
			ADDRESS_HEADER: 'x-forwarded-for',
			FEEDBACK_MAX_PER_ADDRESS: String(PER_ADDRESS),
			...ADMIN_ENV
		};
		if (kind === 'redis') {
			redis = await startRedis();
			env.REDIS_URL = redis.url;
		}
		server = await spawnServer(env);
		admin = await login(server.httpUrl);
		const created = await createPlanViaApi(admin, 'Vielfaltsstrategie Musterstadt');
		planId = created.planId;
		client = connectClient(server.wsUrl, planId, 'Admin', created.token);
		await client.synced;
		const field = (title: string) => {
			const r = createItem(client.doc, { type: 'field', values: { title } });
			if (!r.ok) throw new Error(r.error.message);
			return r.value;
		};
		ids.inside = field('Gesundheit und Pflege');
		ids.outside = field('Wohnen – interner Entwurf');
		const g = createItem(client.doc, {
			type: 'goal',
			parentId: ids.inside,
			values: { title: 'Zugang zur Gesundheitsversorgung verbessern' }
		});
		if (!g.ok) throw new Error(g.error.message);
		ids.goal = g.value;
		await waitFor(async () => {
			const plan = await (await admin.request(`/api/plans/${planId}`)).json();
			return plan.fields?.length === 2 && plan.fields[0].goals.length === 1;
		}, 'server has the fields');
	}, 60_000);

	afterAll(async () => {
		client?.destroy();
		await server?.stop();
		await redis?.stop();
		data?.remove();
	});

	it('the round link shows only the round’s fields, without a session', async () => {
		const round = await createRound();
		expect(round.state).toBe('offen');
		expect(round.token.length).toBeGreaterThanOrEqual(22);
		const res = await pub(`/api/public/rounds/${round.token}`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as PublicRound;
		const text = JSON.stringify(body);
		expect(text).toContain('Gesundheit und Pflege');
		expect(text).toContain('Zugang zur Gesundheitsversorgung verbessern');
		expect(text).not.toContain('Wohnen – interner Entwurf');
		expect(text).not.toContain(ids.outside);
		expect(body.fields.map((f) => f.id)).toEqual([ids.inside]);
		expect(body.consideration).toBeNull();
		// the public page itself is reachable without a session
		const page = await pub(`/beteiligung/${round.token}`, { redirect: 'manual' });
		expect(page.status).toBe(200);
		// a field outside the round cannot be the target either
		const outside = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.outside)
		});
		expect(outside.status).toBe(400);
		expect((await outside.json()).error.code).toBe('invalid_target');
		// unknown token
		const unknown = await pub(`/api/public/rounds/${'x'.repeat(32)}`);
		expect(unknown.status).toBe(404);
		expect((await unknown.json()).error.code).toBe('round_not_found');
	});

	it('a closed round refuses submissions with 410, a planned one with 409', async () => {
		const round = await createRound();
		const ok = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal)
		});
		expect(ok.status).toBe(201);
		const first = (await ok.json()) as { number: number; id: string };
		expect(first.number).toBe(1);
		// the owner links it to the field outside the round: the public table must not name it
		const linked = await admin.request(
			`/api/plans/${planId}/rounds/${round.id}/submissions/${first.id}`,
			{ method: 'PATCH', json: { linkedItemId: ids.outside } }
		);
		expect(linked.status).toBe(200);
		const close = await admin.request(`/api/plans/${planId}/rounds/${round.id}`, {
			method: 'PATCH',
			json: { closed: true }
		});
		expect(close.status).toBe(200);
		expect(((await close.json()) as RoundView).state).toBe('beendet');
		const late = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal)
		});
		expect(late.status).toBe(410);
		const err = (await late.json()).error;
		expect(err.code).toBe('round_closed');
		expect(err.message).toMatch(/ist seit \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr beendet/);
		// after the close, the link shows the consideration table without names
		const after = (await (await pub(`/api/public/rounds/${round.token}`)).json()) as PublicRound;
		expect(after.state).toBe('beendet');
		expect(after.consideration).toHaveLength(1);
		expect(after.consideration![0].name).toBe('');
		expect(JSON.stringify(after)).not.toContain('Ayşe');
		expect(JSON.stringify(after)).not.toContain('Wohnen – interner Entwurf');
		// deadline passed
		const past = await createRound({
			startsAt: new Date(Date.now() - 48 * hour).toISOString(),
			endsAt: new Date(Date.now() - hour).toISOString()
		});
		const pastRes = await pub(`/api/public/rounds/${past.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal)
		});
		expect(pastRes.status).toBe(410);
		// not yet open
		const future = await createRound({
			startsAt: new Date(Date.now() + hour).toISOString(),
			endsAt: new Date(Date.now() + 48 * hour).toISOString()
		});
		expect(future.state).toBe('geplant');
		const early = await pub(`/api/public/rounds/${future.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal)
		});
		expect(early.status).toBe(409);
		expect((await early.json()).error.code).toBe('round_not_open');
	});

	it('a flood from one address gets 429 while another address still gets through', async () => {
		const round = await createRound();
		const flooder = nextAddress();
		const results = await Promise.all(
			Array.from({ length: PER_ADDRESS + 4 }, (_, i) =>
				pub(`/api/public/rounds/${round.token}/submissions`, {
					method: 'POST',
					address: flooder,
					json: proposal(ids.goal, { title: `Vorschlag ${i}` })
				})
			)
		);
		const statuses = results.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 201)).toHaveLength(PER_ADDRESS);
		expect(statuses.filter((s) => s === 429)).toHaveLength(4);
		const refused = results.find((r) => r.status === 429)!;
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await refused.json()).error.code).toBe('too_many_submissions');
		const other = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal)
		});
		expect(other.status).toBe(201);
		// nothing accepted is lost, numbers are unique
		const subs = (await (
			await admin.request(`/api/plans/${planId}/rounds/${round.id}/submissions`)
		).json()) as Submission[];
		expect(subs.map((s) => s.number)).toEqual([1, 2, 3, 4]);
		expect(JSON.stringify(subs)).not.toContain(flooder);
	});

	it('refuses huge texts (400) and huge bodies (413) with clear messages', async () => {
		const round = await createRound();
		const long = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal, { text: 'ä'.repeat(5001) })
		});
		expect(long.status).toBe(400);
		const err = (await long.json()).error;
		expect(err.code).toBe('text_too_long');
		expect(err.message).toContain('5.000');
		const huge = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal, { text: 'x'.repeat(200_000) })
		});
		expect(huge.status).toBe(413);
		const noConsent = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal, { consent: false })
		});
		expect(noConsent.status).toBe(400);
		expect((await noConsent.json()).error.code).toBe('consent_required');
		// the server keeps serving
		expect((await pub(`/api/public/rounds/${round.token}`)).status).toBe(200);
	});

	it('turning a submission into a measure puts it in the live plan, with a link back', async () => {
		const round = await createRound();
		const sent = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal, { title: 'Gesundheitslotsinnen in fünf Sprachen' })
		});
		const { id: subId } = (await sent.json()) as { id: string };
		const made = await admin.request(
			`/api/plans/${planId}/rounds/${round.id}/submissions/${subId}/item`,
			{ method: 'POST', json: { type: 'measure', parentId: ids.goal } }
		);
		expect(made.status).toBe(201);
		const { itemId, submission } = (await made.json()) as {
			itemId: string;
			submission: Submission;
		};
		expect(submission.createdItemId).toBe(itemId);
		// the connected client sees it without reloading
		await waitFor(() => {
			const plan = readPlan(client.doc, planId);
			return plan.fields[0].goals[0].measures.some(
				(m) => m.id === itemId && m.title === 'Gesundheitslotsinnen in fünf Sprachen'
			);
		}, 'client sees the new measure');
		const measure = client.doc.getMap('items').get(itemId) as Y.Map<unknown>;
		expect(String(measure.get('description'))).toContain('Sprachcafé');
		// twice is refused
		const again = await admin.request(
			`/api/plans/${planId}/rounds/${round.id}/submissions/${subId}/item`,
			{ method: 'POST', json: { type: 'measure', parentId: ids.goal } }
		);
		expect(again.status).toBe(409);
		// link back
		const origins = await admin.request(`/api/plans/${planId}/rounds/origins?itemId=${itemId}`);
		expect(origins.status).toBe(200);
		expect(await origins.json()).toEqual([
			{
				roundId: round.id,
				roundTitle: round.title,
				submissionId: subId,
				number: 1,
				relation: 'created'
			}
		]);
		// decision + reason → consideration table and CSV
		const decided = await admin.request(
			`/api/plans/${planId}/rounds/${round.id}/submissions/${subId}`,
			{ method: 'PATCH', json: { decision: 'adopted', reason: 'Als Maßnahme übernommen.' } }
		);
		expect(decided.status).toBe(200);
		const table = await (
			await admin.request(`/api/plans/${planId}/rounds/abwaegung?roundId=${round.id}`)
		).json();
		expect(table).toMatchObject([
			{
				number: 1,
				decision: 'adopted',
				reason: 'Als Maßnahme übernommen.',
				createdItemTitle: 'Gesundheitslotsinnen in fünf Sprachen',
				name: 'Ayşe Yılmaz'
			}
		]);
		const csv = await admin.request(
			`/api/plans/${planId}/rounds/abwaegung.csv?roundId=${round.id}`
		);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csvText = new TextDecoder().decode(bytes);
		expect(csvText).toContain('Übernommen;Als Maßnahme übernommen.');
		// in the reader's interface language (Accept-Language), or as `sprache` asks
		const csvPath = `/api/plans/${planId}/rounds/abwaegung.csv?roundId=${round.id}`;
		const en = { headers: { 'accept-language': 'en' } };
		const english = await (await admin.request(csvPath, en)).text();
		expect(english.split('\r\n')[0]).toBe(
			'Round,No.,Type,Refers to,Title,Contribution,Name,Received,Decision,Reason,Duplicate of no.,Resulted in'
		);
		expect(english).toContain(',Adopted,Als Maßnahme übernommen.,');
		expect(await (await admin.request(`${csvPath}&sprache=de`, en)).text()).toContain(
			'Runde;Nr.;Art;'
		);
		const unknown = await admin.request(`${csvPath}&sprache=fr`);
		expect(unknown.status).toBe(400);
		expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
			'invalid_language'
		);
		// the PDF appendix
		const pdf = await admin.request(`/api/plans/${planId}/export.pdf?consideration=true`);
		expect(pdf.status).toBe(200);
	});

	it('merging a duplicate shares the original’s decision', async () => {
		const round = await createRound();
		const send = async (title: string) =>
			(
				(await (
					await pub(`/api/public/rounds/${round.token}/submissions`, {
						method: 'POST',
						json: proposal(ids.goal, { title })
					})
				).json()) as { id: string }
			).id;
		const a = await send('Original');
		const b = await send('Dublette');
		const path = (id: string) => `/api/plans/${planId}/rounds/${round.id}/submissions/${id}`;
		expect(
			(await admin.request(path(a), { method: 'PATCH', json: { duplicateOf: a } })).status
		).toBe(400);
		expect(
			(await admin.request(path(b), { method: 'PATCH', json: { duplicateOf: a } })).status
		).toBe(200);
		expect(
			(await admin.request(path(a), { method: 'PATCH', json: { duplicateOf: b } })).status
		).toBe(400); // a cycle
		await admin.request(path(a), {
			method: 'PATCH',
			json: { decision: 'not_adopted', reason: 'Gibt es schon.' }
		});
		const rows = (await (
			await admin.request(`/api/plans/${planId}/rounds/abwaegung?roundId=${round.id}`)
		).json()) as Array<{ number: number; decision: string; reason: string }>;
		expect(rows[1]).toMatchObject({
			number: 2,
			decision: 'not_adopted',
			reason: 'Zusammengeführt mit Beitrag #1. Gibt es schon.'
		});
	});

	it('only the owner triages; non-members get 404, strangers 401', async () => {
		const round = await createRound();
		const sent = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal)
		});
		const { id: subId } = (await sent.json()) as { id: string };
		const mk = async (email: string) => {
			const res = await admin.request('/api/admin/users', {
				method: 'POST',
				json: {
					email,
					name: email.split('@')[0],
					password: 'passwort-1234567',
					mustChangePassword: false
				}
			});
			expect(res.status).toBe(201);
			return login(server.httpUrl, email, 'passwort-1234567');
		};
		const editorEmail = `editor-${kind}@mitplan.test`;
		const editor = await mk(editorEmail);
		const add = await admin.request(`/api/plans/${planId}/members`, {
			method: 'POST',
			json: { email: editorEmail, role: 'editor' }
		});
		expect(add.status).toBe(201);
		const stranger = await mk(`fremd-${kind}@mitplan.test`);
		const triage = (s: HttpSession) =>
			s.request(`/api/plans/${planId}/rounds/${round.id}/submissions/${subId}`, {
				method: 'PATCH',
				json: { decision: 'adopted', reason: 'x' }
			});
		expect((await triage(editor)).status).toBe(403);
		expect((await triage(stranger)).status).toBe(404);
		expect(
			(
				await editor.request(`/api/plans/${planId}/rounds/${round.id}/submissions/${subId}/item`, {
					method: 'POST',
					json: { type: 'measure', parentId: ids.goal }
				})
			).status
		).toBe(403);
		expect((await editor.request(`/api/plans/${planId}/rounds`)).status).toBe(403);
		expect((await stranger.request(`/api/plans/${planId}/rounds/abwaegung`)).status).toBe(404);
		// members may read the consideration table, without names
		const table = await editor.request(`/api/plans/${planId}/rounds/abwaegung`);
		expect(table.status).toBe(200);
		expect(JSON.stringify(await table.json())).not.toContain('Ayşe');
		const anon = await fetch(
			`${server.httpUrl}/api/plans/${planId}/rounds/${round.id}/submissions/${subId}`,
			{
				method: 'PATCH',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			}
		);
		expect(anon.status).toBe(401);
	});

	it('after the plan is deleted, its round links answer 404', async () => {
		const round = await createRound();
		expect((await pub(`/api/public/rounds/${round.token}`)).status).toBe(200);
		const del = await admin.request(`/api/plans/${planId}`, { method: 'DELETE' });
		expect(del.status).toBe(204);
		const gone = await pub(`/api/public/rounds/${round.token}`);
		expect(gone.status).toBe(404);
		expect((await gone.json()).error.code).toBe('round_not_found');
		const post = await pub(`/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			json: proposal(ids.goal)
		});
		expect(post.status).toBe(404);
	});
});
