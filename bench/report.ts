/**
 * Umsetzungsbericht benchmark (part of `npm run bench`; alone: `npx tsx bench/report.ts`): an
 * adopted plan with 500 measures, every one with implementation data (status, progress, Amt,
 * three Sachstände of which two fall in the period, a status change) and an indicator per goal —
 * the report model (built on the server's event loop) and the PDF (rendered in the export
 * worker) are timed separately; file size and pages.
 */
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { buildPlan, readPlan } from '../src/lib/domain/index';
import type { Indicator } from '../src/lib/domain/indicators';
import { exportReportPdfNode } from '../src/lib/export/node';
import { buildUmsetzungsbericht } from '../src/lib/monitoring/report';
import { fakeImplementations } from '../src/lib/monitoring/fixtures';

export async function runReportBench(): Promise<void> {
	console.log('\nUmsetzungsbericht (PDF) in Node:');
	const doc = new Y.Doc();
	buildPlan(doc, { fields: 5, goalsPerField: 5, measuresPerGoal: 20 });
	const plan = readPlan(doc, 'bench');
	const impls = fakeImplementations(plan, {
		noteDays: ['2027-01-20', '2027-04-15', '2027-09-01'],
		changeAt: '2027-03-01T09:00:00Z'
	});
	const indicators: Indicator[] = plan.fields.flatMap((f) =>
		f.goals.map((g, i) => ({
			id: `i-${g.id}`,
			goalId: g.id,
			name: `Indikator ${i + 1}`,
			unit: '%',
			baseline: { value: 20, date: '2026-01-01' },
			target: { value: 60, date: '2029-12-31' },
			values: [
				{ id: 'a', value: 25, date: '2027-01-01', source: 'Statistik' },
				{ id: 'b', value: 31, date: '2027-06-01', source: 'Statistik' }
			],
			createdAt: '',
			updatedAt: ''
		}))
	);
	const input = {
		plan,
		impls,
		adoption: { date: '2026-12-01', body: 'Stadtrat', reference: 'SR-1' },
		indicators,
		reports: [{ from: '2026-12-01', to: '2026-12-31', generatedAt: '2027-01-02T08:00:00Z' }],
		period: { from: '2027-01-01', to: '2027-06-30' },
		today: '2027-07-01',
		timeZone: 'Europe/Berlin'
	};
	exportReportPdfNode(buildUmsetzungsbericht({ ...input, plan: readPlan(new Y.Doc(), 'w') })); // warm-up
	const runs = 3;
	const modelMs: number[] = [];
	const pdfMs: number[] = [];
	let bytes = 0;
	let pages = 0;
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		const model = buildUmsetzungsbericht(input);
		const t1 = performance.now();
		const pdf = exportReportPdfNode(model);
		pdfMs.push(performance.now() - t1);
		modelMs.push(t1 - t0);
		bytes = pdf.bytes.length;
		pages = pdf.pageCount;
	}
	const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
	console.log(
		`  ${'500 measures, model (event loop)'.padEnd(46)} ${median(modelMs).toFixed(1)} ms`
	);
	console.log(
		`  ${'500 measures, PDF (worker)'.padEnd(46)} ${(median(pdfMs) / 1000).toFixed(2)} s   ${pages} pages   ${(bytes / 1024 / 1024).toFixed(2)} MiB`
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runReportBench();
