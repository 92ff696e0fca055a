import { describe, expect, it } from 'vitest';
import { queueTasks } from './queue-tasks';
import type { ReviewQueueEntry } from './types';

const entry = (over: Partial<ReviewQueueEntry>): ReviewQueueEntry => ({
	planId: 'p',
	planTitle: 'Plan',
	kind: 'check',
	id: 'c1',
	itemIds: [],
	dueDate: '2026-05-01',
	overdue: false,
	...over
});

describe('Meine Prüfaufgaben', () => {
	it('lists the goals and measures of a task in plan order, most urgent task first', () => {
		// board order: m1, m2, m3 (positions 0, 1, 2)
		const positions = { p: { m1: 0, m2: 1, m3: 2 } };
		const tasks = queueTasks(
			[
				entry({ id: 'c3', itemIds: ['m3'] }),
				entry({ id: 'c1', itemIds: ['m1'] }),
				entry({ id: 'c2', itemIds: ['m2'] }),
				entry({ kind: 'review', id: 'r1', itemIds: ['m3', 'm1'], dueDate: '2026-04-01' }),
				entry({ kind: 'review', id: 'r0', itemIds: ['m2'], dueDate: '2026-06-01', overdue: true })
			],
			positions
		);
		expect(tasks.map((t) => t.id)).toEqual(['r0', 'r1', 'c3']);
		expect(tasks[1].itemIds).toEqual(['m1', 'm3']);
		expect(tasks[2].itemIds).toEqual(['m1', 'm2', 'm3']);
	});
});
