import { describe, expect, it } from 'vitest';
import { compareOrder, keyForIndex, type OrderEntry } from './order';

const sorted = (entries: OrderEntry[]) => [...entries].sort(compareOrder).map((e) => e.id);

describe('keyForIndex', () => {
	it('places a key between neighbours without touching them', () => {
		const sib = [
			{ id: 'a', order: 'a0' },
			{ id: 'b', order: 'a1' }
		];
		const { key, reorder } = keyForIndex(sib, 1);
		expect(reorder).toEqual([]);
		expect(sorted([...sib, { id: 'new', order: key }])).toEqual(['a', 'new', 'b']);
	});
	it('rebalances when neighbours share a key (after concurrent inserts)', () => {
		const sib = [
			{ id: 'a', order: 'a0' },
			{ id: 'b', order: 'a0' },
			{ id: 'c', order: 'a1' }
		];
		const { key, reorder } = keyForIndex(sib, 1);
		const next = new Map(reorder);
		const all = sib.map((s) => ({ id: s.id, order: next.get(s.id) ?? s.order }));
		expect(sorted([...all, { id: 'zz', order: key }])).toEqual(['a', 'zz', 'b', 'c']);
	});
	it('rebalances around malformed keys and clamps the index', () => {
		const sib = [
			{ id: 'a', order: '' },
			{ id: 'b', order: '!!' }
		];
		const { key, reorder } = keyForIndex(sib, 99);
		const next = new Map(reorder);
		const all = sib.map((s) => ({ id: s.id, order: next.get(s.id) ?? s.order }));
		expect(sorted([...all, { id: '0', order: key }])).toEqual(['a', 'b', '0']);
	});
	it('breaks ties by id', () => {
		expect(
			sorted([
				{ id: 'b', order: 'a0' },
				{ id: 'a', order: 'a0' }
			])
		).toEqual(['a', 'b']);
	});
});
