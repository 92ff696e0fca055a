/**
 * The readers' content language (issue 15, item 5): public participation page, public progress
 * page and the plan PDF take `?sprache=<code>` (one of the plan's languages, see
 * translations.ts). A field without a translation falls back to German and is marked so
 * (`lang: 'de'`, `fallback: true`); pages show a "nur auf Deutsch" badge and set `lang="de"`.
 */
import type * as Y from 'yjs';
import { TEXT_FIELDS, type PlanJson } from './types';
import { languageOf, planLanguages, translated, type ContentLanguage } from './translations';

/** The query parameter's name on every reader endpoint and page. */
export const LANGUAGE_PARAM = 'sprache';

/** Where a shown text comes from: its BCP 47 tag, direction, and whether it is the German fallback. */
export interface FieldMark {
	/** `lang=` value ('de' for the fallback and for Leichte Sprache) */
	lang: string;
	dir: 'ltr' | 'rtl';
	fallback: boolean;
	/** the translation exists but the German text changed since */
	outdated?: boolean;
}

/** Per item id: marks of its text fields. */
export type ContentMarks = Record<string, Record<string, FieldMark>>;

export type LanguageChoice =
	| { ok: true; language: ContentLanguage | null }
	| { ok: false; code: 'invalid_language'; message: string };

/**
 * `null`/'' or 'de' → German (no translation); a code enabled for the plan → that language;
 * anything else (unknown, or not enabled for this plan) → an error with a German message.
 */
export function chooseLanguage(
	requested: string | null | undefined,
	enabled: readonly string[]
): LanguageChoice {
	if (requested === null || requested === undefined || requested === '' || requested === 'de') {
		return { ok: true, language: null };
	}
	const language = languageOf(requested);
	if (!language || !enabled.includes(requested)) {
		const allowed = ['de', ...enabled].join(', ');
		return {
			ok: false,
			code: 'invalid_language',
			message: `Die Sprache „${requested.slice(0, 20)}“ gibt es für diesen Plan nicht. Möglich: ${allowed}.`
		};
	}
	return { ok: true, language };
}

/** What a reader sees for one field: the text and its mark. */
export function readerField(
	doc: Y.Doc,
	id: string,
	field: string,
	language: ContentLanguage
): { text: string; mark: FieldMark } {
	const t = translated(doc, id, field, language.code);
	if (t.fallback) return { text: t.text, mark: { lang: 'de', dir: 'ltr', fallback: true } };
	const mark: FieldMark = { lang: language.tag, dir: language.dir, fallback: false };
	if (t.outdated) mark.outdated = true;
	return { text: t.text, mark };
}

/** Copy of the plan with every item text field in `language` (German where missing) + marks. */
export function localizePlan(
	doc: Y.Doc,
	plan: PlanJson,
	language: ContentLanguage
): { plan: PlanJson; marks: ContentMarks } {
	const marks: ContentMarks = {};
	const swap = <T extends { id: string; type: keyof typeof TEXT_FIELDS }>(item: T): T => {
		const out = { ...item } as Record<string, unknown>;
		const own: Record<string, FieldMark> = {};
		for (const field of TEXT_FIELDS[item.type]) {
			if (typeof out[field] !== 'string' || out[field] === '') continue;
			const r = readerField(doc, item.id, field, language);
			out[field] = r.text;
			own[field] = r.mark;
		}
		marks[item.id] = own;
		return out as T;
	};
	return {
		plan: {
			...plan,
			principles: plan.principles.map(swap),
			fields: plan.fields.map((f) => ({
				...swap(f),
				goals: f.goals.map((g) => ({ ...swap(g), measures: g.measures.map(swap) }))
			}))
		},
		marks
	};
}

/** The language choices a reader gets: German first, then the plan's languages. */
export function readerLanguages(doc: Y.Doc): ReaderLanguageOption[] {
	return [
		{ code: 'de', native: 'Deutsch', tag: 'de', dir: 'ltr' },
		...planLanguages(doc).flatMap((c) => {
			const l = languageOf(c);
			return l ? [{ code: l.code, native: l.native, tag: l.tag, dir: l.dir }] : [];
		})
	];
}

export interface ReaderLanguageOption {
	code: string;
	/** own name of the language, shown with `lang=tag` */
	native: string;
	tag: string;
	dir: 'ltr' | 'rtl';
}

/** Mark for a German text (no language chosen): nothing to mark. */
export const GERMAN: FieldMark = { lang: 'de', dir: 'ltr', fallback: false };

/** The mark of `field` of item `id`, or German when none was recorded. */
export function markOf(
	marks: ContentMarks | null | undefined,
	id: string,
	field: string
): FieldMark {
	return marks?.[id]?.[field] ?? GERMAN;
}
