/**
 * Value rules of the plan document (issue 12, item 2): which values the settings (`meta`), the
 * common item keys, each item type's fields and translations may hold, the refusal thrown otherwise
 * and the verdicts of doc-guard.ts, which walks an update and asks these rules about every new
 * struct it finds.
 */
import * as Y from 'yjs';
import { isValidPlanId } from '../../src/lib/domain/ids';
import {
	MAX_FUNDING_NOTICE_LENGTH,
	MAX_MUNICIPALITY_LENGTH,
	MAX_TITLE_LENGTH,
	isBlankText,
	isPlanStatus
} from '../../src/lib/domain/meta';
import {
	MAX_TEXT_LENGTH,
	isItemType,
	isScalarField,
	isTextField,
	isValidAcknowledgement,
	isValidScalar,
	isAckMetaKey
} from '../../src/lib/domain/schema';
import { SCHEMA_VERSION, type ItemType } from '../../src/lib/domain/types';
import {
	TR_KEY,
	isValidLanguageList,
	parseTranslationKey
} from '../../src/lib/domain/translations';

/** A client's update was refused: its connection is closed with `code` and this reason. */
export class UpdateRefused extends Error {
	constructor(
		readonly code: number,
		message: string
	) {
		super(message);
		this.name = 'UpdateRefused';
	}
}

export type Verdict =
	| {
			ok: true;
			/** The update only deletes (allowed even when the plan is over its size limits). */
			deletionOnly: boolean;
			/** New map entries it adds (items and links), for the per-plan entry limit. */
			newEntries: number;
	  }
	/** Depends on structs the server does not have yet: hold it until they arrive. */
	| { ok: false; kind: 'missing' }
	| { ok: false; kind: 'scope' | 'shape' | 'too_large'; reason: string };

/** A refused struct: why (scope, shape, size) and the German reason for the writer. */
export class Refusal extends Error {
	constructor(
		readonly kind: 'scope' | 'shape' | 'too_large',
		message: string
	) {
		super(message);
	}
}
export const shape = (message: string) => new Refusal('shape', message);

/**
 * Status "beschlossen" is never written by a client, not even the owner's: it comes only with
 * the council decision (server/monitoring/adoption.ts), which also freezes the version.
 */
export const ADOPTION_ONLY =
	'Beschlossen wird ein Plan nur mit dem Ratsbeschluss unter „Umsetzung“, nicht im Dokument.';

/** Item keys every type has (plain values). */
export const COMMON_KEYS = new Set(['type', 'parentId', 'order', 'createdAt']);
const MAX_ORDER_LENGTH = 1_000;
const MAX_TIMESTAMP_LENGTH = 40;

/** A value of the plan settings (`meta`): title, municipality, status, funding notice … */
export function metaValueOk(key: string, value: unknown): boolean {
	// "bewusst offen" marks of the Vollständigkeit checks (src/lib/domain/acknowledge.ts)
	if (isAckMetaKey(key)) return isValidAcknowledgement(value);
	switch (key) {
		case 'title':
			return typeof value === 'string' && !isBlankText(value) && value.length <= MAX_TITLE_LENGTH;
		case 'municipality':
			return typeof value === 'string' && value.length <= MAX_MUNICIPALITY_LENGTH;
		case 'fundingNotice':
			return typeof value === 'string' && value.length <= MAX_FUNDING_NOTICE_LENGTH;
		case 'status':
			return isPlanStatus(value);
		case 'languages':
			return isValidLanguageList(value);
		case 'createdAt':
			return typeof value === 'string' && value.length <= MAX_TIMESTAMP_LENGTH;
		case 'schemaVersion':
			return (
				typeof value === 'number' &&
				Number.isInteger(value) &&
				value >= 0 &&
				value <= SCHEMA_VERSION
			);
		default:
			return false;
	}
}

