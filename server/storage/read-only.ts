/**
 * Read-only views of a file data directory, for a second process (the backup) while a server
 * keeps using the directory: nothing here creates, repairs, truncates or compacts a file.
 *
 * - Plans: each plan's log is read *before* its snapshot. A compaction writes the new snapshot
 *   (atomic rename) before it empties the log, so whichever moment the reads fall on, every update
 *   is in one of the two (Yjs updates are idempotent; duplicates merge away). A torn last record
 *   (an append in flight) is left out: it was not yet acknowledged.
 * - KV: the log replayed in memory; a torn last line is ignored. Expired strings are left out.
 * - Version blobs: the files under `versions/<planId>/`, each written atomically.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isSafeId } from '../../src/lib/contract/ids';
import { DEFAULT_MAX_UPDATE_BYTES, StorageError, mergeState, type StorageLogger } from './types';
import { LOG, SNAPSHOT, TOMBSTONE_SUFFIX, decodeSnapshot, parseLog } from './file-store';
import { KV_LOG, replayKvLog, type KvEntry } from './kv-file-ops';

async function readOrNull(file: string): Promise<Buffer | null> {
	try {
		return await fs.readFile(file);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
}

async function dirNames(dir: string): Promise<string[]> {
	try {
		return await fs.readdir(dir);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw err;
	}
}

/** Every live plan's merged state (deleted plans and half-deleted leftovers are skipped). */
export async function* readFilePlans(
	dataDir: string,
	logger: StorageLogger = console
): AsyncGenerator<{ id: string; state: Uint8Array }> {
	const plansDir = path.join(path.resolve(dataDir), 'plans');
	const names = await dirNames(plansDir);
	const deleted = new Set(
		names
			.filter((n) => n.endsWith(TOMBSTONE_SUFFIX))
			.map((n) => n.slice(0, -TOMBSTONE_SUFFIX.length))
	);
	for (const id of names.sort()) {
		if (!isSafeId(id) || deleted.has(id)) continue;
		const state = await readPlanDir(plansDir, id, logger);
		if (state) yield { id, state };
	}
}

/** One plan's merged state, or null when it does not exist or was deleted. */
export async function readFilePlan(
	dataDir: string,
	id: string,
	logger: StorageLogger = console
): Promise<Uint8Array | null> {
	if (!isSafeId(id)) return null;
	return readPlanDir(path.join(path.resolve(dataDir), 'plans'), id, logger);
}

async function readPlanDir(
	plansDir: string,
	id: string,
	logger: StorageLogger
): Promise<Uint8Array | null> {
	const tombstone = path.join(plansDir, id + TOMBSTONE_SUFFIX);
	if ((await readOrNull(tombstone)) !== null) return null;
	const log = await readOrNull(path.join(plansDir, id, LOG));
	const snapshotBuf = await readOrNull(path.join(plansDir, id, SNAPSHOT));
	const entries = log ? parseLog(log, DEFAULT_MAX_UPDATE_BYTES).records : [];
	const snapshot = snapshotBuf ? decodeSnapshot(id, snapshotBuf) : null;
	if (snapshot === null && entries.length === 0) return null;
	// A plan deleted while we read it: its tombstone appears before its files go.
	if ((await readOrNull(tombstone)) !== null) return null;
	return mergeState(id, snapshot, entries, logger);
}

/** The KV's live entries as of now. */
export async function readFileKv(dataDir: string, now = Date.now()): Promise<Map<string, KvEntry>> {
	const raw = await readOrNull(path.join(path.resolve(dataDir), 'app', KV_LOG));
	const data = new Map<string, KvEntry>();
	if (raw === null) return data;
	const { bad } = replayKvLog(raw.toString('utf8'), data);
	if (bad > 0)
		throw new StorageError(
			'corrupt',
			`${KV_LOG} has ${bad} unreadable line(s); start the server once to repair it`
		);
	for (const [key, entry] of data)
		if (entry.t === 'str' && entry.exp !== null && entry.exp <= now) data.delete(key);
	return data;
}

/** Every stored version snapshot. */
export async function* readFileBlobs(
	dataDir: string
): AsyncGenerator<{ plan: string; id: string; data: Uint8Array }> {
	const root = path.join(path.resolve(dataDir), 'versions');
	for (const plan of (await dirNames(root)).sort()) {
		if (!isSafeId(plan)) continue;
		for (const name of (await dirNames(path.join(root, plan))).sort()) {
			if (!name.endsWith('.bin')) continue;
			const id = name.slice(0, -4);
			if (!isSafeId(id)) continue;
			const data = await readOrNull(path.join(root, plan, name));
			if (data) yield { plan, id, data: new Uint8Array(data) };
		}
	}
}
