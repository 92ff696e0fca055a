/**
 * "Anlage: Abwägungstabelle" – the consideration table of the plan's feedback rounds as an
 * appendix of the PDF export (option `consideration`). One grid per round with the columns
 * Nr. / Beitrag / Entscheidung / Begründung; the paginator breaks between rows (a long row also
 * between its lines) and repeats the header. Every text is printed completely: a formal council
 * annex must not cut a citizen's contribution. No names.
 */
import { quoteDe } from '../domain/quote';
import { considerationReason } from '../feedback/csv';
import { DECISION_LABELS, SUBMISSION_KIND_LABELS } from '../feedback/types';
import type { ConsiderationRow, Decision } from '../feedback/types';
import type { Block } from './blocks';
import { pdfText, type ExportLabels } from './labels';

export const CONSIDERATION_TITLE = 'Anlage: Abwägungstabelle';

export function considerationBlocks(
	rows: readonly ConsiderationRow[],
	line: (s: string) => string,
	labels?: ExportLabels
): Block[] {
	const t = pdfText(labels?.locale ?? 'de');
	const en = labels?.locale === 'en';
	// German: the domain's constants (unchanged wording); English: the participation page's words
	const kindName = (k: ConsiderationRow['kind']) =>
		en ? t(`public_kind_${k}`) : SUBMISSION_KIND_LABELS[k];
	const kindText = (r: ConsiderationRow) =>
		r.targetTitle
			? t('pdf_consideration_on', {
					kind: kindName(r.kind),
					target: en
						? t('public_quoted', { text: line(r.targetTitle) })
						: quoteDe(line(r.targetTitle))
				})
			: `${kindName(r.kind)}:`;
	const decisionText = (d: Decision) => (en ? t(`public_decision_${d}`) : DECISION_LABELS[d]);
	// a merged row's stored reason is the German sentence; English words it from `mergedInto`
	const reasonText = (r: ConsiderationRow) => considerationReason(r, en ? 'en' : 'de');
	const title = t('pdf_consideration_title');
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
			text: t('pdf_consideration_intro')
		}
	];
	if (rows.length === 0) {
		blocks.push({
			kind: 'paragraph',
			style: 'muted',
			text: t('pdf_consideration_empty')
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
		blocks.push({
			kind: 'label',
			text: t('pdf_consideration_round', { title: line(list[0].roundTitle) })
		});
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: t('pdf_col_number'), width: 0.07 },
				{ title: t('pdf_consideration_contribution'), width: 0.45 },
				{ title: t('pdf_consideration_decision'), width: 0.16 },
				{ title: t('pdf_reason'), width: 0.32 }
			],
			rows: list.map((r) => ({
				cells: [
					`#${r.number}`,
					[kindText(r), line(r.title), '–', line(r.text)].join(' '),
					r.decision ? decisionText(r.decision) : t('pdf_consideration_open'),
					line(reasonText(r)) || '–'
				]
			}))
		});
	}
	return blocks;
}
