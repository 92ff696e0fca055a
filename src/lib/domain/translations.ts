/**
 * Content translations in the plan document (issue 15, items 2–4). Each item map has a `tr`
 * Y.Map (created with the item and by migration v2→v3, never lazily by two peers) holding, per
 * language and text field:
 *   `<lang>.<field>`      Y.Text – the translation (synced live like every other text)
 *   `<lang>.<field>@src`  string – the German source the translation was made from
 * A translation is "veraltet" when the current German source differs from its `@src` snapshot;
 * the diff between the two is shown until someone confirms (`confirmTranslation` copies the
 * current source into `@src`). The plan's extra languages are `meta.languages` (owner only).
 */
import * as Y from 'yjs';
import { diffWordsWithSpace } from 'diff';
import { err, ok, type Result } from './errors';
import { itemMap, itemType, itemsMap, metaMap, readText } from './read';
import { isTextField } from './schema';
import { applyTextDiff } from './text';

export interface ContentLanguage {
	code: string;
	/** German name (the editor's UI is German). */
	name: string;
	/** Own name, for readers. */
	native: string;
	/** BCP 47 tag for `lang=` attributes (Leichte Sprache is German). */
	tag: string;
	dir: 'ltr' | 'rtl';
}

/** The fixed list of content languages. Codes are document keys: never rename one. */
export const CONTENT_LANGUAGES: readonly ContentLanguage[] = [
	{ code: 'en', name: 'Englisch', native: 'English', tag: 'en', dir: 'ltr' },
	{ code: 'tr', name: 'Türkisch', native: 'Türkçe', tag: 'tr', dir: 'ltr' },
	{ code: 'ar', name: 'Arabisch', native: 'العربية', tag: 'ar', dir: 'rtl' },
	{ code: 'uk', name: 'Ukrainisch', native: 'Українська', tag: 'uk', dir: 'ltr' },
	{ code: 'ru', name: 'Russisch', native: 'Русский', tag: 'ru', dir: 'ltr' },
	{ code: 'ls', name: 'Leichte Sprache', native: 'Leichte Sprache', tag: 'de', dir: 'ltr' }
];

export const LANGUAGE_CODES: readonly string[] = CONTENT_LANGUAGES.map((l) => l.code);

/** Longest translation of one field. */
export const MAX_TRANSLATION_LENGTH = 10_000;
/** Key of the translations map inside an item. */
export const TR_KEY = 'tr';
const SRC_SUFFIX = '@src';

/** Bidirectional embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function isLanguageCode(value: unknown): value is string {
	return typeof value === 'string' && LANGUAGE_CODES.includes(value);
}

export function languageOf(code: string): ContentLanguage | undefined {
	return CONTENT_LANGUAGES.find((l) => l.code === code);
}

export function hasBidiControls(text: string): boolean {
	return new RegExp(BIDI_CONTROLS.source).test(text);
}

/** Titles never carry bidi overrides (they could reorder what readers see); stripped on input. */
export function stripBidiControls(text: string): string {
	return text.replace(BIDI_CONTROLS, '');
}

/** `meta.languages`: distinct known codes in list order. */
export function isValidLanguageList(value: unknown): value is string[] {
	return (
		Array.isArray(value) &&
		value.length <= LANGUAGE_CODES.length &&
		value.every(isLanguageCode) &&
		new Set(value).size === value.length
	);
}

/** The plan's extra languages (tolerant: junk reads as none). */
export function planLanguages(doc: Y.Doc): string[] {
	const v = metaMap(doc).get('languages');
	return Array.isArray(v) ? LANGUAGE_CODES.filter((c) => v.includes(c)) : [];
}

export function setPlanLanguages(doc: Y.Doc, codes: unknown, origin?: unknown): Result<void> {
	if (!Array.isArray(codes) || !codes.every(isLanguageCode)) {
		return err('invalid_value', 'Unbekannte Sprache. Erlaubt: ' + LANGUAGE_CODES.join(', ') + '.');
	}
	const list = LANGUAGE_CODES.filter((c) => codes.includes(c));
	doc.transact(() => metaMap(doc).set('languages', list), origin);
	return ok();
}

