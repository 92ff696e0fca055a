import { describe, expect, it } from 'vitest';
import type { VersionKind, VersionMeta } from '../../src/lib/versions/types';
import { pruneAutoVersions, pruneVersions } from './prune';

const v = (id: string, kind: VersionKind, minute: number): VersionMeta => ({
	id,
	planId: 'p',
	name: id,
	kind,
	createdBy: { id: 'system', name: 'Mitplan', kind: 'system' },
	createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
	size: 1,
	hash: id,
	counts: { principles: 0, fields: 0, goals: 0, measures: 0 }
});

describe('pruneAutoVersions', () => {
	it('keeps the newest automatic snapshots and every named and pre-restore version', () => {
		const list = [
			v('a1', 'auto', 1),
			v('n1', 'named', 2),
			v('a2', 'auto', 3),
			v('r1', 'pre_restore', 4),
			v('a3', 'auto', 5),
			v('a4', 'auto', 6)
		];
		const { kept, removed } = pruneAutoVersions(list, 2);
		expect(kept.map((x) => x.id)).toEqual(['n1', 'r1', 'a3', 'a4']);
		expect(removed.map((x) => x.id)).toEqual(['a1', 'a2']);
	});

	it('removes nothing while there are at most `keep` automatic snapshots', () => {
		const list = [v('a1', 'auto', 1), v('n1', 'named', 2)];
		expect(pruneAutoVersions(list, 1)).toEqual({ kept: list, removed: [] });
		expect(pruneAutoVersions(list, 0).removed.map((x) => x.id)).toEqual(['a1']);
	});
});

describe('pruneVersions', () => {
	it('keeps the newest of each limited kind and every named version', () => {
		const list = [
			v('r1', 'pre_restore', 1),
			v('a1', 'auto', 2),
			v('r2', 'pre_restore', 3),
			v('n1', 'named', 4),
			v('r3', 'pre_restore', 5),
			v('a2', 'auto', 6)
		];
		const { kept, removed } = pruneVersions(list, { auto: 1, pre_restore: 2 });
		expect(kept.map((x) => x.id)).toEqual(['r2', 'n1', 'r3', 'a2']);
		expect(removed.map((x) => x.id)).toEqual(['r1', 'a1']);
	});
});
