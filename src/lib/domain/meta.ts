/**
 * Plan metadata in `doc.getMap('meta')`: plain last-writer-wins values (title, municipality,
 * status are set in a dialog by the process owner, not co-typed, so no Y.Text is needed).
 */
import type * as Y from 'yjs';
import { err, ok, type Result } from './errors';
import { metaMap } from './read';
import { PLAN_STATUSES, SCHEMA_VERSION, type PlanMeta, type PlanStatus } from './types';

export const MAX_TITLE_LENGTH = 200;
export const MAX_MUNICIPALITY_LENGTH = 200;
export const MAX_FUNDING_NOTICE_LENGTH = 500;

/**
 * There is deliberately no default funding notice: the wording depends on who funds a plan (a
 * state ministry, a county, the EU or nobody), so the owner sets it (plan creation asks for it)
 * and '' means the PDF carries none. Plans that stored '' under the old Baden-Württemberg
 * default therefore print no notice now; a stored text (whatever it says) is kept as it is.
 */

/** Invisible code points (zero-width space/joiners, BOM, soft hyphen, bidi marks, fillers …). */
const INVISIBLE_RANGES: ReadonlyArray<[number, number]> = [
	[0x00ad, 0x00ad],
	[0x034f, 0x034f],
	[0x061c, 0x061c],
	[0x115f, 0x1160],
	[0x17b4, 0x17b5],
	[0x180b, 0x180f],
	[0x200b, 0x200f],
	[0x202a, 0x202e],
	[0x2060, 0x206f],
	[0x3164, 0x3164],
	[0xfe00, 0xfe0f],
	[0xfeff, 0xfeff],
	[0xffa0, 0xffa0]
];

/** True if `value` shows nothing: empty, whitespace or only invisible characters (U+200B …). */
export function isBlankText(value: string): boolean {
	for (const char of value) {
		if (/\s/u.test(char)) continue;
		const code = char.codePointAt(0)!;
		if (INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to)) continue;
		return false;
	}
	return true;
}

export function isPlanStatus(value: unknown): value is PlanStatus {
	return typeof value === 'string' && (PLAN_STATUSES as readonly string[]).includes(value);
}

/** Metadata with defaults for anything missing or malformed. schemaVersion 0 = unversioned. */
export function readMeta(doc: Y.Doc): PlanMeta {
	const m = metaMap(doc);
	const str = (key: string) => {
		const v = m.get(key);
		return typeof v === 'string' ? v : '';
	};
	const version = m.get('schemaVersion');
	const status = m.get('status');
	return {
		schemaVersion:
			typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0,
		title: str('title'),
		municipality: str('municipality'),
		status: isPlanStatus(status) ? status : 'entwurf',
		createdAt: str('createdAt'),
		fundingNotice: str('fundingNotice')
	};
}

function validateMeta(patch: Record<string, unknown>): Result<Array<[string, string]>> {
	if (typeof patch !== 'object' || patch === null) {
		return err('invalid_value', 'Die Änderung hat ein ungültiges Format.');
	}
	const out: Array<[string, string]> = [];
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		if (key === 'title') {
			if (typeof value !== 'string' || isBlankText(value)) {
				return err('title_required', 'Bitte geben Sie einen Titel für den Plan ein.', key);
			}
			if (value.trim().length > MAX_TITLE_LENGTH) {
				return err(
					'invalid_value',
					`Der Titel darf höchstens ${MAX_TITLE_LENGTH} Zeichen lang sein.`,
					key
				);
			}
			out.push([key, value.trim()]);
		} else if (key === 'municipality') {
			if (typeof value !== 'string' || value.trim().length > MAX_MUNICIPALITY_LENGTH) {
				return err(
					'invalid_value',
					`Der Name der Kommune darf höchstens ${MAX_MUNICIPALITY_LENGTH} Zeichen lang sein.`,
					key
				);
			}
			out.push([key, value.trim()]);
		} else if (key === 'fundingNotice') {
			if (typeof value !== 'string' || value.trim().length > MAX_FUNDING_NOTICE_LENGTH) {
				return err(
					'invalid_value',
					`Der Förderhinweis darf höchstens ${MAX_FUNDING_NOTICE_LENGTH} Zeichen lang sein.`,
					key
				);
			}
			out.push([key, value.trim()]);
		} else if (key === 'status') {
			if (!isPlanStatus(value)) {
				return err('invalid_value', 'Der Status des Plans ist unbekannt.', key);
			}
			out.push([key, value]);
		} else {
			return err('invalid_field', `Das Feld „${key}“ gibt es in den Plandaten nicht.`, key);
		}
	}
	return ok(out);
}

/**
 * Write the metadata of a new plan. Refused if the doc already has a title or version, so a
 * second initialisation (e.g. two server instances racing) cannot silently rename a plan.
 */
export function initPlan(
	doc: Y.Doc,
	init: { title: string; municipality?: string; fundingNotice?: string },
	origin?: unknown
): Result<void> {
	const m = metaMap(doc);
	if (m.has('schemaVersion') || m.has('title')) {
		return err('already_initialized', 'Dieser Plan wurde bereits angelegt.');
	}
	const valid = validateMeta({
		title: init?.title,
		municipality: init?.municipality ?? '',
		fundingNotice: init?.fundingNotice ?? ''
	});
	if (!valid.ok) return valid;
	if (!valid.value.some(([k]) => k === 'title')) {
		return err('title_required', 'Bitte geben Sie einen Titel für den Plan ein.', 'title');
	}
	doc.transact(() => {
		m.set('schemaVersion', SCHEMA_VERSION);
		for (const [k, v] of valid.value) m.set(k, v);
		m.set('status', 'entwurf');
		m.set('createdAt', new Date().toISOString());
	}, origin);
	return ok();
}

/**
 * Change title, municipality, status and/or funding notice ('' = none in the PDF). Unknown keys
 * are refused ('invalid_field').
 */
export function setMeta(
	doc: Y.Doc,
	patch:
		| Partial<Pick<PlanMeta, 'title' | 'municipality' | 'status' | 'fundingNotice'>>
		| Record<string, unknown>,
	origin?: unknown
): Result<void> {
	const valid = validateMeta(patch as Record<string, unknown>);
	if (!valid.ok) return valid;
	if (valid.value.length === 0) return ok();
	const m = metaMap(doc);
	doc.transact(() => {
		for (const [k, v] of valid.value) if (m.get(k) !== v) m.set(k, v);
	}, origin);
	return ok();
}
