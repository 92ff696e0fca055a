/**
 * Over 400 lines because the on-disk format, crash recovery, compaction and tombstones of one store share the same file handling and per-plan queue.
 *
 * Embedded DocStore: one directory per plan under `<dir>/plans/<planId>/`.
 *
 *   snapshot.bin  header 'MPS1' | u32le payload length | u32le crc32(payload) | payload
 *                 (payload = merged Yjs update). Replaced atomically: write tmp file, fsync,
 *                 rename over, fsync the directory.
 *   log.bin       append-only records: u32le length | payload | u32le crc32(length bytes + payload).
 *                 A torn trailing record (crash during write) is cut off on the next read; a
 *                 record failing its checksum in the middle stops reading there, the damaged file
 *                 is kept as `log.bin.corrupt-<ms>` and the live log truncated to its valid prefix.
 *
 * `<dir>/plans/<planId>.deleted` is the plan's tombstone, written (and the directory fsynced)
 * by delete() BEFORE the plan's directory is removed, and never removed itself. While it exists,
 * append() rejects with StorageError('deleted') and writes nothing, compact() writes nothing,
 * load() is null, exists() false and list() omits the id, across restarts. A plan directory
 * found next to its tombstone at start (crash in the middle of a delete) is removed. The name
 * contains a dot, so it can never collide with a plan id (PLAN_ID_RE).
 *
 * All operations on one plan run through a per-plan promise queue, so compaction never
 * interleaves with an append. Appends that arrive while a write is in flight are batched into
 * the next single write (group commit); the log is opened with O_DSYNC, so that write returns
 * only once its data is on disk (as write + fdatasync did, in one thread-pool job). Compaction
 * merges through `merge` (a worker thread in the server, see merge-pool.ts).
 *
 * Only one process may use a data directory at a time (no inter-process locking).
 */
