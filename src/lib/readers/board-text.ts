/**
 * Board texts in the board's content language (issue 15, item 5): which text of an item field
 * the board shows for the chosen language and how it is marked (translation with its `lang`/`dir`,
 * "veraltet", or the German fallback). `null` = show the German original as it is (German chosen,
 * empty source, or a language the plan does not offer).
 */
import type * as Y from 'yjs';
import { readerField, type FieldMark } from '$lib/domain/reader-language';
import { languageOf, planLanguages } from '$lib/domain/translations';

export interface BoardText {
	text: string;
	mark: FieldMark;
}

/** The shown text of `field` of item `id` for the board language `code`, or null for the original. */
export function boardText(
	doc: Y.Doc,
	code: string,
	id: string,
	field: string,
	source: string
): BoardText | null {
	if (code === 'de' || !source.trim() || !planLanguages(doc).includes(code)) return null;
	const language = languageOf(code);
	return language ? readerField(doc, id, field, language) : null;
}

/** Every non-empty text field of an item in `code` (for the detail panel's read-only block). */
export function boardTexts(
	doc: Y.Doc,
	code: string,
	id: string,
	fields: readonly string[],
	sourceOf: (field: string) => string
): Array<BoardText & { field: string }> {
	return fields.flatMap((field) => {
		const shown = boardText(doc, code, id, field, sourceOf(field));
		return shown ? [{ field, ...shown }] : [];
	});
}