export interface ParsedKey {
	lang: string;
	field: string;
	src: boolean;
}

/** `<lang>.<field>` or `<lang>.<field>@src` with a known language; the field is checked by type. */
export function parseTranslationKey(key: string): ParsedKey | null {
	const src = key.endsWith(SRC_SUFFIX);
	const base = src ? key.slice(0, -SRC_SUFFIX.length) : key;
	const dot = base.indexOf('.');
	if (dot < 0) return null;
	const lang = base.slice(0, dot);
	const field = base.slice(dot + 1);
	if (!isLanguageCode(lang) || !/^[a-zA-Z]{1,40}$/.test(field)) return null;
	return { lang, field, src };
}

const textKey = (lang: string, field: string) => `${lang}.${field}`;
const srcKey = (lang: string, field: string) => `${lang}.${field}${SRC_SUFFIX}`;

function trMap(m: Y.Map<unknown>): Y.Map<unknown> | null {
	const v = m.get(TR_KEY);
	return v instanceof Y.Map ? (v as Y.Map<unknown>) : null;
}

export interface TranslationState {
	/** The translation ('' = none yet). */
	text: string;
	/** The German source now. */
	source: string;
	/** The German source the translation was made from (null = none recorded). */
	sourceAtTranslation: string | null;
	/** There is a translation and the German source changed since. */
	outdated: boolean;
	/** Word diff from the recorded source to the current one (empty unless outdated). */
	diff: Array<{ value: string; added: boolean; removed: boolean }>;
}

/** State of one field's translation; null for an unknown item, language or field. */
export function translationState(
	doc: Y.Doc,
	id: string,
	field: string,
	lang: string
): TranslationState | null {
	const m = itemMap(itemsMap(doc), id);
	if (!m || !isLanguageCode(lang) || !isTextField(itemType(m), field)) return null;
	const source = readText(m, field);
	const tr = trMap(m);
	const t = tr?.get(textKey(lang, field));
	const text = t instanceof Y.Text ? t.toString() : '';
	const s = tr?.get(srcKey(lang, field));
	const sourceAtTranslation = typeof s === 'string' ? s : null;
	const outdated = text !== '' && sourceAtTranslation !== null && sourceAtTranslation !== source;
	const diff = outdated
		? diffWordsWithSpace(sourceAtTranslation, source).map((p) => ({
				value: p.value,
				added: !!p.added,
				removed: !!p.removed
			}))
		: [];
	return { text, source, sourceAtTranslation, outdated, diff };
}

/**
 * What a reader of `lang` sees for `field`: the translation, or the German source as a fallback
 * (`fallback: true`) when there is none. Outdated translations are still shown (flagged).
 */
export function translated(
	doc: Y.Doc,
	id: string,
	field: string,
	lang: string
): { text: string; fallback: boolean; outdated: boolean; lang: string } {
	const st = translationState(doc, id, field, lang);
	if (!st || st.text.trim() === '') {
		const m = itemMap(itemsMap(doc), id);
		return { text: m ? readText(m, field) : '', fallback: true, outdated: false, lang: 'de' };
	}
	return { text: st.text, fallback: false, outdated: st.outdated, lang };
}

function target(
	doc: Y.Doc,
	id: string,
	field: string,
	lang: string
): Result<{ m: Y.Map<unknown>; tr: Y.Map<unknown> | null }> {
	if (!LANGUAGE_CODES.includes(lang)) {
		return err('invalid_value', `Unbekannte Sprache „${lang.slice(0, 20)}“.`);
	}
	const m = itemMap(itemsMap(doc), id);
	if (!m) return err('unknown_item', 'Dieses Element gibt es nicht (mehr).');
	if (!isTextField(itemType(m), field)) {
		return err('invalid_field', `Das Feld „${field.slice(0, 40)}“ gibt es hier nicht.`, field);
	}
	return ok({ m, tr: trMap(m) });
}

