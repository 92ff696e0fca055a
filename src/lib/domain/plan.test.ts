import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { must } from './testing';
import type { Result } from './errors';
import {
	childrenOf,
	createItem,
	deleteItem,
	getText,
	moveItem,
	readItem,
	setPrincipleLink,
	updateItem
} from './plan';
import type { Measure } from './types';

function codeOf<T>(r: Result<T>): string | null {
	return r.ok ? null : r.error.code;
}

/** A doc with one field, two goals and one measure under the first goal. */
function tree() {
	const doc = new Y.Doc();
	const field = must(createItem(doc, { type: 'field', values: { title: 'Gesundheit' } }));
	const goal = must(createItem(doc, { type: 'goal', parentId: field }));
	const goal2 = must(createItem(doc, { type: 'goal', parentId: field }));
	const measure = must(createItem(doc, { type: 'measure', parentId: goal }));
	return { doc, field, goal, goal2, measure };
}

describe('createItem', () => {
	it('creates items with defaults and values', () => {
		const { doc, goal } = tree();
		const id = must(
			createItem(doc, {
				type: 'measure',
				parentId: goal,
				values: { title: 'Vereinsmesse', startDate: '2025-03-01', priority: 'hoch' }
			})
		);
		const m = readItem(doc, id) as Measure;
		expect(m).toMatchObject({
			id,
			type: 'measure',
			parentId: goal,
			title: 'Vereinsmesse',
			description: '',
			startDate: '2025-03-01',
			endDate: '',
			priority: 'hoch',
			status: 'idee'
		});
		expect(getText(doc, id, 'title')?.toString()).toBe('Vereinsmesse');
	});

	it('inserts at the start, at the end and after a sibling', () => {
		const doc = new Y.Doc();
		const a = must(createItem(doc, { type: 'principle', values: { title: 'A' } }));
		const c = must(createItem(doc, { type: 'principle', values: { title: 'C' } }));
		must(createItem(doc, { type: 'principle', afterId: a, values: { title: 'B' } }));
		must(createItem(doc, { type: 'principle', afterId: null, values: { title: '0' } }));
		expect(childrenOf(doc, null, 'principle').map((p) => p.title)).toEqual(['0', 'A', 'B', 'C']);
		expect(codeOf(createItem(doc, { type: 'principle', afterId: 'nope' }))).toBe('unknown_item');
		expect(childrenOf(doc, null, 'principle').at(-1)?.id).toBe(c);
	});

	it('refuses wrong parents with the right codes', () => {
		const { doc, field, goal } = tree();
		const underField = createItem(doc, { type: 'measure', parentId: field });
		expect(codeOf(underField)).toBe('invalid_parent');
		expect(underField.ok ? '' : underField.error.message).toMatch(/Maßnahme.*Ziel/);
		expect(codeOf(createItem(doc, { type: 'goal', parentId: goal }))).toBe('invalid_parent');
		expect(codeOf(createItem(doc, { type: 'goal', parentId: 'nope' }))).toBe('unknown_parent');
		expect(codeOf(createItem(doc, { type: 'goal' }))).toBe('unknown_parent');
		expect(codeOf(createItem(doc, { type: 'field', parentId: field }))).toBe('invalid_parent');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		expect(codeOf(createItem(doc, { type: 'card' as any }))).toBe('invalid_value');
		expect(codeOf(createItem(doc, { type: 'measure', parentId: goal, values: { x: 1 } }))).toBe(
			'invalid_field'
		);
	});
});

describe('updateItem validation', () => {
	it('refuses an end before the start, also when only one date changes', () => {
		const { doc, measure } = tree();
		const r = updateItem(doc, measure, { startDate: '2025-06-01', endDate: '2025-05-31' });
		expect(codeOf(r)).toBe('invalid_dates');
		expect(r.ok ? '' : r.error.message).toBe('Das Enddatum liegt vor dem Startdatum.');
		must(updateItem(doc, measure, { startDate: '2025-06-01' }));
		expect(codeOf(updateItem(doc, measure, { endDate: '2025-01-01' }))).toBe('invalid_dates');
		must(updateItem(doc, measure, { endDate: '2025-06-01' }));
		expect(codeOf(updateItem(doc, measure, { startDate: '2025-06-02' }))).toBe('invalid_dates');
		must(updateItem(doc, measure, { startDate: '' }));
		expect(readItem(doc, measure)).toMatchObject({ startDate: '', endDate: '2025-06-01' });
	});

	it('refuses bad scalars, unknown fields, wrong types and over-long text', () => {
		const { doc, field, measure, goal } = tree();
		const cases: Array<[string, Record<string, unknown>, string]> = [
			[measure, { startDate: '2025-02-30' }, 'invalid_value'],
			[measure, { endDate: '1.3.2025' }, 'invalid_value'],
			[measure, { priority: 'dringend' }, 'invalid_value'],
			[measure, { status: 'fertig' }, 'invalid_value'],
			[measure, { phase: 'A' }, 'invalid_field'],
			[measure, { parentId: goal }, 'invalid_field'],
			[measure, { title: 42 }, 'invalid_value'],
			[measure, { description: 'x'.repeat(20_001) }, 'text_too_long'],
			[field, { phase: 'E' }, 'invalid_value'],
			[field, { situation: null }, 'invalid_value'],
			[goal, { principleIds: ['nope'] }, 'invalid_value'],
			['nope', { title: 'x' }, 'unknown_item']
		];
		for (const [id, patch, code] of cases) {
			const r = updateItem(doc, id, patch);
			expect({ patch, code: codeOf(r) }).toEqual({ patch, code });
			if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
		}
		must(updateItem(doc, measure, { description: 'x'.repeat(20_000), title: undefined }));
		must(updateItem(doc, field, { phase: 'C', workingGroup: 'AG Gesundheit' }));
		expect(readItem(doc, field)).toMatchObject({ phase: 'C', workingGroup: 'AG Gesundheit' });
	});

	it('changes nothing when a patch is refused', () => {
		const { doc, measure } = tree();
		const before = JSON.stringify(readItem(doc, measure));
		updateItem(doc, measure, { title: 'neu', status: 'kaputt' });
		expect(JSON.stringify(readItem(doc, measure))).toBe(before);
	});
});

