/**
 * The PDF export service with real worker threads (worker.ts bundled from source): renders off
 * the event loop, per-person limit (429), instance queue (503 + Retry-After), text budget (413),
 * time budget (worker terminated, next export still works).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPlan, readPlan } from '../../src/lib/domain/index';
import { parseExportOptions } from '../../src/lib/export/options';
import { buildUmsetzungsbericht } from '../../src/lib/monitoring/report';
import { createLogger } from '../log';
import { jobChars } from './budget';
import { createPdfExports, type PdfExportLimits } from './pdf-exports';
import type { PdfExportService, PdfJob } from './types';

const LIMITS: PdfExportLimits = {
	workers: 1,
	queue: 2,
	perPerson: 2,
	timeoutMs: 60_000,
	maxChars: 4_000_000,
	maxMemoryMb: 512
};

function job(size: Parameters<typeof buildPlan>[1] = {}): PdfJob {
	const doc = new Y.Doc();
	buildPlan(doc, size);
	const options = parseExportOptions({ type: 'gesamtplan' });
	if (!options.ok) throw new Error(options.error.message);
	return { plan: readPlan(doc, 'p1'), options: options.value };
}

let service: PdfExportService | undefined;
afterEach(async () => {
	await service?.close();
	service = undefined;
});

function start(limits: Partial<PdfExportLimits> = {}): PdfExportService {
	service = createPdfExports({ limits: { ...LIMITS, ...limits }, log: createLogger('error') });
	return service;
}

describe('PDF export service (worker threads)', { timeout: 90_000 }, () => {
	it('renders a PDF in a worker while the event loop stays free', async () => {
		const s = start();
		const big = job({ fields: 3, goalsPerField: 3, measuresPerGoal: 15 });
		let ticks = 0;
		let maxGap = 0;
		let last = performance.now();
		const timer = setInterval(() => {
			const now = performance.now();
			maxGap = Math.max(maxGap, now - last);
			last = now;
			ticks++;
		}, 10);
		const result = await s.render('u1', big);
		clearInterval(timer);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(new TextDecoder().decode(result.value.bytes.subarray(0, 5))).toBe('%PDF-');
		expect(result.value.pageCount).toBeGreaterThan(50);
		expect(ticks).toBeGreaterThan(5);
		// Rendering takes about a second or more; the loop was never blocked for long.
		expect(maxGap).toBeLessThan(500);
	});

	it('refuses a third export of one person (429) and a full instance (503, Retry-After)', async () => {
		const s = start({ perPerson: 2, workers: 1, queue: 1 });
		const j = job({ fields: 3, goalsPerField: 3, measuresPerGoal: 10 });
		const a = s.render('anna', j);
		const b = s.render('anna', j);
		const third = await s.render('anna', j);
		expect(third).toMatchObject({ ok: false, error: { status: 429, code: 'export_person_busy' } });
		if (!third.ok) expect(third.error.message).toMatch(/bereits 2 PDF-Exporte/);
		// One running, one waiting: the queue is full for everybody else.
		const other = await s.render('bernd', j);
		expect(other).toMatchObject({ ok: false, error: { status: 503, code: 'export_busy' } });
		if (!other.ok) expect(other.error.retryAfter).toBeGreaterThanOrEqual(1);
		expect((await a).ok).toBe(true);
		expect((await b).ok).toBe(true);
		expect((await s.render('anna', j)).ok).toBe(true);
	});

	it('refuses a plan over the text budget before it reaches a worker (413)', async () => {
		const s = start({ maxChars: 50_000 });
		const j = job();
		j.plan!.meta.title = 'x'.repeat(60_000);
		expect(jobChars(j, 50_000)).toBeGreaterThan(50_000);
		const result = await s.render('u1', j);
		expect(result).toMatchObject({ ok: false, error: { status: 413, code: 'export_too_large' } });
		if (!result.ok) expect(result.error.message).toMatch(/zu umfangreich/);
	});

	it('reads a live document from its Yjs state in the worker, with the text budget there', async () => {
		const s = start({ maxChars: 50_000 });
		const doc = new Y.Doc();
		buildPlan(doc, { fields: 1, goalsPerField: 1, measuresPerGoal: 2 });
		const options = parseExportOptions({ type: 'gesamtplan' });
		if (!options.ok) throw new Error(options.error.message);
		const update = () => ({ planId: 'p1', snapshot: Y.encodeStateAsUpdate(doc), entries: [] });
		const ok = await s.render('u1', { state: update(), options: options.value });
		expect(ok.ok).toBe(true);
		if (ok.ok) expect(ok.value.fileName).toMatch(/testplan-gesamtplan\.pdf$/);
		doc.getMap('meta').set('title', 'y'.repeat(60_000));
		const big = await s.render('u1', { state: update(), options: options.value });
		expect(big).toMatchObject({ ok: false, error: { status: 413, code: 'export_too_large' } });
	});

	it('merges a stored snapshot and log entries in the worker (a plan not in memory)', async () => {
		const s = start();
		const doc = new Y.Doc();
		buildPlan(doc, { fields: 1, goalsPerField: 1, measuresPerGoal: 1 });
		const snapshot = Y.encodeStateAsUpdate(doc);
		const entries: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => entries.push(u));
		doc.getMap('meta').set('title', 'Aus dem Log');
		const options = parseExportOptions({ type: 'gesamtplan' });
		if (!options.ok) throw new Error(options.error.message);
		const result = await s.render('u1', {
			state: { planId: 'p1', snapshot, entries },
			options: options.value
		});
		expect(entries).toHaveLength(1);
		expect(result.ok).toBe(true);
		// the title set after the snapshot (only in the log entry) names the file
		if (result.ok) expect(result.value.fileName).toMatch(/aus-dem-log-gesamtplan\.pdf$/);
	});

	it('renders an Umsetzungsbericht model in the worker, with the text budget', async () => {
		const s = start({ maxChars: 60_000 });
		const plan = job({ fields: 1, goalsPerField: 1, measuresPerGoal: 2 }).plan!;
		const model = buildUmsetzungsbericht({
			plan,
			impls: {},
			adoption: null,
			indicators: [],
			reports: [],
			period: { from: '2027-01-01', to: '2027-06-30' },
			today: '2027-07-01',
			timeZone: 'Europe/Berlin'
		});
		const result = await s.render('u1', { report: model });
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.value.fileName).toBe(
				'testplan-umsetzungsbericht-2027-01-01-bis-2027-06-30.pdf'
			);
			expect(result.value.pageCount).toBeGreaterThanOrEqual(4);
		}
		const big = await s.render('u1', { report: { ...model, planTitle: 'x'.repeat(70_000) } });
		expect(big).toMatchObject({ ok: false, error: { status: 413, code: 'export_too_large' } });
	});

	it('terminates an export over its time budget and keeps exporting', async () => {
		const s = start({ timeoutMs: 300 });
		const slow = job({ fields: 10, goalsPerField: 10, measuresPerGoal: 20 });
		const t0 = performance.now();
		const result = await s.render('u1', slow);
		expect(result).toMatchObject({ ok: false, error: { status: 503, code: 'export_timeout' } });
		expect(performance.now() - t0).toBeLessThan(5_000);
		await s.close();
		// A fresh worker takes the next export (generous budget for a loaded machine).
		const again = start({ timeoutMs: 60_000 });
		expect((await again.render('u1', job())).ok).toBe(true);
	});
});
