/**
 * Completeness benchmark (part of `npm run bench`; alone: `npx tsx bench/completeness.ts`): the
 * Vollständigkeit checks (checkCompleteness) over a plan with 2,000 measures, as the board and the
 * Vollständigkeit page recompute them on every edit. Target: well under one frame (16 ms).
 */
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { buildPlan, readPlan } from '../src/lib/domain/index';
import { checkCompleteness } from '../src/lib/domain/completeness';

export async function runCompletenessBench(): Promise<void> {
	console.log('\nVollständigkeit checks on a plan with 2,000 measures (checkCompleteness):');
	const doc = new Y.Doc();
	const built = buildPlan(doc, { fields: 10, goalsPerField: 10, measuresPerGoal: 20 });
	const plan = readPlan(doc, 'bench');
	// Every second measure has a verdict, some points are acknowledged: all paths run.
	const verdicts = new Set(built.measures.filter((_, i) => i % 2 === 0));
	const first = checkCompleteness(plan, { verdicts });
	const acknowledged = new Map(
		first.points
			.filter((_, i) => i % 10 === 0)
			.map((p) => [p.id, { reason: 'bewusst', by: 'Bench', at: '2026-01-01T00:00:00Z' }])
	);
	const times: number[] = [];
	let points = 0;
	for (let i = 0; i < 21; i++) {
		const t0 = performance.now();
		points = checkCompleteness(plan, { verdicts, acknowledged }).points.length;
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	console.log(
		`  median ${times[10].toFixed(2)} ms   p95 ${times[19].toFixed(2)} ms   max ${times[20].toFixed(2)} ms   (${points} points; target < 16 ms)`
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCompletenessBench();
