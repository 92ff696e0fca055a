/**
 * Marks for German texts in a PDF in another language (issue 15): a field without a translation
 * shows the German text and gets "(nur auf Deutsch)" / "(only in German)" under its label, a
 * title "Titel nur auf Deutsch" under its heading, a table cell the note on a line of its own –
 * always in the PDF's label language. `marks` come from reader-language.ts (`localizePlan`).
 */
import type { ContentMarks } from '../domain/reader-language';
import type { Block, KeyValueRow } from './blocks';
import { pdfText, type LabelLocale } from './labels';

export function fallbackMarks(marks: ContentMarks | null | undefined, locale: LabelLocale) {
	const t = pdfText(locale);
	const onlyGerman = t('pdf_only_german');
	const fallback = (id: string, field: string) => marks?.[id]?.[field]?.fallback === true;
	const note = (id: string, field: string) => (fallback(id, field) ? onlyGerman : undefined);
	return {
		onlyGerman,
		fallback,
		note,
		/** a key/value row, with the note when the field is the German fallback */
		row: (id: string, field: string, label: string, value: string): KeyValueRow => {
			const n = note(id, field);
			return n ? { label, value, note: n } : { label, value };
		},
		/** a muted "Titel nur auf Deutsch" under a heading whose title is the German fallback */
		titleNote: (id: string): Block[] =>
			fallback(id, 'title')
				? [{ kind: 'paragraph', style: 'muted', text: t('pdf_title_only_german') }]
				: [],
		cellTitle: (id: string, title: string) =>
			fallback(id, 'title') ? `${title}\n${onlyGerman}` : title
	};
}
