/**
 * What a backup reads: every plan, every KV entry and every version snapshot of one installation,
 * from the file data directory (read-only, while a server may be running) or from Redis (SCAN,
 * never blocking Redis). Order: plans, then KV, then version snapshots.
 */
import { RESP_TYPES } from 'redis';
import type { StorageLogger } from '../storage/types';
import { readFileBlobs, readFileKv, readFilePlans } from '../storage/read-only';
import { createRedisStore } from '../storage/redis-store';
import { connectRedis } from '../storage/redis-connection';
import { isSafeId } from '../../src/lib/contract/ids';
import type { BackupRecord, KvRecord } from './archive';

export interface BackupSource {
	redisUrl?: string;
	dataDir: string;
	logger?: StorageLogger;
}

const KV_PREFIX = 'mitplan:app:';
const BLOB_PREFIX = 'mitplan:versions:';

export async function* readInstallation(source: BackupSource): AsyncGenerator<BackupRecord> {
	const logger = source.logger ?? console;
	if (!source.redisUrl) {
		for await (const plan of readFilePlans(source.dataDir, logger)) yield { t: 'plan', ...plan };
		const now = Date.now();
		for (const [key, e] of await readFileKv(source.dataDir, now)) {
			if (e.t === 'str')
				yield e.exp === null
					? { t: 'kv', key, type: 'string', value: e.v }
					: { t: 'kv', key, type: 'string', value: e.v, expiresAt: e.exp };
			else if (e.t === 'set') yield { t: 'kv', key, type: 'set', members: [...e.v] };
			else yield { t: 'kv', key, type: 'list', values: [...e.v] };
		}
		for await (const blob of readFileBlobs(source.dataDir)) yield { t: 'blob', ...blob };
		return;
	}

	const docs = await createRedisStore({ url: source.redisUrl, logger });
	try {
		for (const id of await docs.list()) {
			const state = await docs.load(id);
			if (state) yield { t: 'plan', id, state };
		}
	} finally {
		await docs.close();
	}
	const conn = await connectRedis({
		url: source.redisUrl,
		scripts: {},
		logger,
		label: '[backup] redis'
	});
	try {
		const client = conn.client;
		for await (const batch of conn.scan(`${KV_PREFIX}*`, 500)) {
			for (const fullKey of batch) {
				const record = await readKvKey(client as unknown as Client, String(fullKey));
				if (record) yield record;
			}
		}
		const bytes = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
		for await (const batch of conn.scan(`${BLOB_PREFIX}*`, 200)) {
			for (const fullKey of batch) {
				const m = /^mitplan:versions:\{([^}]+)\}:(.+)$/.exec(String(fullKey));
				if (!m || !isSafeId(m[1]) || !isSafeId(m[2])) continue;
				const value = (await bytes.get(String(fullKey))) as Buffer | null;
				if (value) yield { t: 'blob', plan: m[1], id: m[2], data: new Uint8Array(value) };
			}
		}
	} finally {
		await conn.close();
	}
}

/** The few commands readKvKey needs (keeps the client's script typing out of it). */
interface Client {
	type(key: string): Promise<string>;
	get(key: string): Promise<unknown>;
	pTTL(key: string): Promise<number>;
	sMembers(key: string): Promise<unknown[]>;
	lRange(key: string, start: number, stop: number): Promise<unknown[]>;
}

/** One KV key with its type (a key that vanished meanwhile gives null). */
async function readKvKey(client: Client, fullKey: string): Promise<KvRecord | null> {
	const key = fullKey.slice(KV_PREFIX.length);
	const type = await client.type(fullKey);
	if (type === 'string') {
		const [value, ttl] = await Promise.all([client.get(fullKey), client.pTTL(fullKey)]);
		if (value === null || ttl === -2) return null;
		return ttl > 0
			? { t: 'kv', key, type: 'string', value: String(value), expiresAt: Date.now() + ttl }
			: { t: 'kv', key, type: 'string', value: String(value) };
	}
	if (type === 'set') {
		const members = (await client.sMembers(fullKey)).map(String);
		return members.length > 0 ? { t: 'kv', key, type: 'set', members } : null;
	}
	if (type === 'list') {
		const values = (await client.lRange(fullKey, 0, -1)).map(String);
		return values.length > 0 ? { t: 'kv', key, type: 'list', values } : null;
	}
	return null;
}
