/**
 * The backup archive format: gzip-compressed JSON lines.
 *
 *   line 1   {"format":"mitplan-backup","version":1,"createdAt":"…","store":"file"|"redis"}
 *   then     {"t":"plan","id":"…","state":"<base64 Yjs update>"}
 *            {"t":"kv","key":"…","type":"string","value":"…","expiresAt":1767225600000}
 *            {"t":"kv","key":"…","type":"set","members":["…"]}
 *            {"t":"kv","key":"…","type":"list","values":["newest", …, "oldest"]}
 *            {"t":"blob","plan":"…","id":"…","data":"<base64>"}
 *   last     {"t":"end","counts":{"plans":n,"kv":n,"blobs":n},"sha256":"<hex of every line before>"}
 *
 * The writer goes to `<file>.tmp-<pid>` and renames at the end, so an interrupted backup never
 * leaves a file that looks complete. The reader checks the header, every record's shape, the
 * counts and the checksum, and refuses truncated, foreign or altered files with a German message.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { isSafeId } from '../../src/lib/contract/ids';

export const BACKUP_FORMAT = 'mitplan-backup';
export const BACKUP_VERSION = 1;
/** Longest line the reader accepts (a plan state or a version snapshot, base64). */
const MAX_LINE_CHARS = 512 * 1024 * 1024;

export interface BackupHeader {
	format: typeof BACKUP_FORMAT;
	version: number;
	createdAt: string;
	store: 'file' | 'redis';
}

export type KvRecord =
	| { t: 'kv'; key: string; type: 'string'; value: string; expiresAt?: number }
	| { t: 'kv'; key: string; type: 'set'; members: string[] }
	| { t: 'kv'; key: string; type: 'list'; values: string[] };

export type BackupRecord =
	| { t: 'plan'; id: string; state: Uint8Array }
	| KvRecord
	| { t: 'blob'; plan: string; id: string; data: Uint8Array };

export interface BackupCounts {
	plans: number;
	kv: number;
	blobs: number;
}

export class BackupFormatError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupFormatError';
	}
}

const b64 = (bytes: Uint8Array) =>
	Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function serialise(record: BackupRecord): string {
	switch (record.t) {
		case 'plan':
			return JSON.stringify({ t: 'plan', id: record.id, state: b64(record.state) });
		case 'blob':
			return JSON.stringify({
				t: 'blob',
				plan: record.plan,
				id: record.id,
				data: b64(record.data)
			});
		default:
			return JSON.stringify(record);
	}
}

export interface ArchiveWriter {
	write(record: BackupRecord): Promise<void>;
	/** Writes the trailer, flushes, fsyncs and renames into place. */
	finish(): Promise<BackupCounts>;
	/** Removes the temporary file (after a failure). */
	abort(): Promise<void>;
}

export async function openArchiveWriter(
	file: string,
	store: BackupHeader['store'],
	now = new Date()
): Promise<ArchiveWriter> {
	const tmp = `${file}.tmp-${process.pid}`;
	const out = createWriteStream(tmp, { flags: 'wx' });
	const gzip = createGzip();
	gzip.pipe(out);
	const hash = createHash('sha256');
	const counts: BackupCounts = { plans: 0, kv: 0, blobs: 0 };
	let failed: Error | null = null;
	out.on('error', (err) => (failed ??= err));
	gzip.on('error', (err) => (failed ??= err));

	async function line(text: string): Promise<void> {
		if (failed) throw failed;
		hash.update(text + '\n');
		if (!gzip.write(text + '\n')) await once(gzip, 'drain');
	}

	const header: BackupHeader = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		createdAt: now.toISOString(),
		store
	};
	await line(JSON.stringify(header));

	return {
		async write(record) {
			await line(serialise(record));
			if (record.t === 'plan') counts.plans++;
			else if (record.t === 'kv') counts.kv++;
			else counts.blobs++;
		},
		async finish() {
			const trailer = JSON.stringify({ t: 'end', counts, sha256: hash.digest('hex') });
			if (failed) throw failed;
			gzip.end(trailer + '\n');
			await once(out, 'finish');
			if (failed) throw failed;
			const fh = await fs.open(tmp, 'r');
			try {
				await fh.sync();
			} finally {
				await fh.close();
			}
			await fs.rename(tmp, file);
			return counts;
		},
		async abort() {
			gzip.destroy();
			out.destroy();
			await fs.rm(tmp, { force: true });
		}
	};
}

const isStringArray = (x: unknown): x is string[] =>
	Array.isArray(x) && x.every((s) => typeof s === 'string');

function decodeBase64(value: unknown, what: string): Uint8Array {
	if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
		throw new BackupFormatError(`Die Sicherung enthält ungültige Daten (${what}).`);
	}
	return new Uint8Array(Buffer.from(value, 'base64'));
}

