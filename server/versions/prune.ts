/** Which automatic snapshots to drop: keep the newest `keep` of kind `auto`; all others forever. */
import type { VersionMeta } from '../../src/lib/versions/types';

export function pruneAutoVersions(
	versions: VersionMeta[],
	keep: number
): { kept: VersionMeta[]; removed: VersionMeta[] } {
	const autos = versions
		.filter((v) => v.kind === 'auto')
		.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
	const drop = new Set(autos.slice(Math.max(0, keep)).map((v) => v.id));
	return {
		kept: versions.filter((v) => !drop.has(v.id)),
		removed: versions.filter((v) => drop.has(v.id))
	};
}
