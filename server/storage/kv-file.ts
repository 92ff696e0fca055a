/**
 * Embedded KvStore for single-process deployments without Redis: the whole state lives in
 * memory, every mutation is appended as one JSON line to `<dir>/app/kv.jsonl` and fsynced
 * before its promise resolves.
 *
 *   - Mutations run one at a time through a queue: compute the op against the committed state,
 *     write + fdatasync the line, then apply it in memory. Reads see committed state only.
 *   - On open the log is replayed. A torn last line (crash during a write) is ignored; an
 *     unreadable line in the middle is skipped and logged, the original file kept as
 *     `kv.jsonl.corrupt-<ms>`.
 *   - Compaction (on open and whenever the log has grown well beyond the live state) writes the
 *     live state to a temp file, fsyncs it and renames it over the log, then fsyncs the
 *     directory. Expired keys are dropped there (and are invisible before that).
 *
 * Only one process may use a data directory at a time (no inter-process locking).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './atomic-file';
import { KvError, type KvCounter, type KvStore, type KvUpdateStep } from './kv';
import {
	KV_LOG,
	applyKvOp,
	replayKvLog,
	type KvEntry as Entry,
	type KvOp as Op
} from './kv-file-ops';

const LOG = KV_LOG;

export interface FileKvOptions {
	/** Data directory; the store lives in `<dir>/app/`. Created if missing. */
	dir: string;
	/** Compact once the log has this many more lines than live keys (default 5000). */
	compactAfterOps?: number;
	logger?: { warn(msg: string): void; error(msg: string): void };
	/** Clock for TTLs (tests). */
	now?: () => number;
}

function ioError(what: string, err: unknown): KvError {
	if (err instanceof KvError) return err;
	return new KvError(
		'unavailable',
		`${what}: ${err instanceof Error ? err.message : String(err)}`,
		{
			cause: err
		}
	);
}

