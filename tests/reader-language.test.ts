/**
 * The readers' content language (issue 15, item 5) on the production bundle over real HTTP:
 * `?sprache=` on the public round JSON, the public progress JSON and page and the plan PDF;
 * translated texts with their marks, German fallback, 400 for a code that is unknown or not
 * offered by the plan, a visible notice on the page instead of an error. Bad input: a
 * right-to-left override in the German title, a 10,000-character translation in the PDF.
 * Needs `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../src/lib/domain/index';
import {
	setPlanLanguages,
	setTranslation,
	MAX_TRANSLATION_LENGTH
} from '../src/lib/domain/translations';
import { readPdf } from '../src/lib/export/pdf-reader';
import type { PublicRound, RoundView } from '../src/lib/feedback/types';
import type { PublicProgress } from '../src/lib/domain/monitoring-public';
import { ADMIN_ENV, createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

const AR_TITLE = 'مقهى اللغة في الحي';
const LS_TEXT = 'Im Café können Sie Deutsch üben. '.repeat(400).slice(0, MAX_TRANSLATION_LENGTH);

let server: ServerProcess;
let data: ReturnType<typeof tempDir>;
let owner: HttpSession;
let client: TestClient;
let planId: string;
const ids = { field: '', goal: '', measure: '' };
let roundToken = '';
let publicToken = '';

const anon = (path: string) =>
	fetch(`${server.httpUrl}${path}`, { headers: { 'accept-language': 'de' } });
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
};

beforeAll(async () => {
	data = tempDir();
	server = await spawnServer({ DATA_DIR: data.dir, SEED_EXAMPLE_PLAN: 'false', ...ADMIN_ENV });
	owner = await login(server.httpUrl);
	const created = await createPlanViaApi(owner, 'Integrationskonzept Lesestadt');
	planId = created.planId;
	client = connectClient(server.wsUrl, planId, 'Owner', created.token);
	await client.synced;
	const doc = client.doc;
	ids.field = must(createItem(doc, { type: 'field', values: { title: 'Sprache' } }));
	ids.goal = must(
		createItem(doc, {
			type: 'goal',
			parentId: ids.field,
			values: { title: 'Mehr Deutschkurse', description: 'Kurse für alle.' }
		})
	);
	ids.measure = must(
		createItem(doc, {
			type: 'measure',
			parentId: ids.goal,
			// a right-to-left override in the German title (the German path keeps the text)
			values: { title: 'Sprachcafé \u202Eim Stadtteil', description: 'Jeden Montag im Rathaus.' }
		})
	);
	must(setPlanLanguages(doc, ['ar', 'ls']));
	// the override is stripped from a translated title
	must(setTranslation(doc, ids.measure, 'title', 'ar', `\u202E${AR_TITLE}`));
	must(setTranslation(doc, ids.measure, 'description', 'ls', LS_TEXT));
	await waitFor(async () => {
		const plan = await (await owner.request(`/api/plans/${planId}`)).json();
		return plan.fields?.[0]?.goals?.[0]?.measures?.length === 1;
	}, 'server has the measure');
	// the translations have reached the server when the public JSON shows them (below)
	const round = await owner.request(`/api/plans/${planId}/rounds`, {
		method: 'POST',
		json: {
			title: 'Rückmeldung',
			fieldIds: [ids.field],
			startsAt: new Date(Date.now() - 3600_000).toISOString(),
			endsAt: new Date(Date.now() + 48 * 3600_000).toISOString()
		}
	});
	expect(round.status).toBe(201);
	roundToken = ((await round.json()) as RoundView).token;
	const adopted = await owner.request(`/api/plans/${planId}/umsetzung/beschluss`, {
		method: 'POST',
		json: { date: '2026-11-30', body: 'Stadtrat', reference: 'Beschluss 2026/17' }
	});
	expect(adopted.status).toBe(201);
	const published = await owner.request(`/api/plans/${planId}/umsetzung/veroeffentlichung`, {
		method: 'POST'
	});
	expect(published.status).toBeLessThan(300);
	publicToken = ((await published.json()) as { token: string }).token;
}, 90_000);

afterAll(async () => {
	client?.destroy();
	await server?.stop();
	data?.remove();
});

describe('public round JSON with ?sprache=', () => {
	it('Arabic: translated title with lang/dir marks, German fallback marked', async () => {
		let round: PublicRound | null = null;
		await waitFor(async () => {
			const res = await anon(`/api/public/rounds/${roundToken}?sprache=ar`);
			if (res.status !== 200) return false;
			round = (await res.json()) as PublicRound;
			return round.fields[0]?.goals[0]?.measures[0]?.title === AR_TITLE;
		}, 'translation on the server');
		const r = round as unknown as PublicRound;
		expect(r.language).toEqual({ code: 'ar', tag: 'ar', dir: 'rtl' });
		expect(r.languages.map((l) => l.code)).toEqual(['de', 'ar', 'ls']);
		const m = r.fields[0].goals[0].measures[0];
		expect(m.description).toBe('Jeden Montag im Rathaus.');
		expect(r.marks?.[ids.measure]).toEqual({
			title: { lang: 'ar', dir: 'rtl', fallback: false },
			description: { lang: 'de', dir: 'ltr', fallback: true }
		});
		expect(r.marks?.[ids.field].title.fallback).toBe(true);
		// without the parameter: German, no marks
		const de = (await (await anon(`/api/public/rounds/${roundToken}`)).json()) as PublicRound;
		expect(de.language).toBeNull();
		expect(de.marks).toBeNull();
		expect(de.fields[0].goals[0].measures[0].title).toBe('Sprachcafé \u202Eim Stadtteil');
	});

	it('unknown code or a language the plan does not offer: 400 invalid_language', async () => {
		for (const code of ['xx', 'en', 'AR', '%3Cb%3E']) {
			const res = await anon(`/api/public/rounds/${roundToken}?sprache=${code}`);
			expect(res.status, code).toBe(400);
			const body = await res.json();
			expect(body.error.code).toBe('invalid_language');
			expect(body.error.message).toMatch(/Möglich: de, ar, ls/);
		}
		expect((await anon(`/api/public/rounds/${roundToken}?sprache=de`)).status).toBe(200);
	});
});

describe('public progress with ?sprache=', () => {
	it('JSON: Leichte Sprache translated (lang de, not a fallback); unknown code 400', async () => {
		const res = await anon(`/api/public/umsetzung/${publicToken}?sprache=ls`);
		expect(res.status).toBe(200);
		const p = (await res.json()) as PublicProgress;
		const m = p.fields[0].goals[0].measures[0];
		expect(m.description).toBe(LS_TEXT.trim());
		expect(p.marks?.[ids.measure].description).toEqual({
			lang: 'de',
			dir: 'ltr',
			fallback: false
		});
		expect(p.marks?.[ids.measure].title.fallback).toBe(true);
		const bad = await anon(`/api/public/umsetzung/${publicToken}?sprache=xx`);
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.code).toBe('invalid_language');
	});

	it('page: Arabic text with lang="ar" dir="rtl", German-only badge, choice with lang per option', async () => {
		const res = await anon(`/umsetzung/${publicToken}?sprache=ar`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`lang="ar" dir="rtl"`);
		expect(html).toContain(AR_TITLE);
		expect(html).toContain('nur auf Deutsch');
		expect(html).toMatch(/<option value="ar" lang="ar" dir="rtl"[^>]*>العربية<\/option>/);
		expect(html).toMatch(/<option value="ls" lang="de" dir="ltr"[^>]*>Leichte Sprache<\/option>/);
	});

	it('page: a right-to-left override in the German title does not reorder it', async () => {
		const html = await (await anon(`/umsetzung/${publicToken}`)).text();
		expect(html).toContain('Sprachcafé im Stadtteil');
		expect(html).not.toContain('\u202E');
	});

	it('page: an unknown code shows German with a notice, not an error', async () => {
		const res = await anon(`/umsetzung/${publicToken}?sprache=klingonisch`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('data-testid="language-notice"');
		expect(html).toContain('„klingonisch“ gibt es für diesen Plan nicht');
		expect(html).not.toContain(AR_TITLE);
	});
});

describe('export.pdf with sprache', () => {
	const pdf = async (query: string) => owner.request(`/api/plans/${planId}/export.pdf${query}`);

	it('Arabic: the translated title is in the PDF, the override is not', async () => {
		const res = await pdf('?sprache=ar');
		expect(res.status).toBe(200);
		const read = await readPdf(new Uint8Array(await res.arrayBuffer()));
		const text = read.pages.join('\n').normalize('NFKC');
		expect(text).toContain(AR_TITLE);
		expect(text).not.toContain('\u202E');
	});

	it('German PDF: the override in the German title does not reach the PDF text', async () => {
		const res = await pdf('');
		expect(res.status).toBe(200);
		const text = (await readPdf(new Uint8Array(await res.arrayBuffer()))).pages.join('\n');
		expect(text).toContain('Sprachcafé');
		expect(text).not.toContain('\u202E');
	});

	it('Leichte Sprache: a 10,000-character translation flows over pages', async () => {
		const res = await pdf('?sprache=ls');
		expect(res.status).toBe(200);
		const read = await readPdf(new Uint8Array(await res.arrayBuffer()));
		const text = read.pages.join(' ').replace(/\s+/g, ' ');
		expect(text.split('Im Café können Sie Deutsch üben.').length - 1).toBeGreaterThan(250);
		expect(read.pageCount).toBeGreaterThan(3);
	});

	it('unknown code and a language not offered: 400 invalid_export_option', async () => {
		for (const code of ['xx', 'en']) {
			const res = await pdf(`?sprache=${code}`);
			expect(res.status, code).toBe(400);
			const body = await res.json();
			expect(body.error.code).toBe('invalid_export_option');
			expect(body.error.message).toContain(code);
		}
	});
});

describe('version and report PDFs with sprache', () => {
	let versionId = '';
	beforeAll(async () => {
		// English offered from here on (the tests above expect it not to be)
		must(setPlanLanguages(client.doc, ['ar', 'ls', 'en']));
		await waitFor(
			async () =>
				(await owner.request(`/api/plans/${planId}/export.pdf?sprache=en`)).status === 200,
			'server offers English'
		);
		const res = await owner.request(`/api/plans/${planId}/versions`, {
			method: 'POST',
			json: { name: 'Stand Dezember' }
		});
		expect(res.status).toBeLessThan(300);
		versionId = ((await res.json()) as { id: string }).id;
	});

	const pdfText = async (res: Response) =>
		(await readPdf(new Uint8Array(await res.arrayBuffer()))).pages.join('\n').normalize('NFKC');

	it('version PDF in English: English labels, German texts marked "(only in German)"', async () => {
		const res = await owner.request(
			`/api/plans/${planId}/versions/${versionId}/export.pdf?sprache=en`
		);
		expect(res.status).toBe(200);
		const text = await pdfText(res);
		expect(text).toContain('Contents');
		expect(text).toContain('Page 1 of');
		expect(text).toContain('(only in German)');
		expect(text).toContain('Sprachcafé');
		for (const word of ['Inhalt', 'Seite ', 'Statuslegende', 'nur auf Deutsch']) {
			expect(text).not.toContain(word);
		}
	});

	it('version PDF: translated title, German fallback marked in German labels', async () => {
		const res = await owner.request(
			`/api/plans/${planId}/versions/${versionId}/export.pdf?sprache=ar`
		);
		expect(res.status).toBe(200);
		const text = (await readPdf(new Uint8Array(await res.arrayBuffer()))).pages
			.join('\n')
			.normalize('NFKC');
		expect(text).toContain(AR_TITLE);
		// the measure's description has no Arabic translation: German, marked
		expect(text).toContain('(nur auf Deutsch)');
	});

	it('version PDF: unknown code or a language not offered → 400 invalid_export_option', async () => {
		for (const code of ['xx', 'uk']) {
			const res = await owner.request(
				`/api/plans/${planId}/versions/${versionId}/export.pdf?sprache=${code}`
			);
			expect(res.status, code).toBe(400);
			expect((await res.json()).error.code).toBe('invalid_export_option');
		}
	});

	it('public report PDF: translated title; unknown code → 400 invalid_language', async () => {
		const res = await anon(`/api/public/umsetzung/${publicToken}/bericht.pdf?sprache=ar`);
		expect(res.status).toBe(200);
		const text = (await readPdf(new Uint8Array(await res.arrayBuffer()))).pages
			.join('\n')
			.normalize('NFKC');
		expect(text).toContain(AR_TITLE);
		expect(text).toContain('Umsetzungsbericht');
		const bad = await anon(`/api/public/umsetzung/${publicToken}/bericht.pdf?sprache=xx`);
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.code).toBe('invalid_language');
	});

	it('public report PDF in English: English labels, German titles marked', async () => {
		const res = await anon(`/api/public/umsetzung/${publicToken}/bericht.pdf?sprache=en`);
		expect(res.status).toBe(200);
		const text = await pdfText(res);
		expect(text).toContain('IMPLEMENTATION REPORT');
		expect(text).toContain('Reporting period');
		expect(text).toContain('(only in German)');
		for (const word of ['Berichtszeitraum', 'Überblick', 'Umsetzungsstand', 'Seite ']) {
			expect(text).not.toContain(word);
		}
	});

	it('member report PDF in English; a language not offered → 400 invalid_language', async () => {
		const res = await owner.request(`/api/plans/${planId}/umsetzung/bericht.pdf?sprache=en`);
		expect(res.status).toBe(200);
		expect(await pdfText(res)).toContain('Changes since the last report');
		const bad = await owner.request(`/api/plans/${planId}/umsetzung/bericht.pdf?sprache=uk`);
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.code).toBe('invalid_language');
	});
});
