/**
 * Sitzungsprotokoll (issue 13, item 7) against two production servers on one private Redis, with
 * raw HTTP and socket.io clients: who may record (gate and service), entries pushed live to a
 * participant on the other instance, the anchor checked against the plan, a task delivered once
 * into the named member's inbox (not again on edit), the end freezing the entries, comments only
 * by attendees and only during the window (the window's end simulated by moving the stored end
 * back), the PDF read back with pdfjs, and the decision log in the Gesamtplan PDF.
 * Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import type { PlanJson } from '../src/lib/domain/types';
import type { Member } from '../src/lib/contract/access';
import type { Meeting } from '../src/lib/contract/meetings';
import type { MinutesEntry, MinutesPush, ProtocolView } from '../src/lib/contract/minutes';
import type { VoteForMe } from '../src/lib/contract/votes';
import type { Inbox } from '../src/lib/review/types';
import { readPdf } from '../src/lib/export/pdf-reader';
import { ADMIN_ENV, login, type HttpSession } from './helpers/auth';
import { waitFor } from './helpers/clients';
import { spawnPatiently, body, errorOf } from './helpers/http';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { closeSockets, collect, connected, socketClient } from './helpers/review';
import { tempDir, type ServerProcess } from './helpers/server';

let redis: TestRedis;
let a: ServerProcess;
let b: ServerProcess;
let data: ReturnType<typeof tempDir>;
let admin: HttpSession;
let planId: string;
let measures: Array<{ id: string; title: string }>;
let n = 0;

async function member(role: 'editor' | 'reviewer' | 'viewer', name: string) {
	const email = `${role}${++n}@stadt.test`;
	const password = 'mitglied-passwort-1';
	await body(
		await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email, name, password, mustChangePassword: false }
		}),
		201
	);
	await body(
		await admin.request(`/api/plans/${planId}/members`, { method: 'POST', json: { email, role } }),
		201
	);
	const s = await login(a.httpUrl, email, password);
	const members = await body<Member[]>(await admin.request(`/api/plans/${planId}/members`), 200);
	const id = members.find((m) => m.email === email)!.userId;
	return { s, id, name };
}

beforeAll(async () => {
	redis = await startRedis();
	data = tempDir();
	const env = {
		DATA_DIR: data.dir,
		REDIS_URL: redis.url,
		SEED_EXAMPLE_PLAN: 'false',
		REVIEW_REMINDER_MINUTES: '0',
		...ADMIN_ENV
	};
	a = await spawnPatiently(env);
	b = await spawnPatiently(env);
	admin = await login(a.httpUrl);
	const created = await admin.request('/api/plans', {
		method: 'POST',
		json: { title: 'Protokollplan', example: true }
	});
	planId = (await body<{ id: string }>(created, 201)).id;
	const plan = await body<PlanJson>(await admin.request(`/api/plans/${planId}`), 200);
	measures = plan.fields
		.flatMap((f) => f.goals.flatMap((g) => g.measures))
		.slice(0, 2)
		.map((m) => ({ id: m.id, title: m.title }));
}, 240_000);

afterAll(async () => {
	closeSockets();
	await a?.stop();
	await b?.stop();
	await redis?.stop();
	data?.remove();
});

describe('Sitzungsprotokoll over HTTP and socket.io (two instances, one Redis)', () => {
	it('records by role, delivers tasks once, freezes at the end, takes comments in the window, prints the PDF', async () => {
		const mod = await member('editor', 'Mona Moderation');
		const emil = await member('editor', 'Emil Editor');
		const vera = await member('viewer', 'Vera Viewer');
		const rita = await member('reviewer', 'Rita Review');
		const nora = await member('viewer', 'Nora Nichtda');

		const session = await body<Meeting>(
			await admin.request(`/api/plans/${planId}/sitzungen`, {
				method: 'POST',
				json: {
					title: 'AG Bildung',
					date: '2027-03-12',
					time: '18:00',
					room: 'Rathaus, Saal 2',
					facilitatorId: mod.id,
					agenda: [
						{ title: 'Begrüßung', minutes: 10 },
						{ title: 'Beschlüsse', minutes: 30 }
					]
				}
			}),
			201
		);
		const base = `/api/plans/${planId}/sitzungen/${session.id}`;
		const entries = `${base}/protokoll/eintraege`;
		await body(
			await mod.s.request(`${base}/steuerung`, { method: 'POST', json: { action: 'start' } }),
			200
		);

		// Vera takes part from instance B (attendance) and sees entries live.
		const socket = socketClient(b.httpUrl, { cookie: vera.s.cookie });
		await connected(socket);
		const ack = await socket.timeout(5000).emitWithAck('meeting:join', planId, session.id);
		expect(ack.ok).toBe(true);
		const pushes = collect(socket, 'meeting:minutes');

		const decision = {
			kind: 'decision',
			text: 'Das Sprachcafé startet im Mai.',
			itemId: measures[0].id
		};
		// The gate: viewers and reviewers may not record at all.
		expect(
			(await errorOf(await vera.s.request(entries, { method: 'POST', json: decision }), 403)).code
		).toBe('forbidden');
		expect(
			(await errorOf(await rita.s.request(entries, { method: 'POST', json: decision }), 403)).code
		).toBe('forbidden');
		// The service: an editor who is neither the Moderation nor a named note-taker.
		expect(
			(await errorOf(await emil.s.request(entries, { method: 'POST', json: decision }), 403)).code
		).toBe('not_note_taker');
		const anonymous = await fetch(`${a.httpUrl}${entries}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(decision)
		});
		expect(anonymous.status).toBe(401);

		// Shapes and the anchor are checked on the server.
		expect(
			(
				await errorOf(
					await mod.s.request(entries, {
						method: 'POST',
						json: { ...decision, itemId: 'gibt-es-nicht' }
					}),
					400
				)
			).code
		).toBe('item_not_found');
		const long = await errorOf(
			await mod.s.request(entries, {
				method: 'POST',
				json: { ...decision, text: 'x'.repeat(2001) }
			}),
			400
		);
		expect(long.message).toContain('höchstens 2.000');

		const recorded = await body<MinutesEntry>(
			await mod.s.request(entries, { method: 'POST', json: decision }),
			201
		);
		expect(recorded).toMatchObject({ kind: 'decision', itemId: measures[0].id });
		await waitFor(
			() => pushes.some(([p]) => (p as MinutesPush).entries.some((e) => e.id === recorded.id)),
			'entry pushed to instance B',
			15_000
		);

		// A task for Emil lands in his inbox once, also after an edit.
		const task = await body<MinutesEntry>(
			await mod.s.request(entries, {
				method: 'POST',
				json: { kind: 'task', text: 'Räume anfragen', assigneeId: emil.id, dueDate: '2027-04-01' }
			}),
			201
		);
		expect(task.assigneeName).toBe('Emil Editor');
		await body(
			await mod.s.request(`${entries}/${task.id}`, {
				method: 'PATCH',
				json: { text: 'Räume im Rathaus anfragen' }
			}),
			200
		);
		const tasksOf = async (s: HttpSession) =>
			(await body<Inbox>(await s.request('/api/notifications'), 200)).notifications.filter(
				(x) => x.kind === 'meeting_task'
			);
		const inbox = await tasksOf(emil.s);
		expect(inbox).toHaveLength(1);
		expect(inbox[0].text).toContain('Räume anfragen');
		expect(inbox[0].text).toContain('01.04.2027');
		expect(await tasksOf(vera.s)).toHaveLength(0);
		expect(
			(
				await errorOf(
					await mod.s.request(entries, {
						method: 'POST',
						json: { kind: 'task', text: 'x', assigneeId: 'kein-mitglied' }
					}),
					400
				)
			).code
		).toBe('assignee_not_member');

		// Named as note-taker, Emil may record; the window is set to 3 days.
		expect(
			(
				await errorOf(
					await mod.s.request(`${base}/protokoll`, {
						method: 'PATCH',
						json: { noteTakerIds: [vera.id] }
					}),
					400
				)
			).code
		).toBe('note_taker_not_editor');
		await body(
			await mod.s.request(`${base}/protokoll`, {
				method: 'PATCH',
				json: { noteTakerIds: [emil.id], commentDays: 3 }
			}),
			200
		);
		await body(
			await emil.s.request(entries, {
				method: 'POST',
				json: { kind: 'question', text: 'Wer finanziert die Kinderbetreuung?' }
			}),
			201
		);

		// A vote of this session with a result.
		const vote = await body<VoteForMe>(
			await mod.s.request(`/api/plans/${planId}/votes`, {
				method: 'POST',
				json: {
					title: 'Prioritäten Bildung',
					targetIds: measures.map((m) => m.id),
					dotsPerPerson: 3,
					sessionId: session.id
				}
			}),
			201
		);
		await body(
			await rita.s.request(`/api/plans/${planId}/votes/${vote.vote.id}/ballot`, {
				method: 'PUT',
				json: { dots: { [measures[1].id]: 3 } }
			}),
			200
		);
		await body(
			await mod.s.request(`/api/plans/${planId}/votes/${vote.vote.id}/close`, { method: 'POST' }),
			200
		);

		// No comments before the end; the end freezes the entries.
		const comments = `${base}/protokoll/kommentare`;
		expect(
			(
				await errorOf(
					await vera.s.request(comments, { method: 'POST', json: { text: 'Früh' } }),
					409
				)
			).code
		).toBe('comments_not_open');
		// An idea from the wall, not taken over: in the protocol with its outcome.
		await body(
			await mod.s.request(`${base}/ideen`, {
				method: 'POST',
				json: { clientId: 'protokoll-idee-1', text: 'Lesepatenschaften im Quartier' }
			}),
			201
		);
		await body(
			await mod.s.request(`${base}/steuerung`, { method: 'POST', json: { action: 'end' } }),
			200
		);
		expect(
			(await errorOf(await mod.s.request(entries, { method: 'POST', json: decision }), 409)).code
		).toBe('protocol_frozen');

		// Comments: attendees with an account, not others.
		await body(
			await vera.s.request(comments, { method: 'POST', json: { text: 'Bitte Ort ergänzen.' } }),
			201
		);
		expect(
			(
				await errorOf(
					await nora.s.request(comments, { method: 'POST', json: { text: 'Ich auch' } }),
					403
				)
			).code
		).toBe('not_attendee');
		const veraView = await body<ProtocolView>(await vera.s.request(`${base}/protokoll`), 200);
		expect(veraView).toMatchObject({ canComment: true, canRecord: false });
		expect(veraView.protocol.phase).toBe('kommentierung');
		expect(veraView.protocol.ideas).toEqual([
			{ text: 'Lesepatenschaften im Quartier', outcome: 'nicht übernommen' }
		]);

		// The PDF, read back.
		const pdfRes = await vera.s.request(`${base}/protokoll.pdf`);
		expect(pdfRes.status).toBe(200);
		expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
		const pdf = await readPdf(new Uint8Array(await pdfRes.arrayBuffer()));
		const text = pdf.pages.map((p) => p.replace(/\s+/g, ' ')).join(' ');
		for (const needle of [
			'SITZUNGSPROTOKOLL',
			'Das Sprachcafé startet im Mai.',
			'Räume im Rathaus anfragen',
			'Emil Editor',
			'Vera Viewer',
			'Mona Moderation',
			'PRIORITÄTEN BILDUNG',
			measures[1].title,
			'Bitte Ort ergänzen.',
			'Lesepatenschaften im Quartier'
		])
			expect(text, needle).toContain(needle);
		expect(text).toMatch(/1\. \S/);
		expect(text).not.toContain('Nora Nichtda');

		// The window ends (simulated: the stored end moved back 4 days): final, comments refused.
		const raw = createClient({ url: redis.url });
		await raw.connect();
		try {
			const key = `mitplan:app:mt:s:${planId}:${session.id}`;
			const stored = JSON.parse((await raw.get(key))!) as Meeting;
			stored.endedAt = new Date(Date.now() - 4 * 86_400_000).toISOString();
			await raw.set(key, JSON.stringify(stored));
		} finally {
			await raw.close();
		}
		const late = await errorOf(
			await vera.s.request(comments, { method: 'POST', json: { text: 'Zu spät' } }),
			409
		);
		expect(late.code).toBe('comments_closed');
		expect(late.message).toContain('Kommentarfrist ist abgelaufen');
		const final = await body<ProtocolView>(await vera.s.request(`${base}/protokoll`), 200);
		expect(final.protocol.phase).toBe('endgueltig');
		expect(final.canComment).toBe(false);
		expect(
			(
				await errorOf(
					await mod.s.request(`${base}/protokoll`, { method: 'PATCH', json: { commentDays: 30 } }),
					409
				)
			).code
		).toBe('protocol_final');

		// The decision log of all sessions, also as the Gesamtplan's appendix.
		const log = await body<Array<{ text: string; item: string }>>(
			await vera.s.request(`/api/plans/${planId}/sitzungen/beschluesse`),
			200
		);
		expect(log).toEqual([
			expect.objectContaining({ text: 'Das Sprachcafé startet im Mai.', session: 'AG Bildung' })
		]);
		const gesamt = await admin.request(`/api/plans/${planId}/export.pdf?decisionLog=true`);
		expect(gesamt.status).toBe(200);
		const gesamtText = (await readPdf(new Uint8Array(await gesamt.arrayBuffer()))).pages
			.map((p) => p.replace(/\s+/g, ' '))
			.join(' ');
		expect(gesamtText).toContain('Anlage: Beschlussprotokoll aller Sitzungen');
		expect(gesamtText).toContain('Das Sprachcafé startet im Mai.');

		// Deleting the session takes its protocol with it.
		const minutesKey = `mitplan:app:mt:min:${planId}:${session.id}`;
		const check = createClient({ url: redis.url });
		await check.connect();
		try {
			expect(await check.exists(minutesKey)).toBe(1);
			await body(await admin.request(base, { method: 'DELETE' }), 204);
			expect(await check.exists(minutesKey)).toBe(0);
		} finally {
			await check.close();
		}
	});
});
