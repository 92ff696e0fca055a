/**
 * Meeting documents in the request's language (issue 15) against the production bundle over real
 * HTTP: a session created without an agenda gets the default steps in the creator's interface
 * language (German without one); the protocol (JSON), its PDF and the decision log follow the
 * cookie `mitplan_lang` / `Accept-Language`, or `?sprache=de|en` (which wins); any other
 * `sprache` is 400 invalid_language. Typed content stays as typed. Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../src/lib/domain/types';
import type { Meeting } from '../src/lib/contract/meetings';
import type { DecisionLogRow, ProtocolView } from '../src/lib/contract/minutes';
import { readPdf } from '../src/lib/export/pdf-reader';
import { ADMIN_ENV, login, type HttpSession } from './helpers/auth';
import { body, errorOf } from './helpers/http';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let server: ServerProcess;
let admin: HttpSession;
let planId: string;
let measure: { id: string; title: string };
const data = tempDir();

const HINTS = {
	none: {},
	cookie: { cookie: 'mitplan_lang=en' },
	acceptLanguage: { 'accept-language': 'en-GB,en;q=0.9' }
} as const;
type Hint = keyof typeof HINTS;

/** A request of the signed-in admin with a language hint (the cookie joins the session's). */
function ask(path: string, hint: Hint, init: RequestInit & { json?: unknown } = {}) {
	const headers = new Headers(init.headers);
	const extra: Record<string, string> = HINTS[hint];
	for (const [k, v] of Object.entries(extra))
		headers.set(k, k === 'cookie' ? `${admin.cookie}; ${v}` : v);
	if (!headers.has('cookie')) headers.set('cookie', admin.cookie);
	if (init.json !== undefined) headers.set('content-type', 'application/json');
	return fetch(`${server.httpUrl}${path}`, {
		...init,
		headers,
		body: init.json !== undefined ? JSON.stringify(init.json) : init.body
	});
}

const pdfText = async (res: Response) => {
	expect(res.status).toBe(200);
	const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
	return pdf.pages.map((p) => p.replace(/\s+/g, ' ')).join(' ');
};

beforeAll(async () => {
	server = await spawnServer({ ...ADMIN_ENV, DATA_DIR: data.dir, SEED_EXAMPLE_PLAN: 'false' });
	admin = await login(server.httpUrl);
	const created = await admin.request('/api/plans', {
		method: 'POST',
		json: { title: 'Sprachplan', example: true }
	});
	planId = (await body<{ id: string }>(created, 201)).id;
	const plan = await body<PlanJson>(await admin.request(`/api/plans/${planId}`), 200);
	const first = plan.fields[0].goals[0].measures[0];
	measure = { id: first.id, title: first.title };
}, 120_000);

afterAll(async () => {
	await server?.stop();
	data.remove();
});

const createSession = async (hint: Hint, title: string) =>
	body<Meeting>(
		await ask(`/api/plans/${planId}/sitzungen`, hint, {
			method: 'POST',
			json: { title, date: '2027-03-12', time: '18:00' }
		}),
		201
	);

describe('meeting documents in the request’s language', () => {
	it('names the default agenda in the creator’s language, German without one', async () => {
		const titles = async (hint: Hint) =>
			(await createSession(hint, `Sitzung ${hint}`)).agenda.map((s) => s.title);
		expect(await titles('none')).toEqual([
			'Begrüßung',
			'Exploration',
			'Konsolidierung',
			'Priorisierung',
			'Abschluss'
		]);
		const english = ['Welcome', 'Exploration', 'Consolidation', 'Prioritisation', 'Closing'];
		expect(await titles('cookie')).toEqual(english);
		expect(await titles('acceptLanguage')).toEqual(english);
	});

	it('words the protocol, its PDF and the decision log in the asked language', async () => {
		const session = await createSession('cookie', 'AG Sprache');
		const base = `/api/plans/${planId}/sitzungen/${session.id}`;
		await body(
			await admin.request(`${base}/steuerung`, { method: 'POST', json: { action: 'start' } }),
			200
		);
		await body(
			await admin.request(`${base}/protokoll/eintraege`, {
				method: 'POST',
				json: { kind: 'decision', text: 'Wir starten im Mai.', itemId: measure.id }
			}),
			201
		);
		await body(
			await admin.request(`${base}/steuerung`, { method: 'POST', json: { action: 'end' } }),
			200
		);

		const view = async (hint: Hint, query = '') =>
			(await body<ProtocolView>(await ask(`${base}/protokoll${query}`, hint), 200)).protocol;
		const german = await view('none');
		expect(german.locale).toBe('de');
		expect(german.phaseLabel).toBe('Kommentierung');
		expect(german.dateLabel).toBe('Freitag, 12. März 2027');
		expect(german.agenda[1]).toMatchObject({ title: 'Exploration', actual: 'nicht behandelt' });
		expect(german.decisions[0].item).toBe(`Maßnahme „${measure.title}“`);
		for (const english of [
			await view('cookie'),
			await view('acceptLanguage'),
			await view('none', '?sprache=en')
		]) {
			expect(english.locale).toBe('en');
			expect(english.phaseLabel).toBe('Open for comments');
			expect(english.dateLabel).toMatch(/^Friday,? 12 March 2027$/);
			expect(english.commentsUntilLabel).toMatch(/^until \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
			expect(english.agenda[0].title).toBe('Welcome');
			expect(english.agenda[1]).toMatchObject({ planned: '40 min', actual: 'not covered' });
			expect(english.decisions[0]).toMatchObject({
				text: 'Wir starten im Mai.',
				item: `Measure “${measure.title}”`
			});
		}
		expect((await view('cookie', '?sprache=de')).locale).toBe('de');

		const pdf = async (hint: Hint, query = '') =>
			pdfText(await ask(`${base}/protokoll.pdf${query}`, hint));
		const en = await pdf('cookie');
		for (const needle of [
			'MEETING MINUTES',
			'1 Meeting',
			'3 Agenda',
			'not covered',
			'Decisions',
			'Wir starten im Mai.'
		])
			expect(en).toContain(needle);
		expect(en).not.toContain('Tagesordnung');
		expect(await pdf('none', '?sprache=en')).toContain('MEETING MINUTES');
		const de = await pdf('cookie', '?sprache=de');
		expect(de).toContain('SITZUNGSPROTOKOLL');
		expect(de).toContain('3 Tagesordnung');

		const log = async (hint: Hint, query = '') =>
			body<DecisionLogRow[]>(
				await ask(`/api/plans/${planId}/sitzungen/beschluesse${query}`, hint),
				200
			);
		expect(await log('none')).toEqual([
			{
				date: '12.03.2027',
				session: 'AG Sprache',
				text: 'Wir starten im Mai.',
				item: `Maßnahme „${measure.title}“`
			}
		]);
		expect(await log('cookie')).toEqual([
			{
				date: '12/03/2027',
				session: 'AG Sprache',
				text: 'Wir starten im Mai.',
				item: `Measure “${measure.title}”`
			}
		]);

		for (const path of [
			`${base}/protokoll`,
			`${base}/protokoll.pdf`,
			`/api/plans/${planId}/sitzungen/beschluesse`
		]) {
			const bad = await ask(`${path}?sprache=fr`, 'none');
			expect(await errorOf(bad, 400)).toMatchObject({ code: 'invalid_language' });
		}
	});
});
