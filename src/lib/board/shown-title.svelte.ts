/**
 * An item's title as the board shows it in its content language, as plain text for screen-reader
 * labels and dialog lines (issue 15): the translation when the plan has one in the chosen
 * language, else the German title (or „Ohne Titel“). Reactive: read inside a template or a
 * derived, it follows the board language and translations typed by anyone.
 */
import type * as Y from 'yjs';
import { m } from '$lib/i18n';
import { stripBidiControls } from '$lib/domain/translations';
import { boardLanguage } from '$lib/readers/board-language.svelte';
import { boardText } from '$lib/readers/board-text';
import { contentVersion } from '$lib/readers/content-version.svelte';
import { typeLabel } from './labels';
import { displayTitle, type IndexEntry } from './plan-index';

/** The shown title of `item` (its German title is `item.title`). */
export function shownTitle(doc: Y.Doc, item: { id: string; title: string }): string {
	const original = displayTitle(item);
	const code = boardLanguage.code;
	if (code === 'de') return original;
	void contentVersion(doc);
	const shown = boardText(doc, code, item.id, 'title', item.title);
	return shown ? stripBidiControls(shown.text) : original;
}

/** "Maßnahme „Family centre“": type and shown title (itemName, in the content language). */
export function shownName(doc: Y.Doc, entry: Pick<IndexEntry, 'type' | 'item'>): string {
	return m.board_item_name({ type: typeLabel(entry.type), title: shownTitle(doc, entry.item) });
}
