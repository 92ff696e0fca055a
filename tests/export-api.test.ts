/**
 * GET /api/plans/<planId>/export.pdf of the production bundle over real HTTP, and the CLI
 * `npm run export` against a file store. Needs `npm run build` (done by `npm test`).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createFileStore } from '../server/storage/file-store';
import { buildExamplePlan } from '../src/lib/domain/index';
import type { PlanJson, PlanSummary } from '../src/lib/domain/types';
import { acknowledgeCheck } from '../src/lib/domain/acknowledge';
import { updateItem } from '../src/lib/domain/plan';
import { readPlan } from '../src/lib/domain/plan-json';
import { readPdf } from '../src/lib/export/pdf-reader';
import { ADMIN_ENV, login, syncTokenViaApi, type HttpSession } from './helpers/auth';
import { connectClient, waitFor } from './helpers/clients';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let server: ServerProcess;
let data: ReturnType<typeof tempDir>;
let plan: PlanJson;
/** The administrator, owner of the seeded Beispielplan. */
let session: HttpSession;

beforeAll(async () => {
	data = tempDir();
	server = await spawnServer({ DATA_DIR: data.dir, SEED_EXAMPLE_PLAN: 'true', ...ADMIN_ENV });
	session = await login(server.httpUrl);
	const list = (await (await session.request('/api/plans')).json()) as PlanSummary[];
	plan = (await (await session.request(`/api/plans/${list[0].id}`)).json()) as PlanJson;
});

afterAll(async () => {
	await server?.stop();
	data?.remove();
});