describe('getText', () => {
	it('returns the live Y.Text, null for unknown items and fields', () => {
		const { doc, measure } = tree();
		const t = getText(doc, measure, 'description')!;
		t.insert(0, 'Live getippt');
		expect(readItem(doc, measure)).toMatchObject({ description: 'Live getippt' });
		expect(getText(doc, measure, 'phase')).toBeNull();
		expect(getText(doc, 'nope', 'title')).toBeNull();
	});
	it('creates a missing Y.Text lazily, keeping a plain string value', () => {
		const { doc, measure } = tree();
		const m = doc.getMap('items').get(measure) as Y.Map<unknown>;
		m.set('lead', 'Integrationsbeauftragte');
		expect(getText(doc, measure, 'lead')?.toString()).toBe('Integrationsbeauftragte');
		expect(m.get('lead')).toBeInstanceOf(Y.Text);
	});
});

describe('moveItem', () => {
	it('moves to another parent and position, index past end = end', () => {
		const { doc, goal, goal2, measure } = tree();
		const other = must(createItem(doc, { type: 'measure', parentId: goal2 }));
		must(moveItem(doc, measure, { parentId: goal2, index: 0 }));
		expect(childrenOf(doc, goal2, 'measure').map((m) => m.id)).toEqual([measure, other]);
		expect(childrenOf(doc, goal, 'measure')).toEqual([]);
		must(moveItem(doc, measure, { index: 99 }));
		expect(childrenOf(doc, goal2, 'measure').map((m) => m.id)).toEqual([other, measure]);
	});
	it('refuses bad targets', () => {
		const { doc, field, goal, measure } = tree();
		expect(codeOf(moveItem(doc, measure, { parentId: field, index: 0 }))).toBe('invalid_parent');
		expect(codeOf(moveItem(doc, measure, { parentId: 'x', index: 0 }))).toBe('unknown_parent');
		expect(codeOf(moveItem(doc, goal, { parentId: null, index: 0 }))).toBe('unknown_parent');
		expect(codeOf(moveItem(doc, measure, { index: -1 }))).toBe('invalid_value');
		expect(codeOf(moveItem(doc, measure, { index: 1.5 }))).toBe('invalid_value');
		expect(codeOf(moveItem(doc, 'nope', { index: 0 }))).toBe('unknown_item');
	});
});

describe('deleteItem', () => {
	it('removes all descendants, and one undo restores them with their texts', () => {
		const { doc, field, goal, goal2, measure } = tree();
		const origin = { user: 'ui' };
		const undo = new Y.UndoManager(doc.getMap('items'), { trackedOrigins: new Set([origin]) });
		must(updateItem(doc, measure, { description: 'Text der Maßnahme' }, origin));
		undo.stopCapturing();
		const before = doc.getMap('items').size;
		must(deleteItem(doc, field, origin));
		expect(doc.getMap('items').size).toBe(before - 4);
		for (const id of [field, goal, goal2, measure]) expect(readItem(doc, id)).toBeNull();
		undo.undo();
		expect(doc.getMap('items').size).toBe(before);
		expect(readItem(doc, measure)).toMatchObject({
			parentId: goal,
			description: 'Text der Maßnahme'
		});
		expect(childrenOf(doc, field, 'goal').map((g) => g.id)).toEqual([goal, goal2]);
		expect(codeOf(deleteItem(doc, 'nope'))).toBe('unknown_item');
	});
	it('unlinks a deleted Leitlinie from goals', () => {
		const { doc, goal } = tree();
		const p = must(createItem(doc, { type: 'principle' }));
		must(setPrincipleLink(doc, goal, p, true));
		must(deleteItem(doc, p));
		const links = (doc.getMap('items').get(goal) as Y.Map<unknown>).get('principleIds');
		expect((links as Y.Map<true>).size).toBe(0);
	});
});

describe('setPrincipleLink', () => {
	it('links and unlinks, validating both ends', () => {
		const { doc, goal, measure } = tree();
		const p1 = must(createItem(doc, { type: 'principle' }));
		const p2 = must(createItem(doc, { type: 'principle' }));
		must(setPrincipleLink(doc, goal, p2, true));
		must(setPrincipleLink(doc, goal, p1, true));
		must(setPrincipleLink(doc, goal, p1, true));
		expect(readItem(doc, goal)).toMatchObject({ principleIds: [p1, p2].sort() });
		must(setPrincipleLink(doc, goal, p2, false));
		expect(readItem(doc, goal)).toMatchObject({ principleIds: [p1] });
		expect(codeOf(setPrincipleLink(doc, goal, 'nope', true))).toBe('unknown_item');
		expect(codeOf(setPrincipleLink(doc, measure, p1, true))).toBe('invalid_value');
		expect(codeOf(setPrincipleLink(doc, 'nope', p1, true))).toBe('unknown_item');
		must(updateItem(doc, goal, { principleIds: [p2] }));
		expect(readItem(doc, goal)).toMatchObject({ principleIds: [p2] });
	});
});
