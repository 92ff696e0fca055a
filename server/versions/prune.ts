/**
 * Which snapshots to drop: of each kind given in `keep`, only the newest `keep[kind]` stay
 * (automatic snapshots and those taken before a restore); kinds not given (named) stay forever.
 */
import type { VersionKind, VersionMeta } from '../../src/lib/versions/types';

export function pruneAutoVersions(
	versions: VersionMeta[],
	keep: number
): { kept: VersionMeta[]; removed: VersionMeta[] } {
	return pruneVersions(versions, { auto: keep });
}

export function pruneVersions(
	versions: VersionMeta[],
	keep: Partial<Record<VersionKind, number>>
): { kept: VersionMeta[]; removed: VersionMeta[] } {
	const drop = new Set<string>();
	for (const [kind, n] of Object.entries(keep) as Array<[VersionKind, number]>) {
		versions
			.filter((v) => v.kind === kind)
			.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
			.slice(Math.max(0, n))
			.forEach((v) => drop.add(v.id));
	}
	return {
		kept: versions.filter((v) => !drop.has(v.id)),
		removed: versions.filter((v) => drop.has(v.id))
	};
}
