/**
 * The plan transfer file (docs/plan-transfer.md), format version 1, and its validation. A file
 * is checked completely before anything is written: header, every record's shape, that each key
 * is one a plan owns (never accounts, sessions or other plans), that the document decodes and
 * keeps the plan layout (the sync server's checks), and the size. Refusals are German.
 */
import * as Y from 'yjs';
import { isSafeId } from '../../src/lib/contract/ids';
import { checkUpdate } from '../sync/doc-guard';
import { countEntries } from '../sync/plan-size';

export const TRANSFER_FORMAT = 'mitplan-plan';
export const TRANSFER_VERSION = 1;
/** The plan id placeholder in record keys. */
export const PLAN = '{plan}';

export type TransferRecord =
	| { key: string; type: 'string'; value: unknown }
	| { key: string; type: 'set'; members: string[] }
	| { key: string; type: 'list'; values: unknown[] };

export interface TransferFile {
	format: typeof TRANSFER_FORMAT;
	version: number;
	exportedAt: string;
	mitplanVersion: string;
	planId: string;
	title: string;
	/** Merged Yjs update (v1) of the plan document, base64. */
	doc: string;
	/** Plan-owned KV records; keys name the plan as `{plan}`. */
	records: TransferRecord[];
	/** Version snapshots (Yjs updates), base64. */
	snapshots: { id: string; data: string }[];
}

/** The keys a transfer may carry; `R` = a feedback round listed in `fb:plan:{plan}:rounds`. */
const SEG = '[A-Za-z0-9_-]{1,64}';
export const ALLOWED_KEYS: { pattern: RegExp; type: TransferRecord['type'] }[] = [
	{ pattern: /^versions:\{plan\}$/, type: 'string' },
	{ pattern: /^history:\{plan\}$/, type: 'list' },
	{ pattern: /^zp:plan:\{plan\}$/, type: 'string' },
	{ pattern: /^review:plan:\{plan\}:(thread-ids|requests|checks)$/, type: 'string' },
	{ pattern: /^review:plan:\{plan\}:threads$/, type: 'set' },
	{ pattern: new RegExp(`^review:plan:\\{plan\\}:decisions:${SEG}$`), type: 'string' },
	{ pattern: new RegExp(`^review:thread:\\{plan\\}:${SEG}$`), type: 'string' },
	{ pattern: /^fb:plan:\{plan\}:rounds$/, type: 'set' },
	{ pattern: new RegExp(`^fb:origin:\\{plan\\}:${SEG}$`), type: 'set' },
	{ pattern: new RegExp(`^fb:round:(${SEG})$`), type: 'string' },
	{ pattern: new RegExp(`^fb:round:(${SEG}):subs$`), type: 'set' },
	{ pattern: new RegExp(`^fb:round:(${SEG}):seq$`), type: 'string' },
	{ pattern: new RegExp(`^fb:sub:(${SEG}):${SEG}$`), type: 'string' }
];

export class TransferError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'TransferError';
	}
}

const invalid = (detail: string) =>
	new TransferError(
		400,
		'invalid_transfer_file',
		`Die Datei ist kein gültiger Mitplan-Planexport: ${detail}`
	);

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
function decodeBase64(text: unknown, what: string): Uint8Array {
	if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) {
		throw invalid(`${what} ist kein Base64-Text.`);
	}
	return new Uint8Array(Buffer.from(text, 'base64'));
}

function decodesAsYjs(bytes: Uint8Array): boolean {
	try {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, bytes);
		doc.destroy();
		return true;
	} catch {
		return false;
	}
}

export interface ParsedTransfer {
	file: TransferFile;
	doc: Uint8Array;
	snapshots: { id: string; data: Uint8Array }[];
	/** Feedback round ids the file carries (their public tokens get renewed on import). */
	roundIds: string[];
}

/**
 * Checks a parsed JSON value against format version 1. `limits.maxDocBytes`/`maxEntries` are the
 * installation's plan limits.
 */
