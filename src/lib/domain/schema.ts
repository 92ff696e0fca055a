/**
 * Field sets and value validation per item type. Shared by the mutators (which refuse bad input)
 * and the migrations; the tolerant readers use the defaults here instead of refusing.
 */
import { ID_PATTERN } from '../contract/ids';
import { err, ok, type Result } from './errors';
import {
	MEASURE_STATUSES,
	PHASES,
	PRIORITIES,
	TEXT_FIELDS,
	type ItemType,
	type MeasureStatus,
	type Phase,
	type Priority
} from './types';

export const ITEM_TYPES: readonly ItemType[] = ['principle', 'field', 'goal', 'measure'];

/** Longest text accepted in one field (a Word page is ~3,000 chars; this is generous). */
export const MAX_TEXT_LENGTH = 20_000;

/** Plain (last-writer-wins) scalar fields per item type. */
export const SCALAR_FIELDS = {
	principle: [],
	field: ['phase'],
	goal: [],
	measure: ['startDate', 'endDate', 'priority', 'status']
} as const satisfies Record<ItemType, readonly string[]>;

/** Defaults used on creation and by tolerant readers for missing/invalid values. */
export const SCALAR_DEFAULTS: {
	phase: Phase;
	startDate: string;
	endDate: string;
	priority: Priority;
	status: MeasureStatus;
} = { phase: 'A', startDate: '', endDate: '', priority: '', status: 'idee' };

export type ScalarField = keyof typeof SCALAR_DEFAULTS;

export function isItemType(value: unknown): value is ItemType {
	return typeof value === 'string' && (ITEM_TYPES as readonly string[]).includes(value);
}

export function isTextField(type: ItemType, field: string): boolean {
	return (TEXT_FIELDS[type] as readonly string[]).includes(field);
}

export function isScalarField(type: ItemType, field: string): field is ScalarField {
	return (SCALAR_FIELDS[type] as readonly string[]).includes(field);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '' (no date) or a real calendar date YYYY-MM-DD (2025-02-30 is refused). */
export function isValidDate(value: unknown): value is string {
	if (value === '') return true;
	if (typeof value !== 'string') return false;
	const m = DATE_PATTERN.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Is `value` valid for scalar `field`? Used by readers to fall back to defaults. */
export function isValidScalar(field: ScalarField, value: unknown): boolean {
	switch (field) {
		case 'phase':
			return (PHASES as readonly unknown[]).includes(value);
		case 'priority':
			return (PRIORITIES as readonly unknown[]).includes(value);
		case 'status':
			return (MEASURE_STATUSES as readonly unknown[]).includes(value);
		case 'startDate':
		case 'endDate':
			return isValidDate(value);
	}
}

const SCALAR_MESSAGES: Record<ScalarField, string> = {
	phase: 'Die Phase muss A, B, C oder D sein.',
	priority: 'Die Priorität muss „hoch“, „mittel“, „niedrig“ oder leer sein.',
	status: 'Der Status der Maßnahme ist unbekannt.',
	startDate: 'Der Beginn muss ein gültiges Datum (JJJJ-MM-TT) oder leer sein.',
	endDate: 'Der Abschluss muss ein gültiges Datum (JJJJ-MM-TT) oder leer sein.'
};

/** A validated patch, split by how each part is written into the Y.Map. */
export interface ValidPatch {
	texts: Array<[string, string]>;
	scalars: Array<[ScalarField, string]>;
	/** Goals only: the complete new set of linked Leitlinien. */
	principleIds?: string[];
}

/**
 * Validate a patch for an item of `type`. `current` holds the item's present start/end dates so
 * a patch that sets only one of them is still checked against the other. `undefined` values are
 * ignored (so `{ ...form }` with optional fields works).
 */
export function validatePatch(
	type: ItemType,
	patch: Record<string, unknown>,
	current: { startDate: string; endDate: string },
	principleExists: (id: string) => boolean
): Result<ValidPatch> {
	if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
		return err('invalid_value', 'Die Änderung hat ein ungültiges Format.');
	}
	const out: ValidPatch = { texts: [], scalars: [] };
	for (const [field, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		if (isTextField(type, field)) {
			if (typeof value !== 'string') {
				return err('invalid_value', 'Der Text hat ein ungültiges Format.', field);
			}
			if (value.length > MAX_TEXT_LENGTH) {
				return err(
					'text_too_long',
					`Der Text ist zu lang (höchstens ${MAX_TEXT_LENGTH.toLocaleString('de-DE')} Zeichen).`,
					field
				);
			}
			out.texts.push([field, value]);
		} else if (isScalarField(type, field)) {
			if (!isValidScalar(field, value)) return err('invalid_value', SCALAR_MESSAGES[field], field);
			out.scalars.push([field, value as string]);
		} else if (type === 'goal' && field === 'principleIds') {
			if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
				return err('invalid_value', 'Die verknüpften Leitlinien sind ungültig.', field);
			}
			const missing = value.find((v) => !principleExists(v));
			if (missing !== undefined) {
				return err('invalid_value', 'Eine verknüpfte Leitlinie gibt es nicht (mehr).', field);
			}
			out.principleIds = [...new Set(value as string[])].sort();
		} else {
			return err('invalid_field', `Das Feld „${field}“ gibt es hier nicht.`, field);
		}
	}
	const scalar = new Map(out.scalars);
	const start = scalar.get('startDate') ?? current.startDate;
	const end = scalar.get('endDate') ?? current.endDate;
	if (start && end && end < start) {
		return err('invalid_dates', 'Das Enddatum liegt vor dem Startdatum.', 'endDate');
	}
	return ok(out);
}

/**
 * "Bewusst offen" marks of completeness checks (issue 16) in `doc.getMap('meta')`: one plain
 * entry per check, key `ack:<checkId>` (checkId = `<code>:<itemId>`, see completeness.ts), value
 * `{ reason, by, at }`. One key per check so two owners marking different points at once both
 * keep theirs. Meta is owner-only, so only the Prozesssteuerung can write them; a document guard
 * accepts a meta key iff `isAckMetaKey(key)` and the value iff `isValidAcknowledgement(value)`.
 */
export const ACK_META_PREFIX = 'ack:';
export const MAX_ACK_KEY_LENGTH = 120;
export const MAX_ACK_REASON_LENGTH = 500;
export const MAX_ACK_BY_LENGTH = 200;
/** `<kind>[.<sub>]:<id>` where `<id>` follows the one id pattern (ID_PATTERN). */
const ACK_CHECK_ID = new RegExp(`^[a-z]+(\\.[A-Za-z]+)?:${ID_PATTERN.source.slice(1)}`);

export function isAckMetaKey(key: unknown): key is string {
	return (
		typeof key === 'string' &&
		key.length <= MAX_ACK_KEY_LENGTH &&
		key.startsWith(ACK_META_PREFIX) &&
		ACK_CHECK_ID.test(key.slice(ACK_META_PREFIX.length))
	);
}

export function isValidAcknowledgement(value: unknown): boolean {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const v = value as Record<string, unknown>;
	if (Object.keys(v).some((k) => k !== 'reason' && k !== 'by' && k !== 'at')) return false;
	return (
		typeof v.reason === 'string' &&
		v.reason.trim() !== '' &&
		v.reason.length <= MAX_ACK_REASON_LENGTH &&
		typeof v.by === 'string' &&
		v.by.length <= MAX_ACK_BY_LENGTH &&
		typeof v.at === 'string' &&
		v.at.length <= 40
	);
}
