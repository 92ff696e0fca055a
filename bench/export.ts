/**
 * PDF export benchmark (part of `npm run bench`; alone: `npx tsx bench/export.ts`): a plan with
 * 500 and one with 2,000 measures, exported in Node as Gesamtplan — time and file size. The
 * Gesamtplan carries the Gantt section "Zeitplan der Maßnahmen" by default; one case leaves it
 * out to show its cost, one adds the annex of open points to the Zwischenbericht.
 * Target: 500 measures in under 3 s on the 2-core development machine.
 */
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { buildPlan, readPlan, type BuildPlanOptions } from '../src/lib/domain/index';
import { exportPlanPdfNode } from '../src/lib/export/node';
import { parseExportOptions, type ExportType } from '../src/lib/export/options';

function plan(options: BuildPlanOptions) {
	const doc = new Y.Doc();
	buildPlan(doc, options);
	return readPlan(doc, 'bench');
}

function once(p: ReturnType<typeof plan>, type: ExportType, extra: Record<string, unknown> = {}) {
	const options = parseExportOptions({ type, ...extra });
	if (!options.ok) throw new Error(options.error.message);
	const t0 = performance.now();
	const result = exportPlanPdfNode(p, options.value);
	const ms = performance.now() - t0;
	if (!result.ok) throw new Error(result.error.message);
	return { ms, bytes: result.value.bytes.length, pages: result.value.pageCount };
}

export async function runExportBench(): Promise<void> {
	console.log('\nPDF export in Node (jsPDF, DejaVu Sans subset, compressed):');
	const cases: Array<[string, BuildPlanOptions, ExportType, number, Record<string, unknown>?]> = [
		[
			'500 measures, Gesamtplan',
			{ fields: 5, goalsPerField: 5, measuresPerGoal: 20 },
			'gesamtplan',
			3
		],
		[
			'500 measures, Steckbriefe',
			{ fields: 5, goalsPerField: 5, measuresPerGoal: 20 },
			'steckbriefe',
			1
		],
		[
			'500 measures, Zwischenbericht',
			{ fields: 5, goalsPerField: 5, measuresPerGoal: 20 },
			'zwischenbericht',
			1
		],
		[
			'2,000 measures, Gesamtplan',
			{ fields: 10, goalsPerField: 10, measuresPerGoal: 20 },
			'gesamtplan',
			1
		],
		[
			'2,000 measures, Gesamtplan without Gantt',
			{ fields: 10, goalsPerField: 10, measuresPerGoal: 20 },
			'gesamtplan',
			1,
			{ timeline: false }
		],
		[
			'2,000 measures, Zwischenbericht + open points',
			{ fields: 10, goalsPerField: 10, measuresPerGoal: 20 },
			'zwischenbericht',
			1,
			{ openPoints: true }
		]
	];
	once(plan({}), 'gesamtplan'); // warm-up: fonts read and parsed once per process
	for (const [label, size, type, runs, extra] of cases) {
		const p = plan(size);
		const results = Array.from({ length: runs }, () => once(p, type, extra));
		const times = results.map((r) => r.ms).sort((a, b) => a - b);
		const median = times[Math.floor(times.length / 2)];
		const { bytes, pages } = results[0];
		console.log(
			`  ${label.padEnd(46)} ${(median / 1000).toFixed(2)} s   ${pages} pages   ${(bytes / 1024 / 1024).toFixed(2)} MiB` +
				(label.startsWith('500 measures, G') ? '   (target < 3 s)' : '')
		);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runExportBench();