import fsCb, { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { fsyncDir, writeFileAtomic } from './atomic-file';
import { mergeInline, type MergeState } from './merge-pool';
import {
	DEFAULT_MAX_UPDATE_BYTES,
	StorageError,
	assertPlanId,
	assertUpdate,
	isValidPlanId,
	mergeState,
	type DocStore,
	type StorageLogger
} from './types';

export interface FileStoreOptions {
	/** Data directory; plans live in `<dir>/plans`. Created if missing. */
	dir: string;
	/**
	 * true (default): append resolves after an O_DSYNC write (survives power loss).
	 * false: append resolves after the write syscall (survives kill -9 of the process only).
	 */
	fsync?: boolean;
	maxUpdateBytes?: number;
	logger?: StorageLogger;
	/** How compact() merges snapshot and log (default: on this thread; the server: a worker). */
	merge?: MergeState;
}

export const SNAPSHOT = 'snapshot.bin';
export const LOG = 'log.bin';
const SNAPSHOT_MAGIC = Buffer.from('MPS1', 'latin1');
const SNAPSHOT_HEADER = 12;
const RECORD_OVERHEAD = 8;
const LOG_IDLE_CLOSE_MS = 5000;
export const TOMBSTONE_SUFFIX = '.deleted';

interface PendingAppend {
	record: Buffer;
	resolve(value: { logLength: number }): void;
	reject(err: unknown): void;
}

interface PlanState {
	/** Tail of the per-plan queue; always resolves. */
	tail: Promise<void>;
	/**
	 * Appends waiting for the flush already queued for them; null when none is queued. Cleared
	 * when the flush starts, and by delete(), so an append called after delete() is queued
	 * behind it (and refused) instead of riding along in an earlier batch.
	 */
	openBatch: PendingAppend[] | null;
	/** Number of valid records in log.bin; null until the log was scanned. */
	logRecords: number | null;
	/** Byte length of the valid prefix of log.bin. */
	logBytes: number;
	logFileExists: boolean;
	dirReady: boolean;
	/** log.bin kept open (O_APPEND) while the plan is busy; closed after LOG_IDLE_CLOSE_MS. */
	logHandle: fs.FileHandle | null;
	idleTimer: NodeJS.Timeout | null;
	/** Whether `<planId>.deleted` exists; null until checked. Only this process writes it. */
	deleted: boolean | null;
}

interface ParsedLog {
	records: Uint8Array[];
	validBytes: number;
	problem: null | { kind: 'torn' | 'corrupt'; offset: number; reason: string };
}

export function encodeRecord(update: Uint8Array): Buffer {
	const buf = Buffer.allocUnsafe(update.byteLength + RECORD_OVERHEAD);
	buf.writeUInt32LE(update.byteLength, 0);
	buf.set(update, 4);
	const end = 4 + update.byteLength;
	buf.writeUInt32LE(crc32(buf.subarray(0, end)), end);
	return buf;
}

export function parseLog(buf: Buffer, maxRecordBytes: number): ParsedLog {
	const records: Uint8Array[] = [];
	let offset = 0;
	while (offset < buf.length) {
		const remaining = buf.length - offset;
		if (remaining < RECORD_OVERHEAD) {
			return { records, validBytes: offset, problem: { kind: 'torn', offset, reason: 'short' } };
		}
		const len = buf.readUInt32LE(offset);
		if (len > maxRecordBytes) {
			return {
				records,
				validBytes: offset,
				problem: { kind: 'corrupt', offset, reason: `implausible length ${len}` }
			};
		}
		const end = offset + 4 + len;
		if (end + 4 > buf.length) {
			return {
				records,
				validBytes: offset,
				problem: { kind: 'torn', offset, reason: 'truncated' }
			};
		}
		if (crc32(buf.subarray(offset, end)) !== buf.readUInt32LE(end)) {
			const kind = end + 4 === buf.length ? 'torn' : 'corrupt';
			return {
				records,
				validBytes: offset,
				problem: { kind, offset, reason: 'checksum mismatch' }
			};
		}
		records.push(new Uint8Array(buf.buffer, buf.byteOffset + offset + 4, len));
		offset = end + 4;
	}
	return { records, validBytes: offset, problem: null };
}

function encodeSnapshot(state: Uint8Array): Buffer {
	const header = Buffer.allocUnsafe(SNAPSHOT_HEADER);
	SNAPSHOT_MAGIC.copy(header, 0);
	header.writeUInt32LE(state.byteLength, 4);
	header.writeUInt32LE(crc32(state), 8);
	return Buffer.concat([header, state]);
}

export function decodeSnapshot(planId: string, buf: Buffer): Uint8Array {
	if (
		buf.length < SNAPSHOT_HEADER ||
		!buf.subarray(0, 4).equals(SNAPSHOT_MAGIC) ||
		buf.readUInt32LE(4) !== buf.length - SNAPSHOT_HEADER
	) {
		throw new StorageError('corrupt', `snapshot of plan ${planId} has a bad header or length`);
	}
	const payload = buf.subarray(SNAPSHOT_HEADER);
	if (crc32(payload) !== buf.readUInt32LE(8)) {
		throw new StorageError('corrupt', `snapshot of plan ${planId} fails its checksum`);
	}
	return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
}

function isErrno(err: unknown, code: string): boolean {
	return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}

async function readOrNull(file: string): Promise<Buffer | null> {
	try {
		return await fs.readFile(file);
	} catch (err) {
		if (isErrno(err, 'ENOENT')) return null;
		throw err;
	}
}

/** Writes all of `data` at the end of the append-only file `fd` (callback fs: no FileHandle promise per call). */
function writeAll(fd: number, data: Buffer): Promise<void> {
	return new Promise((resolve, reject) => {
		const from = (offset: number) =>
			fsCb.write(fd, data, offset, data.length - offset, null, (err, written) => {
				if (err) return reject(err);
				if (offset + written < data.length) return from(offset + written);
				resolve();
			});
		from(0);
	});
}

function ioError(what: string, err: unknown): StorageError {
	if (err instanceof StorageError) return err;
	return new StorageError('unavailable', `${what}: ${(err as Error)?.message ?? err}`, {
		cause: err
	});
}

export async function createFileStore(options: FileStoreOptions): Promise<DocStore> {
	const root = path.resolve(options.dir);
	const plansDir = path.join(root, 'plans');
	const doFsync = options.fsync ?? true;
	// The log is opened for appending; with fsync, O_DSYNC makes every write durable on return
	// (data and the file size, as write + fdatasync did, in one system call).
	// Where the platform has no O_DSYNC (Windows), each write is followed by fdatasync instead.
	const { O_WRONLY, O_APPEND, O_CREAT, O_DSYNC } = fsCb.constants;
	const dsync = doFsync && typeof O_DSYNC === 'number';
	const logFlags = O_WRONLY | O_APPEND | O_CREAT | (dsync ? O_DSYNC : 0);
	const maxUpdateBytes = options.maxUpdateBytes ?? DEFAULT_MAX_UPDATE_BYTES;
	const logger = options.logger ?? console;
	const merge = options.merge ?? mergeInline;
	const plans = new Map<string, PlanState>();
	let closed = false;

	await fs.mkdir(plansDir, { recursive: true });
	const planDir = (planId: string) => path.join(plansDir, planId);
	const tombstoneFile = (planId: string) => path.join(plansDir, planId + TOMBSTONE_SUFFIX);

	// Best effort: remove leftovers of deletes interrupted by a crash: renamed directories, and a
	// plan directory that was not yet renamed when its tombstone had already been written.
	for (const name of await fs.readdir(plansDir)) {
		let leftover: string | null = null;
		if (name.startsWith('.deleted-')) leftover = name;
		else if (name.endsWith(TOMBSTONE_SUFFIX)) {
			const planId = name.slice(0, -TOMBSTONE_SUFFIX.length);
			if (isValidPlanId(planId)) leftover = planId;
		}
		if (leftover !== null) {
			await fs.rm(path.join(plansDir, leftover), { recursive: true, force: true }).catch(() => {});
		}
	}

	function stateOf(planId: string): PlanState {
		let st = plans.get(planId);
		if (!st) {
			st = {
				tail: Promise.resolve(),
				openBatch: null,
				logRecords: null,
				logBytes: 0,
				logFileExists: false,
				dirReady: false,
				logHandle: null,
				idleTimer: null,
				deleted: null
			};
			plans.set(planId, st);
		}
		return st;
	}

	function enqueue<T>(st: PlanState, fn: () => Promise<T>): Promise<T> {
		const run = st.tail.then(fn);
		st.tail = run.then(
			() => {},
			() => {}
		);
		return run;
	}

	function checkOpen(): void {
		if (closed) throw new StorageError('closed', 'file store is closed');
	}

	/** Must run inside the plan's queue. */
	async function isDeleted(planId: string, st: PlanState): Promise<boolean> {
		if (st.deleted === null) {
			try {
				await fs.access(tombstoneFile(planId));
				st.deleted = true;
			} catch (err) {
				if (!isErrno(err, 'ENOENT')) throw err;
				st.deleted = false;
			}
		}
		return st.deleted;
	}

	/** Reads log.bin, repairs a torn tail / corrupt middle, and refreshes the cached counters. */
	async function readLog(planId: string, st: PlanState): Promise<Uint8Array[]> {
		const file = path.join(planDir(planId), LOG);
		const buf = await readOrNull(file);
		if (buf === null) {
			st.logRecords = 0;
			st.logBytes = 0;
			st.logFileExists = false;
			return [];
		}
		const parsed = parseLog(buf, maxUpdateBytes);
		if (parsed.problem) {
			const { kind, offset, reason } = parsed.problem;
			const dropped = buf.length - parsed.validBytes;
			if (kind === 'corrupt') {
				const backup = `${file}.corrupt-${Date.now()}`;
				await fs.writeFile(backup, buf);
				logger.error(
					`[storage] plan ${planId}: corrupt log record at byte ${offset} (${reason}); ` +
						`kept ${parsed.records.length} records before it, dropped ${dropped} bytes ` +
						`(original saved as ${path.basename(backup)})`
				);
			} else {
				logger.warn(
					`[storage] plan ${planId}: ignoring torn trailing log record at byte ${offset} ` +
						`(${reason}, ${dropped} bytes)`
				);
			}
			// Cut the damage off so later appends are not written behind unreadable bytes.
			await fs.truncate(file, parsed.validBytes);
		}
		st.logRecords = parsed.records.length;
		st.logBytes = parsed.validBytes;
		st.logFileExists = true;
		return parsed.records;
	}

	/** Must run inside the plan's queue. */
	async function closeLogHandle(st: PlanState): Promise<void> {
		if (st.idleTimer) clearTimeout(st.idleTimer);
		st.idleTimer = null;
		const fh = st.logHandle;
		st.logHandle = null;
		if (fh) await fh.close().catch(() => {});
	}

	function armIdleClose(st: PlanState): void {
		if (st.idleTimer) clearTimeout(st.idleTimer);
		st.idleTimer = setTimeout(() => {
			st.idleTimer = null;
			void enqueue(st, () => closeLogHandle(st));
		}, LOG_IDLE_CLOSE_MS);
		st.idleTimer.unref();
	}

	async function ensureDir(planId: string, st: PlanState): Promise<void> {
		if (st.dirReady) return;
		const created = await fs.mkdir(planDir(planId), { recursive: true });
		if (created !== undefined && doFsync) await fsyncDir(plansDir);
		st.dirReady = true;
	}

	async function flush(planId: string, st: PlanState, batch: PendingAppend[]): Promise<void> {
		if (st.openBatch === batch) st.openBatch = null;
		if (batch.length === 0) return;
		const file = path.join(planDir(planId), LOG);
		try {
			if (await isDeleted(planId, st)) {
				const e = new StorageError('deleted', `plan ${planId} was deleted`);
				for (const p of batch) p.reject(e);
				return;
			}
			if (st.logRecords === null) await readLog(planId, st);
			await ensureDir(planId, st);
			const data = batch.length === 1 ? batch[0].record : Buffer.concat(batch.map((p) => p.record));
			st.logHandle ??= await fs.open(file, logFlags);
			const fh = st.logHandle;
			try {
				// O_DSYNC: each write returns once its data is on disk (one thread-pool hop, not two)
				await writeAll(fh.fd, data);
				if (doFsync && !dsync) await fh.datasync();
			} catch (err) {
				// Never leave a partial record in front of future appends.
				await fh.truncate(st.logBytes).catch(() => {
					st.logRecords = null;
				});
				await closeLogHandle(st);
				throw err;
			}
			armIdleClose(st);
			if (!st.logFileExists) {
				if (doFsync) await fsyncDir(planDir(planId));
				st.logFileExists = true;
			}
			const before = st.logRecords ?? 0;
			st.logRecords = before + batch.length;
			st.logBytes += data.length;
			batch.forEach((p, i) => p.resolve({ logLength: before + i + 1 }));
		} catch (err) {
			st.logRecords = null; // counters may be stale: rescan the log next time
			const e = ioError(`append to plan ${planId} failed`, err);
			for (const p of batch) p.reject(e);
		}
	}

	async function writeSnapshot(planId: string, state: Uint8Array): Promise<void> {
		await writeFileAtomic(path.join(planDir(planId), SNAPSHOT), encodeSnapshot(state));
	}

	async function readSnapshot(planId: string): Promise<Uint8Array | null> {
		const buf = await readOrNull(path.join(planDir(planId), SNAPSHOT));
		return buf === null ? null : decodeSnapshot(planId, buf);
	}

	const store: DocStore = {
		kind: 'file',

		async load(planId) {
			const parts = await store.loadParts(planId);
			return parts && mergeState(planId, parts.snapshot, parts.entries, logger);
		},

		async loadParts(planId) {
			checkOpen();
			assertPlanId(planId);
			const st = stateOf(planId);
			return enqueue(st, async () => {
				try {
					if (await isDeleted(planId, st)) return null;
					const snapshot = await readSnapshot(planId);
					const entries = await readLog(planId, st);
					if (snapshot === null && entries.length === 0) return null;
					return { snapshot: snapshot && snapshot.slice(), entries: entries.map((e) => e.slice()) };
				} catch (err) {
					throw ioError(`load of plan ${planId} failed`, err);
				}
			});
		},

		append(planId, update) {
			try {
				checkOpen();
				assertPlanId(planId);
				assertUpdate(update, maxUpdateBytes);
			} catch (err) {
				return Promise.reject(err);
			}
			const st = stateOf(planId);
			return new Promise((resolve, reject) => {
				let batch = st.openBatch;
				if (!batch) {
					const fresh: PendingAppend[] = [];
					batch = st.openBatch = fresh;
					void enqueue(st, () => flush(planId, st, fresh));
				}
				batch.push({ record: encodeRecord(update), resolve, reject });
			});
		},

		async compact(planId) {
			checkOpen();
			assertPlanId(planId);
			const st = stateOf(planId);
			return enqueue(st, async () => {
				try {
					if (await isDeleted(planId, st)) return;
					const entries = await readLog(planId, st);
					if (entries.length === 0) return;
					const snapshot = await readSnapshot(planId);
					const merged = await merge(planId, snapshot, entries, logger);
					await writeSnapshot(planId, merged);
					// A crash right here leaves snapshot + full log: harmless, updates are idempotent.
					await fs.truncate(path.join(planDir(planId), LOG), 0);
					st.logRecords = 0;
					st.logBytes = 0;
				} catch (err) {
					st.logRecords = null;
					throw ioError(`compaction of plan ${planId} failed`, err);
				}
			});
		},

		async exists(planId) {
			checkOpen();
			assertPlanId(planId);
			const st = stateOf(planId);
			return enqueue(st, async () => {
				try {
					if (await isDeleted(planId, st)) return false;
					await fs.access(path.join(planDir(planId), SNAPSHOT));
					return true;
				} catch (err) {
					if (!isErrno(err, 'ENOENT')) throw ioError(`exists(${planId}) failed`, err);
				}
				if (st.logRecords === null) await readLog(planId, st);
				return (st.logRecords ?? 0) > 0;
			});
		},

		async list() {
			checkOpen();
			try {
				const names = await fs.readdir(plansDir);
				const deleted = new Set(
					names
						.filter((n) => n.endsWith(TOMBSTONE_SUFFIX))
						.map((n) => n.slice(0, -TOMBSTONE_SUFFIX.length))
				);
				return names.filter((n) => isValidPlanId(n) && !deleted.has(n)).sort();
			} catch (err) {
				throw ioError('listing plans failed', err);
			}
		},

		async delete(planId) {
			checkOpen();
			assertPlanId(planId);
			const st = stateOf(planId);
			st.openBatch = null; // later appends queue up behind the delete
			return enqueue(st, async () => {
				await closeLogHandle(st);
				// Tombstone first (durably): from here on the plan is gone, whatever happens below.
				try {
					if (!(await isDeleted(planId, st))) {
						await fs.writeFile(tombstoneFile(planId), `${new Date().toISOString()}\n`);
						if (doFsync) await fsyncDir(plansDir);
					}
					st.deleted = true;
				} catch (err) {
					st.deleted = null;
					throw ioError(`delete of plan ${planId} failed`, err);
				}
				const dir = planDir(planId);
				// Rename first so a crash mid-delete never leaves half a plan behind.
				const trash = path.join(plansDir, `.deleted-${planId}-${randomBytes(6).toString('hex')}`);
				const reset = () => {
					st.logRecords = 0;
					st.logBytes = 0;
					st.logFileExists = false;
					st.dirReady = false;
				};
				try {
					await fs.rename(dir, trash);
				} catch (err) {
					if (isErrno(err, 'ENOENT')) return reset();
					st.logRecords = null;
					throw ioError(`delete of plan ${planId} failed`, err);
				}
				reset();
				if (doFsync) await fsyncDir(plansDir).catch(() => {});
				await fs.rm(trash, { recursive: true, force: true });
			});
		},

		async close() {
			closed = true;
			await Promise.all([...plans.values()].map((st) => enqueue(st, () => closeLogHandle(st))));
		}
	};
	return store;
}