/** A plain value every item type has: type, parent, order, creation time. */
export function commonValueOk(key: string, value: unknown): boolean {
	switch (key) {
		case 'type':
			return isItemType(value);
		case 'parentId':
			return value === null || isValidPlanId(value);
		case 'order':
			return typeof value === 'string' && value.length <= MAX_ORDER_LENGTH;
		case 'createdAt':
			return typeof value === 'string' && value.length <= MAX_TIMESTAMP_LENGTH;
		default:
			return false;
	}
}

/** The single plain value of a map entry, or a refusal for anything else. */
/** The single plain value of a map entry, or a refusal for anything else. */
export function plainValue(item: Y.Item, where: string): unknown {
	const content = item.content;
	if (!(content instanceof Y.ContentAny) || content.getLength() !== 1) {
		throw shape(`Ungültiger Wert für „${where}“`);
	}
	return content.arr[0];
}

/**
 * One entry (`key`) of an item map: common keys with valid plain values (the type never changes),
 * the type's text fields as Y.Text, its scalar fields with valid values, a goal's links map.
 */
export function checkItemEntry(
	s: Y.Item,
	type: ItemType | undefined,
	key: string | null,
	existingType: unknown
): void {
	if (key === null) throw shape('Ungültiger Elementinhalt');
	if (!type) throw shape('Element ohne gültige Art');
	if (s.content instanceof Y.ContentDeleted) return;
	if (COMMON_KEYS.has(key)) {
		const value = plainValue(s, key);
		if (!commonValueOk(key, value)) throw shape(`Ungültiger Wert für „${key}“`);
		if (key === 'type') {
			if (existingType !== undefined && existingType !== value) {
				throw shape('Die Art eines Elements lässt sich nicht ändern');
			}
		}
		return;
	}
	if (isTextField(type, key)) {
		if (!(s.content instanceof Y.ContentType) || !(s.content.type instanceof Y.Text)) {
			throw shape(`„${key}“ muss ein Text sein`);
		}
		return;
	}
	if (isScalarField(type, key)) {
		if (!isValidScalar(key, plainValue(s, key))) throw shape(`Ungültiger Wert für „${key}“`);
		return;
	}
	if (key === TR_KEY) {
		if (!(s.content instanceof Y.ContentType) || !(s.content.type instanceof Y.Map)) {
			throw shape('Ungültige Übersetzungen');
		}
		return;
	}
	if (type === 'goal' && key === 'principleIds') {
		if (!(s.content instanceof Y.ContentType) || !(s.content.type instanceof Y.Map)) {
			throw shape('Ungültige Verknüpfungen');
		}
		return;
	}
	throw shape(`Das Feld „${key.slice(0, 40)}“ gibt es hier nicht`);
}

/**
 * One entry of an item's translations map: `<lang>.<field>` a Y.Text, `<lang>.<field>@src` the
 * German source as a string. Unknown languages or fields are refused. In an item that was
 * deleted meanwhile (no type any more) the entry is let through: Yjs drops it with the item.
 */
export function checkTranslationEntry(s: Y.Item, type: ItemType | undefined, key: string | null) {
	if (key === null) throw shape('Ungültige Übersetzung');
	const parsed = parseTranslationKey(key);
	if (!parsed) throw shape(`Unbekannte Sprache oder ungültige Übersetzung „${key.slice(0, 40)}“`);
	if (s.content instanceof Y.ContentDeleted || !type) return;
	if (!isTextField(type, parsed.field)) {
		throw shape(`Das Feld „${parsed.field}“ gibt es hier nicht`);
	}
	if (parsed.src) {
		const value = plainValue(s, key);
		if (typeof value !== 'string' || value.length > MAX_TEXT_LENGTH) {
			throw shape('Ungültiger Ausgangstext der Übersetzung');
		}
		return;
	}
	if (!(s.content instanceof Y.ContentType) || !(s.content.type instanceof Y.Text)) {
		throw shape('Eine Übersetzung muss ein Text sein');
	}
}
