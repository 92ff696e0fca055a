/**
 * Restore a backup archive into an empty installation (file data directory or Redis).
 *
 * 1. The whole archive is read and verified first (format, every record, counts, checksum); a
 *    truncated, foreign or altered file is refused before anything is written.
 * 2. The target must be empty: no plan, no KV key, no version snapshot (a server that ran once
 *    already has its administrator and example plan — restore into a fresh folder / Redis).
 * 3. A marker ("restore in progress") is written first and removed last; a server refuses to start
 *    on a store that still carries it, so a restore cut short is never mistaken for a whole one.
 * The file data directory is locked for the whole restore (no server may run on it meanwhile).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createStorage, type Storage } from '../storage/index';
import { lockDataDir } from '../storage/data-lock';
import { readFileKv, readFilePlans, readFileBlobs } from '../storage/read-only';
import { connectRedis } from '../storage/redis-connection';
import type { StorageLogger } from '../storage/types';
import { BackupFormatError, readArchive, type BackupCounts, type BackupRecord } from './archive';

export const RESTORE_MARKER_FILE = 'restore-incomplete';
export const RESTORE_MARKER_KEY = 'mitplan:restore-incomplete';

export interface RestoreTarget {
	redisUrl?: string;
	dataDir: string;
	logger?: StorageLogger;
}

export class RestoreRefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RestoreRefusedError';
	}
}

/** A server start on a store whose restore did not finish. */
export class RestoreIncompleteError extends Error {
	constructor(target: RestoreTarget) {
		super(
			'Start abgebrochen: Eine Wiederherstellung in ' +
				(target.redisUrl ? 'diese Redis-Datenbank' : `DATA_DIR „${target.dataDir}“`) +
				' wurde nicht abgeschlossen. Leeren Sie das Ziel und spielen Sie die Sicherung erneut ein ' +
				'(npm run restore). / Cannot start: an unfinished restore; empty the store and restore again.'
		);
		this.name = 'RestoreIncompleteError';
	}
}

/** Whether an unfinished restore left its marker (checked by the server at start-up). */
export async function restoreIncomplete(target: RestoreTarget): Promise<boolean> {
	if (!target.redisUrl) {
		return fs
			.access(path.join(path.resolve(target.dataDir), RESTORE_MARKER_FILE))
			.then(() => true)
			.catch(() => false);
	}
	const conn = await connectRedis({
		url: target.redisUrl,
		scripts: {},
		logger: target.logger,
		label: '[restore] redis'
	});
	try {
		return (await conn.client.exists(RESTORE_MARKER_KEY)) > 0;
	} finally {
		await conn.close();
	}
}

async function fileTargetEmpty(dataDir: string): Promise<boolean> {
	for await (const plan of readFilePlans(dataDir)) if (plan) return false;
	if ((await readFileKv(dataDir)).size > 0) return false;
	for await (const blob of readFileBlobs(dataDir)) if (blob) return false;
	return true;
}

async function setRedisMarker(url: string, on: boolean, logger?: StorageLogger): Promise<boolean> {
	const conn = await connectRedis({ url, scripts: {}, logger, label: '[restore] redis' });
	try {
		if (!on) {
			await conn.client.del(RESTORE_MARKER_KEY);
			return true;
		}
		for await (const batch of conn.scan('mitplan:*', 500)) {
			if (batch.length > 0) return false;
		}
		await conn.client.set(RESTORE_MARKER_KEY, new Date().toISOString());
		return true;
	} finally {
		await conn.close();
	}
}

async function writeRecord(storage: Storage, record: BackupRecord, now: number): Promise<void> {
	switch (record.t) {
		case 'plan':
			await storage.docs.append(record.id, record.state);
			await storage.docs.compact(record.id);
			return;
		case 'blob':
			await storage.blobs.put(record.plan, record.id, record.data);
			return;
		case 'kv':
			if (record.type === 'string') {
				if (record.expiresAt === undefined) await storage.kv.set(record.key, record.value);
				else if (record.expiresAt > now)
					await storage.kv.set(record.key, record.value, { ttlMs: record.expiresAt - now });
			} else if (record.type === 'set') {
				for (const member of record.members) await storage.kv.sAdd(record.key, member);
			} else {
				// Stored newest first; listPush prepends, so push the oldest first.
				for (let i = record.values.length - 1; i >= 0; i--)
					await storage.kv.listPush(record.key, record.values[i], record.values.length);
			}
			return;
	}
}

export async function restoreArchive(file: string, target: RestoreTarget): Promise<BackupCounts> {
	const { counts } = await readArchive(file);
	const lock = target.redisUrl ? null : await lockDataDir(target.dataDir);
	try {
		const empty = target.redisUrl
			? await setRedisMarker(target.redisUrl, true, target.logger)
			: await fileTargetEmpty(target.dataDir);
		if (!empty)
			throw new RestoreRefusedError(
				'Das Ziel ist nicht leer: Eine Sicherung wird nur in eine leere Installation zurückgespielt ' +
					(target.redisUrl
						? '(eine Redis-Datenbank ohne mitplan:*-Schlüssel).'
						: '(ein leerer DATA_DIR).')
			);
		const marker = path.join(path.resolve(target.dataDir), RESTORE_MARKER_FILE);
		if (!target.redisUrl) await fs.writeFile(marker, new Date().toISOString() + '\n');
		const storage = await createStorage({
			redisUrl: target.redisUrl,
			dataDir: target.dataDir,
			logger: target.logger
		});
		const now = Date.now();
		try {
			await readArchive(file, (record) => writeRecord(storage, record, now));
		} finally {
			await storage.docs.close().catch(() => {});
			await storage.kv.close().catch(() => {});
			await storage.blobs.close().catch(() => {});
		}
		if (target.redisUrl) await setRedisMarker(target.redisUrl, false, target.logger);
		else await fs.rm(marker, { force: true });
		return counts;
	} finally {
		await lock?.release();
	}
}

export { BackupFormatError };
