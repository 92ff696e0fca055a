/**
 * "Stand der Arbeit": the first chapter of the Zwischenbericht (layout.ts) – a sentence with the
 * plan's counts, the Handlungsfelder with phase and counts, and the measures per status. Labels in
 * the PDF's label language (labels.ts).
 */
import { MEASURE_STATUSES, type MeasureStatus, type PlanJson } from '../domain/types';
import type { Block, HeadingBlock } from './blocks';
import { dateLongIn, pdfText, quoteIn, type ExportLabels } from './labels';
import { EMPTY_VALUE } from './text';

export function interimBlocks(args: {
	plan: PlanJson;
	planTitle: string;
	date: string;
	labels: ExportLabels;
	heading: (level: 1, number: string, text: string) => HeadingBlock;
	fieldTitle: (fieldId: string, title: string) => string;
	statusOf: (m: { status: string }) => MeasureStatus;
}): Block[] {
	const { plan, labels: LB, statusOf } = args;
	const t = pdfText(LB.locale);
	const T = LB.ITEM_TYPE_LABELS;
	const all = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
	const goals = plan.fields.reduce((n, f) => n + f.goals.length, 0);
	// nouns start lower case inside an English sentence, keep their capital in German
	const noun = (s: string) => (LB.locale === 'en' ? s.toLowerCase() : s);
	const count = (n: number, type: keyof typeof T) =>
		`${n} ${noun(n === 1 ? T[type].singular : T[type].plural)}`;
	const counts =
		[count(plan.principles.length, 'principle'), count(plan.fields.length, 'field')].join(', ') +
		`, ${goals} ${noun(T.goal.plural)} ${t('pdf_and')} ${all.length} ${noun(T.measure.plural)}`;
	const blocks: Block[] = [args.heading(1, '1', t('pdf_progress_title'))];
	blocks.push({
		kind: 'paragraph',
		text: t('pdf_progress_intro', {
			title: quoteIn(LB.locale, args.planTitle),
			date: dateLongIn(LB.locale, args.date),
			counts
		})
	});
	blocks.push({ kind: 'spacer', height: 2 });
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: T.field.singular, width: 0.46 },
			{ title: LB.FIELD_LABELS.field.phase, width: 0.26 },
			{ title: T.goal.plural, width: 0.12, align: 'right' },
			{ title: T.measure.plural, width: 0.16, align: 'right' }
		],
		rows: plan.fields.map((f) => ({
			cells: [
				args.fieldTitle(f.id, f.title),
				LB.PHASE_LABELS[f.phase] ?? f.phase,
				String(f.goals.length),
				String(f.goals.reduce((n, g) => n + g.measures.length, 0))
			]
		}))
	});
	blocks.push({ kind: 'spacer', height: 4 });
	blocks.push({ kind: 'label', text: t('pdf_measures_by_status') });
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: LB.FIELD_LABELS.measure.status, width: 0.5 },
			{ title: t('pdf_col_count'), width: 0.25, align: 'right' },
			{ title: t('pdf_col_share'), width: 0.25, align: 'right' }
		],
		statusColumn: 0,
		rows: MEASURE_STATUSES.map((s) => {
			const n = all.filter((m) => statusOf(m) === s).length;
			return {
				cells: [
					LB.MEASURE_STATUS_LABELS[s],
					String(n),
					all.length ? `${Math.round((n / all.length) * 100)} %` : EMPTY_VALUE
				],
				status: s
			};
		})
	});
	blocks.push({ kind: 'spacer', height: 4 });
	return blocks;
}
