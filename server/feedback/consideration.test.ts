/**
 * Consideration rows of merged submissions: the German sentence stays in `reason` (CSV, PDF) and
 * `mergedInto` carries number and reason, so the page words it in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import type { Round, Submission } from '../../src/lib/feedback/types';
import { rowsFor } from './consideration';

const round = { id: 'r1', title: 'Runde' } as Round;
const sub = (id: string, number: number, extra: Partial<Submission> = {}): Submission => ({
	id,
	roundId: 'r1',
	number,
	kind: 'comment',
	targetId: 'f1',
	title: `Beitrag ${number}`,
	text: '',
	name: '',
	consentAt: '',
	createdAt: '',
	linkedItemId: null,
	createdItemId: null,
	duplicateOf: null,
	decision: null,
	reason: '',
	decidedBy: null,
	decidedAt: null,
	...extra
});

describe('rowsFor', () => {
	it('keeps the German reason and names the submission a merged one takes its decision from', () => {
		const rows = rowsFor(
			round,
			[
				sub('a', 1, { decision: 'adopted', reason: 'Gibt es schon.' }),
				sub('b', 2, { duplicateOf: 'a' }),
				sub('c', 3, { duplicateOf: 'b' })
			],
			new Map(),
			false
		);
		expect(rows[0].mergedInto).toBeUndefined();
		expect(rows[1]).toMatchObject({
			reason: 'Zusammengeführt mit Beitrag #1. Gibt es schon.',
			mergedInto: { number: 1, reason: 'Gibt es schon.' },
			duplicateOfNumber: 1
		});
		expect(rows[2]).toMatchObject({ mergedInto: { number: 1 }, duplicateOfNumber: 2 });
	});
});