const get = (p: string) => session.request(p);
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('GET /api/plans/<planId>/export.pdf', () => {
	it('answers the Gesamtplan as an attachment that parses', async () => {
		const response = await get(`/api/plans/${plan.id}/export.pdf`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		const disposition = response.headers.get('content-disposition') ?? '';
		expect(disposition).toMatch(
			/^attachment; filename="beispielplan-integrationskonzept-brandenburg-an-der-havel-gesamtplan\.pdf"; filename\*=UTF-8''/
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
		const pdf = await readPdf(bytes);
		const text = flat(pdf.pages.join(' '));
		expect(text).toContain(plan.meta.title);
		for (const f of plan.fields) expect(text).toContain(f.title);
		expect(pdf.info.Language).toBe('de-DE');
		// a Brandenburg plan without a notice of its own carries no Baden-Württemberg wording
		expect(text).not.toMatch(/Baden-Württemberg|Gefördert/);
	});

	it('takes the funding notice given at plan creation (POST /api/plans)', async () => {
		const notice = 'Gefördert durch das Land Brandenburg.';
		const created = await session.request('/api/plans', {
			method: 'POST',
			json: { title: 'Vielfaltsstrategie', municipality: 'Cottbus', fundingNotice: notice }
		});
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as PlanSummary;
		const json = (await (await get(`/api/plans/${id}`)).json()) as PlanJson;
		expect(json.meta.fundingNotice).toBe(notice);
		const pdf = await readPdf(
			new Uint8Array(await (await get(`/api/plans/${id}/export.pdf`)).arrayBuffer())
		);
		for (const page of pdf.pages) expect(flat(page)).toContain(notice);
		const bad = await session.request('/api/plans', {
			method: 'POST',
			json: { title: 'Zu lang', fundingNotice: 'x'.repeat(501) }
		});
		expect(bad.status).toBe(400);
	});

	it('takes the options as query parameters', async () => {
		const field = plan.fields[1];
		const response = await get(
			`/api/plans/${plan.id}/export.pdf?type=steckbriefe&fields=${field.id}&orientation=landscape&draft=false&versionLabel=V%202&fundingNotice=Gef%C3%B6rdert%20vom%20Kreis.&date=2026-09-01`
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toContain('-steckbriefe.pdf"');
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		const measures = field.goals.flatMap((g) => g.measures);
		expect(pdf.pageCount).toBe(3 + measures.length);
		expect(pdf.size).toEqual([842, 595]);
		const cover = flat(pdf.pages[0]);
		expect(cover).toContain('1. September 2026');
		expect(cover).toContain('V 2');
		expect(pdf.pages.join(' ')).not.toContain('ENTWURF');
		for (const page of pdf.pages) expect(flat(page)).toContain('Gefördert vom Kreis.');
	});

	it('uses the funding notice stored with the plan (PATCH)', async () => {
		const patch = await session.request(`/api/plans/${plan.id}`, {
			method: 'PATCH',
			json: { fundingNotice: 'Gefördert aus Mitteln des Landesprogramms „WIR“.' }
		});
		expect(patch.status).toBe(200);
		const response = await get(`/api/plans/${plan.id}/export.pdf?type=zwischenbericht`);
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		for (const page of pdf.pages) {
			expect(flat(page)).toContain('Gefördert aus Mitteln des Landesprogramms „WIR“.');
		}
		const tooLong = await session.request(`/api/plans/${plan.id}`, {
			method: 'PATCH',
			json: { fundingNotice: 'x'.repeat(501) }
		});
		expect(tooLong.status).toBe(400);
	});

	it.each([
		[
			'?format=docx',
			400,
			'invalid_export_option',
			'Die Option „format“ gibt es beim PDF-Export nicht.'
		],
		[
			'?type=handlungsfelder',
			400,
			'invalid_export_option',
			'Bitte wählen Sie mindestens ein Handlungsfeld aus.'
		],
		[
			'?type=handlungsfelder&fields=unbekannt',
			400,
			'invalid_export_option',
			'Das Handlungsfeld „unbekannt“ gibt es in diesem Plan nicht.'
		],
		[
			'?orientation=schief',
			400,
			'invalid_export_option',
			'Die Ausrichtung muss „portrait“ (Hochformat) oder „landscape“ (Querformat) sein.'
		]
	])('refuses %s with a JSON error', async (query, status, code, message) => {
		const response = await get(`/api/plans/${plan.id}/export.pdf${query}`);
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(await response.json()).toEqual({ error: { code, message } });
	});

	it('needs a session and membership, and records exports in the audit log', async () => {
		expect((await fetch(`${server.httpUrl}/api/plans/${plan.id}/export.pdf`)).status).toBe(401);
		const audit = (await (await get(`/api/plans/${plan.id}/audit`)).json()) as Array<{
			action: string;
		}>;
		expect(audit.some((entry) => entry.action === 'export')).toBe(true);
	});

	it('prints HTML and script in plan text literally', async () => {
		const title = '<img src=x onerror=alert(1)> <script>alert(1)</script>';
		const created = await session.request('/api/plans', { method: 'POST', json: { title } });
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as PlanSummary;
		const response = await get(`/api/plans/${id}/export.pdf`);
		expect(response.status).toBe(200);
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		expect(flat(pdf.pages[0])).toContain('<img src=x onerror=alert(1)>');
		expect(flat(pdf.pages[0])).toContain('<script>alert(1)</script>');
	});

	it('adds the annex of open points with openPoints=true (marks "bewusst offen" apart), not without', async () => {
		const created = await session.request('/api/plans', {
			method: 'POST',
			json: { title: 'Offene Punkte', municipality: 'Prüfstadt', example: true }
		});
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as PlanSummary;
		// a real sync client (the owner) leaves two gaps and marks one of them "bewusst offen"
		const client = connectClient(server.wsUrl, id, 'Test', await syncTokenViaApi(session, id));
		await client.synced;
		const measure = readPlan(client.doc, id).fields[0].goals[0].measures[0];
		const changed = updateItem(client.doc, measure.id, { lead: '', resources: '' });
		expect(changed.ok).toBe(true);
		const acked = acknowledgeCheck(client.doc, `measure.resources:${measure.id}`, {
			reason: 'Haushalt 2027 abwarten',
			by: 'Test'
		});
		expect(acked.ok).toBe(true);
		const annexOf = async (query: string) => {
			const response = await get(`/api/plans/${id}/export.pdf?${query}`);
			expect(response.status).toBe(200);
			const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
			return flat(pdf.pages.join(' '));
		};
		// the server has the change once the export shows it
		await waitFor(
			async () => (await annexOf('type=zwischenbericht&openPoints=true')).includes('Haushalt 2027'),
			'the edit reaches the server',
			15_000
		);
		client.destroy();
		const text = await annexOf('type=zwischenbericht&openPoints=true');
		const annex = text.slice(text.lastIndexOf('Anlage: Offene Punkte (für die Kerngruppe)'));
		expect(annex).toContain(`Maßnahme „${measure.title}“`);
		expect(annex).toContain('Keine Federführung angegeben (3).');
		expect(annex).toMatch(
			/Bewusst offen gelassen.*Keine Ressourcen angegeben.*Haushalt 2027 abwarten/
		);
		// the Zwischenbericht carries the Gantt section by default
		expect(text).toContain('Zeitplan der Maßnahmen');

		const without = await annexOf('type=zwischenbericht&timeline=false');
		expect(without).not.toContain('Anlage: Offene Punkte');
		expect(without).not.toContain('Keine Federführung angegeben');
		expect(without).not.toContain('Zeitplan der Maßnahmen');

		for (const query of ['openPoints=vielleicht', 'type=steckbriefe&timeline=true']) {
			const bad = await get(`/api/plans/${id}/export.pdf?${query}`);
			expect(bad.status).toBe(400);
			expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
				'invalid_export_option'
			);
		}
	}, 90_000);

	it('answers 404 for an unknown plan and 400 for an invalid id', async () => {
		const unknown = await get('/api/plans/gibt-es-nicht/export.pdf');
		expect(unknown.status).toBe(404);
		expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
			'plan_not_found'
		);
		const invalid = await get('/api/plans/%C3%A4%20b/export.pdf');
		expect(invalid.status).toBe(400);
		expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe(
			'invalid_plan_id'
		);
	});
});

describe('npm run export (CLI)', () => {
	const run = promisify(execFile);
	const cli = (args: string[], dataDir: string) =>
		run(process.execPath, ['--import', 'tsx', 'scripts/export.ts', ...args], {
			env: { ...process.env, DATA_DIR: dataDir, REDIS_URL: '' },
			timeout: 60_000
		}).then(
			(r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
			(e: { code: number; stdout: string; stderr: string }) => ({
				code: e.code,
				stdout: e.stdout,
				stderr: e.stderr
			})
		);
	let store: ReturnType<typeof tempDir>;

	beforeAll(async () => {
		store = tempDir();
		const files = await createFileStore({ dir: store.dir });
		const doc = new Y.Doc();
		buildExamplePlan(doc);
		await files.append('cli-plan', Y.encodeStateAsUpdate(doc));
		// a plan with a gap marked "bewusst offen" (the mark lives in the meta map)
		const gaps = new Y.Doc();
		buildExamplePlan(gaps);
		const m = readPlan(gaps, 'cli-gaps').fields[0].goals[0].measures[0];
		expect(updateItem(gaps, m.id, { lead: '' }).ok).toBe(true);
		const marked = acknowledgeCheck(gaps, `measure.lead:${m.id}`, {
			reason: 'Stelle unbesetzt',
			by: 'CLI'
		});
		expect(marked.ok).toBe(true);
		await files.append('cli-gaps', Y.encodeStateAsUpdate(gaps));
		await files.close();
	});
	afterAll(() => store?.remove());

	it('writes the PDF from the store', async () => {
		const out = path.join(store.dir, 'konzept.pdf');
		const r = await cli(
			['cli-plan', out, '--type', 'zwischenbericht', '--orientation=landscape'],
			store.dir
		);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^PDF geschrieben: .*konzept\.pdf \(\d+ Seiten, \d+ KiB\)/);
		const pdf = await readPdf(new Uint8Array(readFileSync(out)));
		expect(flat(pdf.pages.join(' '))).toContain('1 Stand der Arbeit');
		expect(pdf.size).toEqual([842, 595]);
	}, 60_000);

	it('adds the annex of open points with the "bewusst offen" marks read from the store', async () => {
		const out = path.join(store.dir, 'punkte.pdf');
		const r = await cli(
			['cli-gaps', out, '--type', 'zwischenbericht', '--openPoints', 'true'],
			store.dir
		);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const text = flat((await readPdf(new Uint8Array(readFileSync(out)))).pages.join(' '));
		const annex = text.slice(text.lastIndexOf('Anlage: Offene Punkte (für die Kerngruppe)'));
		expect(annex).toMatch(
			/Bewusst offen gelassen.*Keine Federführung angegeben \(3\)\..*Stelle unbesetzt \(CLI\)/
		);
	}, 60_000);

	it('fails with a German message, exit code 1 and no file for bad input', async () => {
		const out = path.join(store.dir, 'kaputt.pdf');
		const cases: Array<[string[], string]> = [
			[['gibt-es-nicht', out], 'Den Plan „gibt-es-nicht“ gibt es nicht.'],
			[['cli-plan', out, '--type', 'roman'], 'Unbekannte Dokumentart'],
			[['cli-plan', out, '--farbe', 'blau'], 'Die Option „farbe“ gibt es beim PDF-Export nicht.'],
			[['cli-plan'], 'Aufruf: npm run export'],
			[['cli-plan', path.join(store.dir, 'fehlt', 'x.pdf')], 'konnte nicht geschrieben werden']
		];
		for (const [args, message] of cases) {
			const r = await cli(args, store.dir);
			expect(r.code, args.join(' ')).toBe(1);
			expect(r.stderr).toContain(message);
		}
		expect(existsSync(out)).toBe(false);
		expect(readdirSync(store.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	}, 120_000);
});
