/**
 * Compare benchmark (part of `npm run bench`; alone: `npx tsx bench/compare.ts`): two versions of
 * a plan with 2,000 measures compared as GET /api/plans/<id>/compare does (diffPlans).
 *   typical: 200 measures with an edited description, 50 moved, 20 added, 20 removed.
 *   worst:   additionally 20 descriptions replaced by different 16,000-character texts — the word
 *            diff gives up per text (REDLINE_LIMITS) and the whole comparison stays within its
 *            time budget instead of blocking the server for seconds.
 */
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import {
	buildPlan,
	createItem,
	deleteItem,
	moveItem,
	readPlan,
	updateItem
} from '../src/lib/domain/index';
import { forkDoc } from '../src/lib/domain/testing';
import { diffPlans, REDLINE_LIMITS } from '../src/lib/versions/diff';

const words = (prefix: string, n: number) =>
	Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' und ');

function versions(worst: boolean) {
	const a = new Y.Doc();
	const built = buildPlan(a, { fields: 10, goalsPerField: 10, measuresPerGoal: 20 });
	const b = forkDoc(a);
	const ids = built.measures;
	for (let i = 0; i < 200; i++) {
		updateItem(b, ids[i * 10], { description: `Überarbeitet ${i}: jeden Dienstag im Rathaus` });
	}
	for (let i = 0; i < 50; i++)
		moveItem(b, ids[i * 10 + 1], { parentId: built.goals[i % 7], index: 0 });
	for (let i = 0; i < 20; i++) deleteItem(b, ids[i * 10 + 2]);
	for (let i = 0; i < 20; i++) {
		createItem(b, { type: 'measure', parentId: built.goals[i], values: { title: `Neu ${i}` } });
	}
	if (worst) {
		for (let i = 0; i < 20; i++) {
			updateItem(a, ids[i * 10 + 3], { description: words(`Alt${i}x`, 1500) });
			updateItem(b, ids[i * 10 + 3], { description: words(`Neu${i}x`, 1500) });
		}
	}
	return [readPlan(a, 'bench'), readPlan(b, 'bench')] as const;
}

export async function runCompareBench(): Promise<void> {
	console.log('\nCompare two versions of a plan with 2,000 measures (diffPlans):');
	for (const worst of [false, true]) {
		const [from, to] = versions(worst);
		diffPlans(from, to); // warm-up
		const times: number[] = [];
		let summary = '';
		for (let i = 0; i < 5; i++) {
			const t0 = performance.now();
			const diff = diffPlans(from, to);
			times.push(performance.now() - t0);
			summary = JSON.stringify(diff.summary);
		}
		times.sort((x, y) => x - y);
		const label = worst
			? 'worst (+20 × 16,000 different chars)'
			: 'typical                             ';
		console.log(
			`  ${label}  median ${times[2].toFixed(0)} ms   max ${times[4].toFixed(0)} ms   ${summary}`
		);
	}
	console.log(
		`  (word diff limits: ${REDLINE_LIMITS.timeoutMs} ms / ${REDLINE_LIMITS.maxEditLength} edits per text, ${REDLINE_LIMITS.budgetMs} ms per comparison)`
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCompareBench();
