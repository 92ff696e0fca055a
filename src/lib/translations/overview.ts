/**
 * Translation overview of a plan (issue 15): per plan language, how many non-empty German text
 * fields are translated, outdated ("veraltet") or missing, and which items need work. Reads the
 * document once (no diffs); items deleted meanwhile are simply not in it, nor are their
 * translations.
 */
import * as Y from 'yjs';
import { TEXT_FIELDS, isItemType, type ItemType } from '$lib/domain';
import { TR_KEY, planLanguages } from '$lib/domain/translations';

export interface OverviewEntry {
	id: string;
	type: ItemType;
	/** German title of the item. */
	title: string;
	/** Text fields whose translation is outdated / missing. */
	outdated: string[];
	missing: string[];
}

export interface LanguageOverview {
	lang: string;
	/** Non-empty German text fields. */
	total: number;
	/** Translated and current. */
	translated: number;
	outdated: number;
	missing: number;
	/** Share of `total` translated and current, 0–100 (rounded down; 100 only when complete). */
	percent: number;
	/** Items with outdated or missing translations, in document order. */
	entries: OverviewEntry[];
}

const textOf = (v: unknown) =>
	v instanceof Y.Text ? v.toString() : typeof v === 'string' ? v : '';

export function translationOverview(
	doc: Y.Doc,
	languages = planLanguages(doc)
): LanguageOverview[] {
	const out: LanguageOverview[] = languages.map((lang) => ({
		lang,
		total: 0,
		translated: 0,
		outdated: 0,
		missing: 0,
		percent: 0,
		entries: []
	}));
	if (out.length === 0) return out;
	const items = doc.getMap('items');
	items.forEach((raw, id) => {
		if (!(raw instanceof Y.Map)) return;
		const type = raw.get('type');
		if (!isItemType(type)) return;
		const tr = raw.get(TR_KEY);
		const trMap = tr instanceof Y.Map ? (tr as Y.Map<unknown>) : null;
		const sources: Array<[string, string]> = [];
		for (const field of TEXT_FIELDS[type] as readonly string[]) {
			const source = textOf(raw.get(field));
			if (source.trim() !== '') sources.push([field, source]);
		}
		if (sources.length === 0) return;
		const title = textOf(raw.get('title'));
		for (const o of out) {
			const entry: OverviewEntry = { id, type, title, outdated: [], missing: [] };
			for (const [field, source] of sources) {
				o.total++;
				const text = textOf(trMap?.get(`${o.lang}.${field}`));
				if (text.trim() === '') {
					o.missing++;
					entry.missing.push(field);
					continue;
				}
				const src = trMap?.get(`${o.lang}.${field}@src`);
				if (typeof src === 'string' && src !== source) {
					o.outdated++;
					entry.outdated.push(field);
				} else o.translated++;
			}
			if (entry.outdated.length + entry.missing.length > 0) o.entries.push(entry);
		}
	});
	for (const o of out) {
		o.percent = o.total === 0 ? 100 : Math.floor((o.translated * 100) / o.total);
	}
	return out;
}
