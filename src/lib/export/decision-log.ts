/**
 * "Anlage: Beschlussprotokoll aller Sitzungen" of the Gesamtplan (option `decisionLog`): the
 * decisions recorded in the plan's sessions (server/meetings/minutes.ts), oldest first.
 */
import type { DecisionLogRow } from '../contract/minutes';
import type { Block } from './blocks';
import { EMPTY_VALUE, UNTITLED } from './text';

export const DECISION_LOG_TITLE = 'Anlage: Beschlussprotokoll aller Sitzungen';

type Clean = (s: string) => string;

/** "Anlage: Beschlussprotokoll aller Sitzungen" of the Gesamtplan (option `decisionLog`). */
export function decisionLogBlocks(
	rows: readonly DecisionLogRow[],
	line: Clean,
	text: Clean
): Block[] {
	const blocks: Block[] = [
		{ kind: 'pageBreak' },
		{ kind: 'heading', level: 1, number: '', text: DECISION_LOG_TITLE, toc: true, visible: true },
		{
			kind: 'paragraph',
			style: 'muted',
			text: 'Die Beschlüsse aller Sitzungen des Plans in zeitlicher Reihenfolge, mit dem Element des Plans, zu dem sie gehören.'
		}
	];
	if (rows.length === 0) {
		blocks.push({
			kind: 'paragraph',
			style: 'muted',
			text: 'In den Sitzungen dieses Plans wurden noch keine Beschlüsse protokolliert.'
		});
		return blocks;
	}
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: 'Datum', width: 0.15 },
			{ title: 'Sitzung', width: 0.2 },
			{ title: 'Beschluss', width: 0.41 },
			{ title: 'Bezug im Plan', width: 0.24 }
		],
		rows: rows.map((r) => ({
			cells: [r.date, line(r.session) || UNTITLED, text(r.text), line(r.item) || EMPTY_VALUE]
		}))
	});
	return blocks;
}
