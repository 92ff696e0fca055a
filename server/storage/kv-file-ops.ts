/**
 * The embedded KV's on-disk vocabulary (`<dir>/app/kv.jsonl`): one JSON operation per line, and
 * how a log replays into entries. Shared by the store (kv-file.ts) and by read-only readers such
 * as the backup (server/backup), which must never write into a data directory a server is using.
 */

export const KV_LOG = 'kv.jsonl';

export type KvEntry =
	| { t: 'str'; v: string; exp: number | null }
	| { t: 'set'; v: Set<string> }
	| { t: 'list'; v: string[] };

export type KvOp =
	| { o: 'set'; k: string; v: string; x?: number }
	| { o: 'del'; k: string }
	| { o: 'sadd'; k: string; m: string }
	| { o: 'srem'; k: string; m: string }
	| { o: 'lpush'; k: string; v: string; n: number }
	| { o: 'sset'; k: string; v: string[] }
	| { o: 'list'; k: string; v: string[] };

export function isKvOp(x: unknown): x is KvOp {
	if (typeof x !== 'object' || x === null) return false;
	const r = x as Record<string, unknown>;
	if (typeof r.k !== 'string') return false;
	switch (r.o) {
		case 'set':
			return typeof r.v === 'string' && (r.x === undefined || typeof r.x === 'number');
		case 'del':
			return true;
		case 'sadd':
		case 'srem':
			return typeof r.m === 'string';
		case 'lpush':
			return typeof r.v === 'string' && typeof r.n === 'number';
		case 'sset':
		case 'list':
			return Array.isArray(r.v) && r.v.every((s) => typeof s === 'string');
		default:
			return false;
	}
}

export function applyKvOp(data: Map<string, KvEntry>, op: KvOp): void {
	switch (op.o) {
		case 'set':
			data.set(op.k, { t: 'str', v: op.v, exp: op.x ?? null });
			return;
		case 'del':
			data.delete(op.k);
			return;
		case 'sadd': {
			const e = data.get(op.k);
			if (e?.t === 'set') e.v.add(op.m);
			else data.set(op.k, { t: 'set', v: new Set([op.m]) });
			return;
		}
		case 'srem': {
			const e = data.get(op.k);
			if (e?.t === 'set') {
				e.v.delete(op.m);
				if (e.v.size === 0) data.delete(op.k);
			}
			return;
		}
		case 'lpush': {
			const e = data.get(op.k);
			const list = e?.t === 'list' ? e.v : [];
			list.unshift(op.v);
			if (list.length > op.n) list.length = op.n;
			data.set(op.k, { t: 'list', v: list });
			return;
		}
		case 'sset':
			data.set(op.k, { t: 'set', v: new Set(op.v) });
			return;
		case 'list':
			data.set(op.k, { t: 'list', v: [...op.v] });
			return;
	}
}

/**
 * Replays a log's text into `data`. A torn last line (a crash during a write) is ignored and its
 * length returned as `torn`; unreadable lines elsewhere are skipped and counted as `bad`.
 */
export function replayKvLog(
	raw: string,
	data: Map<string, KvEntry>
): { torn: number; bad: number } {
	const lines = raw.split('\n');
	const last = lines.pop() ?? '';
	let bad = 0;
	for (const line of lines) {
		if (line === '') continue;
		let op: unknown;
		try {
			op = JSON.parse(line);
		} catch {
			op = null;
		}
		if (isKvOp(op)) applyKvOp(data, op);
		else bad++;
	}
	return { torn: last.length, bad };
}
