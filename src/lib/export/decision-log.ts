/**
 * "Anlage: Beschlussprotokoll aller Sitzungen" of the Gesamtplan (option `decisionLog`): the
 * decisions recorded in the plan's sessions (server/meetings/minutes.ts), oldest first. Title,
 * introduction and column names in `locale` (messages/meetings `meetings_log_…`); the rows come
 * worded from the server (date and item in the language the log was asked for).
 */
import type { InterfaceLocale } from '../contract/languages';
import type { DecisionLogRow } from '../contract/minutes';
import * as t from '../paraglide/messages/_index.js';
import type { Block } from './blocks';
import { EMPTY_VALUE, UNTITLED } from './text';

/** "Anlage: Beschlussprotokoll aller Sitzungen" / "Annex: decisions of all meetings". */
export const decisionLogTitle = (locale: InterfaceLocale = 'de') =>
	t.meetings_log_title({}, { locale });

/** German title (kept for callers that name the appendix). */
export const DECISION_LOG_TITLE = decisionLogTitle('de');

type Clean = (s: string) => string;

/** "Anlage: Beschlussprotokoll aller Sitzungen" of the Gesamtplan (option `decisionLog`). */
export function decisionLogBlocks(
	rows: readonly DecisionLogRow[],
	line: Clean,
	text: Clean,
	locale: InterfaceLocale = 'de'
): Block[] {
	const o = { locale };
	const blocks: Block[] = [
		{ kind: 'pageBreak' },
		{
			kind: 'heading',
			level: 1,
			number: '',
			text: decisionLogTitle(locale),
			toc: true,
			visible: true
		},
		{ kind: 'paragraph', style: 'muted', text: t.meetings_log_intro({}, o) }
	];
	if (rows.length === 0) {
		blocks.push({ kind: 'paragraph', style: 'muted', text: t.meetings_log_none({}, o) });
		return blocks;
	}
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: t.meetings_pdf_date({}, o), width: 0.15 },
			{ title: t.meetings_pdf_session({}, o), width: 0.2 },
			{ title: t.meetings_log_decision({}, o), width: 0.41 },
			{ title: t.meetings_pdf_item({}, o), width: 0.24 }
		],
		rows: rows.map((r) => ({
			cells: [r.date, line(r.session) || UNTITLED, text(r.text), line(r.item) || EMPTY_VALUE]
		}))
	});
	return blocks;
}