/** Checks one parsed line and turns it into a record (or the trailer). */
function parseRecord(
	raw: unknown,
	lineNo: number
): BackupRecord | { t: 'end'; counts: BackupCounts; sha256: string } {
	const bad = (why: string) =>
		new BackupFormatError(`Die Sicherung ist beschädigt (Zeile ${lineNo}: ${why}).`);
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('kein Objekt');
	const r = raw as Record<string, unknown>;
	switch (r.t) {
		case 'plan':
			if (!isSafeId(r.id)) throw bad('ungültige Plan-ID');
			return { t: 'plan', id: r.id, state: decodeBase64(r.state, `Plan ${r.id}`) };
		case 'blob':
			if (!isSafeId(r.plan) || !isSafeId(r.id)) throw bad('ungültige Versions-ID');
			return { t: 'blob', plan: r.plan, id: r.id, data: decodeBase64(r.data, `Version ${r.id}`) };
		case 'kv': {
			if (typeof r.key !== 'string' || r.key.length === 0 || r.key.length > 1024)
				throw bad('ungültiger Schlüssel');
			if (r.type === 'string' && typeof r.value === 'string') {
				if (r.expiresAt !== undefined && typeof r.expiresAt !== 'number')
					throw bad('ungültiges Ablaufdatum');
				return r.expiresAt === undefined
					? { t: 'kv', key: r.key, type: 'string', value: r.value }
					: { t: 'kv', key: r.key, type: 'string', value: r.value, expiresAt: r.expiresAt };
			}
			if (r.type === 'set' && isStringArray(r.members))
				return { t: 'kv', key: r.key, type: 'set', members: r.members };
			if (r.type === 'list' && isStringArray(r.values))
				return { t: 'kv', key: r.key, type: 'list', values: r.values };
			throw bad('ungültiger Eintrag');
		}
		case 'end': {
			const c = r.counts as Record<string, unknown> | undefined;
			if (
				typeof r.sha256 !== 'string' ||
				!c ||
				![c.plans, c.kv, c.blobs].every((n) => Number.isInteger(n) && (n as number) >= 0)
			)
				throw bad('ungültiger Abschluss');
			return { t: 'end', counts: c as unknown as BackupCounts, sha256: r.sha256 };
		}
		default:
			throw bad('unbekannte Art');
	}
}

/**
 * Reads and verifies a whole archive, calling `onRecord` for each record in order. Records stream
 * before the checksum is known, so a caller that must not act on a bad file reads it once without
 * `onRecord` first (restore does).
 */
export async function readArchive(
	file: string,
	onRecord?: (record: BackupRecord) => Promise<void>
): Promise<{ header: BackupHeader; counts: BackupCounts }> {
	let handle;
	try {
		handle = await fs.open(file, 'r');
	} catch {
		throw new BackupFormatError(`Die Sicherung ${file} kann nicht gelesen werden.`);
	}
	await handle.close();
	const gunzip = createGunzip();
	const input = createReadStream(file).pipe(gunzip);
	let gzipError: Error | null = null;
	gunzip.on('error', (err) => (gzipError = err));
	const lines = createInterface({ input, crlfDelay: Infinity });
	const hash = createHash('sha256');
	const counts: BackupCounts = { plans: 0, kv: 0, blobs: 0 };
	let header: BackupHeader | null = null;
	let trailer: { counts: BackupCounts; sha256: string } | null = null;
	let lineNo = 0;
	try {
		for await (const text of lines) {
			lineNo++;
			if (trailer) throw new BackupFormatError('Die Sicherung hat Daten nach ihrem Abschluss.');
			if (text.length > MAX_LINE_CHARS)
				throw new BackupFormatError('Die Sicherung ist beschädigt.');
			let raw: unknown;
			try {
				raw = JSON.parse(text);
			} catch {
				throw new BackupFormatError(
					lineNo === 1
						? 'Diese Datei ist keine Mitplan-Sicherung.'
						: `Die Sicherung ist beschädigt (Zeile ${lineNo} ist kein JSON).`
				);
			}
			if (lineNo === 1) {
				const h = raw as Partial<BackupHeader> | null;
				if (!h || h.format !== BACKUP_FORMAT)
					throw new BackupFormatError('Diese Datei ist keine Mitplan-Sicherung.');
				if (h.version !== BACKUP_VERSION)
					throw new BackupFormatError(
						`Sicherungen im Format ${String(h.version)} kann diese Mitplan-Version nicht lesen (erwartet: ${BACKUP_VERSION}).`
					);
				header = h as BackupHeader;
				hash.update(text + '\n');
				continue;
			}
			const record = parseRecord(raw, lineNo);
			if (record.t === 'end') {
				trailer = record;
				continue;
			}
			hash.update(text + '\n');
			if (record.t === 'plan') counts.plans++;
			else if (record.t === 'kv') counts.kv++;
			else counts.blobs++;
			if (onRecord) await onRecord(record);
		}
	} catch (err) {
		if (err instanceof BackupFormatError) throw err;
		if (gzipError || (err as NodeJS.ErrnoException)?.code?.startsWith?.('Z_'))
			throw new BackupFormatError(
				lineNo === 0
					? 'Diese Datei ist keine Mitplan-Sicherung.'
					: 'Die Sicherung ist unvollständig oder beschädigt.'
			);
		throw err;
	}
	if (gzipError)
		throw new BackupFormatError(
			lineNo === 0
				? 'Diese Datei ist keine Mitplan-Sicherung.'
				: 'Die Sicherung ist unvollständig oder beschädigt.'
		);
	if (!header) throw new BackupFormatError('Diese Datei ist keine Mitplan-Sicherung.');
	if (!trailer)
		throw new BackupFormatError('Die Sicherung ist unvollständig (der Abschluss fehlt).');
	if (
		trailer.counts.plans !== counts.plans ||
		trailer.counts.kv !== counts.kv ||
		trailer.counts.blobs !== counts.blobs ||
		trailer.sha256 !== hash.digest('hex')
	)
		throw new BackupFormatError('Die Sicherung ist beschädigt (Prüfsumme stimmt nicht).');
	return { header, counts };
}