/** The translation's Y.Text if it exists (never writes). */
export function findTranslationText(
	doc: Y.Doc,
	id: string,
	field: string,
	lang: string
): Y.Text | null {
	const m = itemMap(itemsMap(doc), id);
	const t = m ? trMap(m)?.get(textKey(lang, field)) : undefined;
	return t instanceof Y.Text ? t : null;
}

/** The Y.Text of a translation, created on first use (with the current source as snapshot). */
export function translationText(
	doc: Y.Doc,
	id: string,
	field: string,
	lang: string,
	origin?: unknown
): Result<Y.Text> {
	const t = target(doc, id, field, lang);
	if (!t.ok) return t;
	let { tr } = t.value;
	const existing = tr?.get(textKey(lang, field));
	if (existing instanceof Y.Text) return ok(existing);
	const text = new Y.Text();
	doc.transact(() => {
		if (!tr) {
			// Restored/old items without a map (migration normally created it).
			tr = new Y.Map<unknown>();
			t.value.m.set(TR_KEY, tr);
		}
		tr.set(textKey(lang, field), text);
		tr.set(srcKey(lang, field), readText(t.value.m, field));
	}, origin);
	return ok(text);
}

/**
 * Create the missing translation texts of all `fields` of an item for `lang` in one transaction
 * (the editor does this when a language is opened, so typing binds to existing Y.Texts).
 */
export function ensureTranslationTexts(
	doc: Y.Doc,
	id: string,
	fields: readonly string[],
	lang: string,
	origin?: unknown
): Result<void> {
	let failed: Result<void> | null = null;
	doc.transact(() => {
		for (const f of fields) {
			const r = translationText(doc, id, f, lang, origin);
			if (!r.ok && !failed) failed = r;
		}
	}, origin);
	return failed ?? ok();
}

/** Write a whole translation (minimal diff). Titles lose bidi controls; length is capped. */
export function setTranslation(
	doc: Y.Doc,
	id: string,
	field: string,
	lang: string,
	value: unknown,
	origin?: unknown
): Result<void> {
	if (typeof value !== 'string') return err('invalid_value', 'Die Übersetzung muss ein Text sein.');
	const clean = field === 'title' ? stripBidiControls(value) : value;
	if (clean.length > MAX_TRANSLATION_LENGTH) {
		return err(
			'text_too_long',
			`Die Übersetzung ist zu lang (höchstens ${MAX_TRANSLATION_LENGTH.toLocaleString('de-DE')} Zeichen).`,
			field
		);
	}
	const t = translationText(doc, id, field, lang, origin);
	if (!t.ok) return t;
	doc.transact(() => {
		const tr = t.value.parent as Y.Map<unknown>;
		// An empty translation had no base yet: the first text is made from today's source.
		if (t.value.length === 0 && clean !== '') {
			const m = itemMap(itemsMap(doc), id) as Y.Map<unknown>;
			tr.set(srcKey(lang, field), readText(m, field));
		}
		applyTextDiff(t.value, clean);
	}, origin);
	return ok();
}

/** "Passt noch": the translation fits the current German source again. */
export function confirmTranslation(
	doc: Y.Doc,
	id: string,
	field: string,
	lang: string,
	origin?: unknown
): Result<void> {
	const t = target(doc, id, field, lang);
	if (!t.ok) return t;
	const tr = t.value.tr;
	if (!(tr?.get(textKey(lang, field)) instanceof Y.Text)) {
		return err('invalid_value', 'Es gibt noch keine Übersetzung zum Bestätigen.', field);
	}
	doc.transact(() => tr.set(srcKey(lang, field), readText(t.value.m, field)), origin);
	return ok();
}

/** Per language: how many non-empty source fields of the item are translated / outdated. */
export function itemCoverage(
	doc: Y.Doc,
	id: string,
	fields: readonly string[],
	lang: string
): { total: number; translated: number; outdated: number } {
	let total = 0;
	let done = 0;
	let outdated = 0;
	for (const f of fields) {
		const st = translationState(doc, id, f, lang);
		if (!st || st.source.trim() === '') continue;
		total++;
		if (st.text.trim() !== '') done++;
		if (st.outdated) outdated++;
	}
	return { total, translated: done, outdated };
}
