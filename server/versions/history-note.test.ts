/**
 * A history note written by the server (idea taken over, vote write-back) is stored in Redis as
 * kind + params with its German sentence (older readers show `note`), and read back so each
 * reader words it in their language.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { historyNoteText } from '../../src/lib/versions/history-text';
import { createLogger } from '../log';
import { createRedisKv } from '../storage/kv-redis';
import type { RoomManager } from '../sync/rooms';
import { HistoryRecorder } from './history-recorder';

let redis: TestRedis | undefined;
let dir = '';

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-history-note-'));
	redis = await startRedis({ persistDir: dir });
});
afterAll(async () => {
	await redis?.stop();
	await fs.rm(dir, { recursive: true, force: true });
});

describe('history notes in Redis', () => {
	it('stores kind + params with the German sentence; old free-text notes stay', async () => {
		const log = createLogger('error');
		const kv = await createRedisKv({ url: redis!.url, keyPrefix: 'mitplan:hn:', logger: log });
		try {
			const rooms = { isDeleted: () => false } as unknown as RoomManager;
			const recorder = new HistoryRecorder({ kv, rooms, log }, async () => {});
			const actor = { id: 'u1', name: 'Mira', kind: 'user' as const };
			recorder.record('plan-1', actor, 'm1', 'measure', 'changed', ['priority'], {
				kind: 'vote',
				vote: 'Was packen wir an?',
				confirmed: true
			});
			recorder.record('plan-1', actor, 'm2', 'measure', 'created', [], 'aus der Abstimmung „Alt“');
			await recorder.flushHistory(true);
			const fresh = new HistoryRecorder({ kv, rooms, log }, async () => {});
			const read = await fresh.history('plan-1', null, 10);
			if (!read.ok) throw new Error(read.error.message);
			const byItem = new Map(read.value.map((e) => [e.itemId, e]));
			const vote = byItem.get('m1')!;
			expect(vote.noteParams).toEqual({
				kind: 'vote',
				vote: 'Was packen wir an?',
				confirmed: true
			});
			expect(vote.note).toBe('aus der Abstimmung „Was packen wir an?“ (Priorität bestätigt)');
			expect(historyNoteText(vote, 'en')).toBe(
				'from the vote “Was packen wir an?” (priority confirmed)'
			);
			const old = byItem.get('m2')!;
			expect(old.noteParams).toBeUndefined();
			expect(historyNoteText(old, 'en')).toBe('aus der Abstimmung „Alt“');
		} finally {
			await kv.close();
		}
	});
});
