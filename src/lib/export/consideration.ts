/**
 * "Anlage: Abwägungstabelle" – the consideration table of the plan's feedback rounds as an
 * appendix of the PDF export (option `consideration`). One grid per round with the columns
 * Nr. / Beitrag / Entscheidung / Begründung; the paginator breaks between rows (a long row also
 * between its lines) and repeats the header. Every text is printed completely: a formal council
 * annex must not cut a citizen's contribution. No names.
 */
import { quoteDe } from '../domain/quote';
import { DECISION_LABELS, SUBMISSION_KIND_LABELS } from '../feedback/types';
import type { ConsiderationRow } from '../feedback/types';
import type { Block } from './blocks';
import { pdfText, type ExportLabels } from './labels';

export const CONSIDERATION_TITLE = 'Anlage: Abwägungstabelle';

export function considerationBlocks(
	rows: readonly ConsiderationRow[],
	line: (s: string) => string,
	labels?: ExportLabels
): Block[] {
	const title =
		labels?.locale === 'en' ? pdfText('en')('pdf_consideration_title') : CONSIDERATION_TITLE;
	const blocks: Block[] = [
		{ kind: 'pageBreak' },
		{
			kind: 'heading',
			level: 1,
			number: '',
			text: title,
			toc: true,
			visible: true
		},
		{
			kind: 'paragraph',
			style: 'muted',
			text:
				'Alle Beiträge aus den Beteiligungsrunden mit der Entscheidung der Prozesssteuerung und ihrer Begründung. ' +
				'Namen von Beitragenden werden nicht veröffentlicht.'
		}
	];
	if (rows.length === 0) {
		blocks.push({
			kind: 'paragraph',
			style: 'muted',
			text: 'Zu diesem Plan sind noch keine Beiträge aus Beteiligungsrunden eingegangen.'
		});
		return blocks;
	}
	const rounds = new Map<string, ConsiderationRow[]>();
	for (const r of rows) {
		const list = rounds.get(r.roundId) ?? [];
		list.push(r);
		rounds.set(r.roundId, list);
	}
	for (const list of rounds.values()) {
		blocks.push({ kind: 'spacer', height: 3 });
		blocks.push({ kind: 'label', text: `Beteiligungsrunde: ${line(list[0].roundTitle)}` });
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: 'Nr.', width: 0.07 },
				{ title: 'Beitrag', width: 0.45 },
				{ title: 'Entscheidung', width: 0.16 },
				{ title: 'Begründung', width: 0.32 }
			],
			rows: list.map((r) => ({
				cells: [
					`#${r.number}`,
					[
						`${SUBMISSION_KIND_LABELS[r.kind]}${r.targetTitle ? ` zu ${quoteDe(line(r.targetTitle))}` : ''}:`,
						line(r.title),
						'–',
						line(r.text)
					].join(' '),
					r.decision ? DECISION_LABELS[r.decision] : 'Noch offen',
					line(r.reason) || '–'
				]
			}))
		});
	}
	return blocks;
}