export function parseTransfer(
	value: unknown,
	limits: { maxDocBytes: number; maxEntries: number }
): ParsedTransfer {
	if (!isObject(value) || value.format !== TRANSFER_FORMAT) {
		throw invalid('Das Feld „format“ fehlt oder ist nicht „mitplan-plan“.');
	}
	if (value.version !== TRANSFER_VERSION) {
		throw new TransferError(
			400,
			'unsupported_transfer_version',
			`Diese Exportdatei hat das Format ${JSON.stringify(value.version)}; diese Mitplan-Version liest nur Format ${TRANSFER_VERSION}. Bitte die Datei mit einer passenden Mitplan-Version erzeugen.`
		);
	}
	for (const field of ['exportedAt', 'mitplanVersion', 'title', 'doc'] as const) {
		if (typeof value[field] !== 'string') throw invalid(`Das Feld „${field}“ fehlt.`);
	}
	if (!isSafeId(value.planId)) throw invalid('Die Plan-ID ist ungültig.');
	if (!Array.isArray(value.records) || !Array.isArray(value.snapshots)) {
		throw invalid('Die Felder „records“ und „snapshots“ müssen Listen sein.');
	}

	const doc = decodeBase64(value.doc, 'Das Plandokument');
	if (doc.byteLength > limits.maxDocBytes) {
		throw new TransferError(
			413,
			'transfer_plan_too_large',
			`Der Plan in der Datei ist größer als hier erlaubt (${Math.round(limits.maxDocBytes / 1024 / 1024)} MiB).`
		);
	}
	checkDocument(doc, limits.maxEntries);

	const records: TransferRecord[] = [];
	const seen = new Set<string>();
	for (const [i, raw] of value.records.entries()) {
		const where = `Eintrag ${i + 1} in „records“`;
		if (!isObject(raw) || typeof raw.key !== 'string')
			throw invalid(`${where} hat keinen Schlüssel.`);
		const rule = ALLOWED_KEYS.find((r) => r.pattern.test(raw.key as string));
		if (!rule)
			throw invalid(`${where}: „${String(raw.key).slice(0, 80)}“ gehört nicht zu einem Plan.`);
		if (raw.type !== rule.type) throw invalid(`${where} hat den falschen Typ.`);
		if (seen.has(raw.key)) throw invalid(`${where}: Schlüssel doppelt.`);
		seen.add(raw.key);
		if (rule.type === 'string') {
			if (!('value' in raw)) throw invalid(`${where} hat keinen Wert.`);
			records.push({ key: raw.key, type: 'string', value: raw.value });
		} else if (rule.type === 'set') {
			if (!Array.isArray(raw.members) || !raw.members.every((m) => typeof m === 'string')) {
				throw invalid(`${where}: „members“ muss eine Liste von Texten sein.`);
			}
			records.push({ key: raw.key, type: 'set', members: raw.members as string[] });
		} else {
			if (!Array.isArray(raw.values)) throw invalid(`${where}: „values“ muss eine Liste sein.`);
			records.push({ key: raw.key, type: 'list', values: raw.values });
		}
	}

	// Round-scoped keys only for rounds the plan lists; each round record names this plan.
	const rounds = records.find((r) => r.key === `fb:plan:${PLAN}:rounds`);
	const roundIds = rounds?.type === 'set' ? rounds.members : [];
	if (!roundIds.every(isSafeId)) throw invalid('Eine Beteiligungsrunde hat eine ungültige ID.');
	for (const r of records) {
		const m = /^fb:(?:round|sub):([A-Za-z0-9_-]+)/.exec(r.key);
		if (m && !roundIds.includes(m[1])) {
			throw invalid(`„${r.key.slice(0, 80)}“ gehört zu keiner Beteiligungsrunde dieses Plans.`);
		}
	}
	for (const id of roundIds) {
		const round = records.find((r) => r.key === `fb:round:${id}`);
		if (
			round?.type !== 'string' ||
			!isObject(round.value) ||
			typeof round.value.token !== 'string'
		) {
			throw invalid(`Die Beteiligungsrunde „${id}“ fehlt oder hat keinen Link.`);
		}
	}

	const snapshots: { id: string; data: Uint8Array }[] = [];
	for (const [i, raw] of value.snapshots.entries()) {
		if (!isObject(raw) || !isSafeId(raw.id))
			throw invalid(`Version ${i + 1} hat keine gültige ID.`);
		const data = decodeBase64(raw.data, `Version „${raw.id}“`);
		if (!decodesAsYjs(data)) throw invalid(`Version „${raw.id}“ ist kein lesbarer Planstand.`);
		snapshots.push({ id: raw.id, data });
	}

	return { file: value as unknown as TransferFile, doc, snapshots, roundIds };
}

/** The document must decode and keep the plan layout, as the sync server requires of owners. */
function checkDocument(doc: Uint8Array, maxEntries: number): void {
	let decoded: ReturnType<typeof Y.decodeUpdate>;
	try {
		decoded = Y.decodeUpdate(doc);
	} catch {
		throw invalid('Das Plandokument ist beschädigt oder abgeschnitten (kein Yjs-Dokument).');
	}
	const empty = new Y.Doc();
	try {
		const verdict = checkUpdate(empty, doc, 'all', { decoded });
		if (!verdict.ok) {
			throw invalid(
				verdict.kind === 'missing'
					? 'Das Plandokument ist unvollständig.'
					: `Das Plandokument enthält Unzulässiges (${verdict.reason}).`
			);
		}
		if (!decodesAsYjs(doc)) throw invalid('Das Plandokument lässt sich nicht laden.');
		const probe = new Y.Doc();
		Y.applyUpdate(probe, doc);
		const entries = countEntries(probe);
		probe.destroy();
		if (entries > maxEntries) {
			throw new TransferError(
				413,
				'transfer_plan_too_large',
				`Der Plan in der Datei hat mehr Einträge (${entries}) als hier erlaubt (${maxEntries}).`
			);
		}
	} finally {
		empty.destroy();
	}
}
