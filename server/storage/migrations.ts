/**
 * Store migrations, run once at start (server/core.ts) before anything else reads the store.
 * The store's format version is kept in the KV under `store:version` (a store written before it
 * existed counts as 0); each migration brings it one step further and must be idempotent (two
 * instances on one Redis may start at once; a crash mid-way reruns it). A store of a newer
 * version than this code knows stops the start instead of being misread (no downgrades).
 */
import type { Logger } from '../log';
import type { KvStore } from './kv';
import type { DocStore } from './types';

export const STORE_VERSION_KEY = 'store:version';

export interface MigrationContext {
	kv: KvStore;
	store: DocStore;
	log: Logger;
}

export interface Migration {
	/** The store version after this migration. */
	to: number;
	description: string;
	run(ctx: MigrationContext): Promise<void>;
}

export const MIGRATIONS: Migration[] = [
	{
		to: 1,
		description:
			'Speicherversion eingeführt; Kommentar-Indizes aus dem alten Mengenformat in die Liste übernommen',
		async run({ kv, store }) {
			for (const planId of await store.list()) {
				if ((await kv.get(`review:plan:${planId}:thread-ids`)) !== null) continue;
				const legacy = await kv.sMembers(`review:plan:${planId}:threads`);
				if (legacy.length > 0) {
					await kv.set(`review:plan:${planId}:thread-ids`, JSON.stringify(legacy), {
						ifAbsent: true
					});
				}
			}
		}
	}
];

/** The version a store has after all migrations of this release. */
export const CURRENT_STORE_VERSION = Math.max(0, ...MIGRATIONS.map((m) => m.to));

export class StoreTooNewError extends Error {
	constructor(found: number, known: number) {
		super(
			`Start abgebrochen: Der Datenbestand hat die Speicherversion ${found}, diese Mitplan-Version kennt nur bis ${known}. ` +
				'Bitte die neuere Mitplan-Version starten oder die Sicherung von vor dem Update zurückspielen (README, „Update“). / ' +
				'Cannot start: the store was written by a newer Mitplan.'
		);
		this.name = 'StoreTooNewError';
	}
}

export async function storeVersion(kv: KvStore): Promise<number> {
	const raw = await kv.get(STORE_VERSION_KEY);
	const value = raw === null ? 0 : Number(raw);
	return Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Runs the migrations the store still needs; returns the versions before and after. */
export async function runMigrations(
	ctx: MigrationContext,
	migrations: Migration[] = MIGRATIONS
): Promise<{ from: number; to: number }> {
	const from = await storeVersion(ctx.kv);
	const known = Math.max(0, ...migrations.map((m) => m.to));
	if (from > known) throw new StoreTooNewError(from, known);
	let version = from;
	for (const m of [...migrations].sort((a, b) => a.to - b.to)) {
		if (m.to <= version) continue;
		ctx.log.info('store migration', { from: version, to: m.to, description: m.description });
		await m.run(ctx);
		version = m.to;
		await ctx.kv.update(STORE_VERSION_KEY, (raw) => {
			const stored = raw === null ? 0 : Number(raw);
			return stored >= version ? { result: null } : { value: String(version), result: null };
		});
	}
	if (version !== from) ctx.log.info('store migrated', { from, to: version });
	return { from, to: version };
}