export async function createFileKv(options: FileKvOptions): Promise<KvStore> {
	const dir = path.join(path.resolve(options.dir), 'app');
	const file = path.join(dir, LOG);
	const logger = options.logger ?? console;
	const now = options.now ?? Date.now;
	const compactAfter = options.compactAfterOps ?? 5000;
	const data = new Map<string, Entry>();
	let logLines = 0;
	let handle: fs.FileHandle | null = null;
	let logBytes = 0;
	let tail: Promise<void> = Promise.resolve();
	let closed = false;

	const apply = (op: Op) => applyKvOp(data, op);

	/** The live entry, or undefined when missing or expired. */
	function live(key: string): Entry | undefined {
		const e = data.get(key);
		if (e?.t === 'str' && e.exp !== null && e.exp <= now()) {
			data.delete(key);
			return undefined;
		}
		return e;
	}

	function liveString(key: string): (Entry & { t: 'str' }) | undefined {
		const e = live(key);
		return e?.t === 'str' ? e : undefined;
	}

	// --- open: replay ---
	await fs.mkdir(dir, { recursive: true });
	let raw: string | null = null;
	try {
		raw = await fs.readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError('reading the kv log', err);
	}
	if (raw !== null) {
		const { torn, bad } = replayKvLog(raw, data);
		if (torn > 0) logger.warn(`[auth-kv] ignoring torn last line of ${LOG} (${torn} bytes)`);
		if (bad > 0) {
			const backup = `${file}.corrupt-${Date.now()}`;
			await fs.writeFile(backup, raw);
			logger.error(
				`[auth-kv] skipped ${bad} unreadable line(s) in ${LOG}; original kept as ${path.basename(backup)}`
			);
		}
	}

	function snapshotOps(): Op[] {
		const ops: Op[] = [];
		const t = now();
		for (const [k, e] of data) {
			if (e.t === 'str') {
				if (e.exp !== null && e.exp <= t) continue;
				ops.push(e.exp === null ? { o: 'set', k, v: e.v } : { o: 'set', k, v: e.v, x: e.exp });
			} else if (e.t === 'set') ops.push({ o: 'sset', k, v: [...e.v] });
			else ops.push({ o: 'list', k, v: e.v });
		}
		return ops;
	}

	async function compact(): Promise<void> {
		const ops = snapshotOps();
		const text = ops.map((op) => JSON.stringify(op) + '\n').join('');
		const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
		try {
			const fh = await fs.open(tmp, 'w');
			try {
				await fh.writeFile(text);
				await fh.sync();
			} finally {
				await fh.close();
			}
			if (handle) {
				await handle.close().catch(() => {});
				handle = null;
			}
			await fs.rename(tmp, file);
			await fsyncDir(dir);
		} catch (err) {
			await fs.rm(tmp, { force: true }).catch(() => {});
			throw ioError('compacting the kv log', err);
		}
		// Drop expired keys from memory too.
		for (const [k, e] of data)
			if (e.t === 'str' && e.exp !== null && e.exp <= now()) data.delete(k);
		logLines = ops.length;
		logBytes = Buffer.byteLength(text);
	}

	await compact();

	async function writeOps(ops: Op[]): Promise<void> {
		if (ops.length === 0) return;
		const buf = Buffer.from(ops.map((op) => JSON.stringify(op) + '\n').join(''));
		try {
			handle ??= await fs.open(file, 'a');
			let written = 0;
			while (written < buf.length) {
				const { bytesWritten } = await handle.write(buf, written, buf.length - written);
				written += bytesWritten;
			}
			await handle.datasync();
		} catch (err) {
			// Never leave a partial line in front of later writes.
			if (handle) {
				await handle.truncate(logBytes).catch(() => {});
				await handle.close().catch(() => {});
				handle = null;
			}
			throw ioError('writing the kv log', err);
		}
		logBytes += buf.length;
		logLines += ops.length;
		for (const op of ops) apply(op);
		if (logLines > data.size + compactAfter)
			await compact().catch((err) => logger.error(String(err)));
	}

	function checkOpen(): void {
		if (closed) throw new KvError('closed', 'kv store is closed');
	}

	/** Runs a mutation alone: `plan` computes ops and a result from the committed state. */
	function mutate<T>(plan: () => { ops: Op[]; result: T }): Promise<T> {
		const run = tail.then(async () => {
			checkOpen();
			const { ops, result } = plan();
			await writeOps(ops);
			return result;
		});
		tail = run.then(
			() => {},
			() => {}
		);
		return run;
	}

	async function read<T>(fn: () => T): Promise<T> {
		checkOpen();
		return fn();
	}

	const store: KvStore = {
		kind: 'file',

		get: (key) => read(() => liveString(key)?.v ?? null),

		set: (key, value, opts = {}) =>
			mutate(() => {
				if (opts.ifAbsent && live(key) !== undefined) return { ops: [], result: false };
				const op: Op =
					opts.ttlMs !== undefined
						? { o: 'set', k: key, v: value, x: now() + opts.ttlMs }
						: { o: 'set', k: key, v: value };
				return { ops: [op], result: true };
			}),

		del: (keys) =>
			mutate(() => ({
				ops: (Array.isArray(keys) ? keys : [keys])
					.filter((k) => data.has(k))
					.map((k): Op => ({ o: 'del', k })),
				result: undefined
			})),

		update<T>(key: string, fn: (current: string | null) => KvUpdateStep<T>) {
			return mutate(() => {
				const cur = liveString(key);
				const step = fn(cur?.v ?? null);
				let ops: Op[] = [];
				if (step.value === null) ops = cur ? [{ o: 'del', k: key }] : [];
				else if (step.value !== undefined) {
					ops = [
						cur?.exp != null
							? { o: 'set', k: key, v: step.value, x: cur.exp }
							: { o: 'set', k: key, v: step.value }
					];
				}
				return { ops, result: step.result };
			});
		},

		incr: (key, windowMs) =>
			mutate(() => {
				const cur = liveString(key);
				const value = (cur ? Number.parseInt(cur.v, 10) || 0 : 0) + 1;
				const exp = cur?.exp ?? now() + windowMs;
				const result: KvCounter = { value, ttlMs: Math.max(0, exp - now()) };
				return { ops: [{ o: 'set', k: key, v: String(value), x: exp }], result };
			}),

		counter: (key) =>
			read(() => {
				const cur = liveString(key);
				if (!cur) return null;
				return {
					value: Number.parseInt(cur.v, 10) || 0,
					ttlMs: cur.exp === null ? 0 : Math.max(0, cur.exp - now())
				};
			}),

		sAdd: (key, member) =>
			mutate(() => {
				const e = live(key);
				const has = e?.t === 'set' && e.v.has(member);
				return { ops: has ? [] : [{ o: 'sadd', k: key, m: member }], result: undefined };
			}),

		sRem: (key, member) =>
			mutate(() => {
				const e = live(key);
				const has = e?.t === 'set' && e.v.has(member);
				return { ops: has ? [{ o: 'srem', k: key, m: member }] : [], result: undefined };
			}),

		sMembers: (key) =>
			read(() => {
				const e = live(key);
				return e?.t === 'set' ? [...e.v] : [];
			}),

		listPush: (key, value, maxLength) =>
			mutate(() => ({
				ops: [{ o: 'lpush', k: key, v: value, n: Math.max(1, maxLength) }],
				result: undefined
			})),

		listRange: (key, start, stop) =>
			read(() => {
				const e = live(key);
				if (e?.t !== 'list') return [];
				return e.v.slice(start, stop < 0 ? e.v.length + stop + 1 : stop + 1);
			}),

		async close() {
			if (closed) return;
			await tail;
			closed = true;
			if (handle) await handle.close().catch(() => {});
			handle = null;
		}
	};
	return store;
}
