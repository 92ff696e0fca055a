/**
 * Layout step of the PDF export: plan → document of blocks (headings with numbering, paragraphs,
 * key/value tables, grids, legend, page breaks, keep-together groups). Pure and synchronous;
 * knows nothing of jsPDF or of text widths (pagination does that, see paginate.ts).
 *
 * Numbering is the same in every document type: 1 Leitlinien (1.1 …), 2… Handlungsfelder in
 * plan order, 2.1 Ziel, 2.1.1 Maßnahme — a Steckbrief "3.2.1" is the measure 3.2.1 of the
 * Gesamtplan, also when only some fields are exported. The Zwischenbericht's first chapter is in
 * interim.ts, the appendices in appendices.ts. Labels come in the PDF's label language
 * (labels.ts); with `env.marks` a text shown in German instead of the asked language is marked
 * "(nur auf Deutsch)" / "(only in German)".
 */
import { indicatorBlocks } from './indicator-blocks';
import { dateLongIn, exportLabels, exportTypeLabel, pdfText } from './labels';
import type { Field, Goal, Measure, MeasureStatus, PlanJson, Principle } from '../domain/types';
import { MEASURE_STATUSES } from '../domain/types';
import type { ExportOptions } from './options';
import { checkRows } from './checks';
import { appendixBlocks } from './appendices';
import { interimBlocks } from './interim';
import { EMPTY_VALUE, cleanLine, cleanText, formatDateShort, todayIso } from './text';

import type { Block, HeadingBlock, KeyValueRow } from './blocks';
import { fallbackMarks } from './fallback-marks';
import type { LaidOutDocument, LayoutEnv } from './layout-types';

export type { Block, GridColumn, HeadingBlock, KeyValueRow } from './blocks';
export { STATUS_COLORS } from './layout-types';
export type { LaidOutDocument, LayoutEnv, Rgb } from './layout-types';

export function layoutPlan(
	plan: PlanJson,
	options: ExportOptions,
	env: LayoutEnv = {}
): LaidOutDocument {
	// labels in the reader's language (English for `sprache=en`, else German; ./labels.ts)
	const LB = exportLabels(options.sprache);
	const {
		FIELD_LABELS,
		ITEM_TYPE_LABELS,
		MEASURE_STATUS_LABELS,
		PHASE_LABELS,
		PLAN_STATUS_LABELS,
		PRIORITY_LABELS
	} = LB;
	const t = pdfText(LB.locale);
	const UNTITLED = t('pdf_untitled');
	const text = (s: string) => cleanText(s, env.hasGlyph);
	const line = (s: string) => cleanLine(s, env.hasGlyph);
	const value = (s: string) => text(s) || EMPTY_VALUE;
	const titleOf = (s: string) => line(s) || UNTITLED;

	const planTitle = titleOf(plan.meta.title);
	const municipality = line(plan.meta.municipality);
	const typeLabel = exportTypeLabel(options.type, LB.locale);
	const date = options.date ?? env.today ?? todayIso();
	// no default wording: a plan without a notice gets a PDF without one
	const fundingNotice = line(options.fundingNotice ?? '') || line(plan.meta.fundingNotice ?? '');

	// numbering over the whole plan, independent of the selection
	const fieldNumber = new Map<string, string>();
	plan.fields.forEach((f, i) => fieldNumber.set(f.id, String(i + 2)));
	const principleLabel = new Map<string, string>();
	plan.principles.forEach((p, i) => principleLabel.set(p.id, `1.${i + 1} ${titleOf(p.title)}`));

	const selected =
		options.fields.length > 0
			? plan.fields.filter((f) => options.fields.includes(f.id))
			: plan.fields;

	const blocks: Block[] = [];
	const dateRange = (m: Measure) => {
		const s = formatDateShort(m.startDate);
		const e = formatDateShort(m.endDate);
		if (!s && !e) return EMPTY_VALUE;
		return `${s || LB.open} – ${e || LB.open}`;
	};
	const statusOf = (m: Measure): MeasureStatus =>
		(MEASURE_STATUSES as readonly string[]).includes(m.status) ? m.status : 'idee';
	const L = FIELD_LABELS;
	// German shown for want of a translation: a muted note with the field (issue 15)
	const { onlyGerman, fallback, note, row, titleNote, cellTitle } = fallbackMarks(
		env.marks,
		LB.locale
	);

	const measureRows = (m: Measure): KeyValueRow[] => [
		...(
			[
				'description',
				'effect',
				'targetGroup',
				'benefit',
				'lead',
				'contributors',
				'resources'
			] as const
		).map((k) => row(m.id, k, L.measure[k], value(m[k]))),
		{ label: LB.period, value: dateRange(m) },
		{
			label: L.measure.priority,
			value: m.priority ? PRIORITY_LABELS[m.priority] : EMPTY_VALUE
		},
		{
			label: L.measure.status,
			value: MEASURE_STATUS_LABELS[statusOf(m)],
			status: statusOf(m)
		},
		...checkRows(env.checks?.[m.id], value, LB.locale)
	];

	const legend = (): Block => ({
		kind: 'group',
		blocks: [
			heading(1, '', t('pdf_status_legend')),
			{ kind: 'paragraph', style: 'muted', text: t('pdf_status_legend_intro') },
			{
				kind: 'legend',
				items: MEASURE_STATUSES.map((s) => ({
					status: s,
					label: MEASURE_STATUS_LABELS[s],
					description: t(`pdf_status_desc_${s}`)
				}))
			},
			{ kind: 'spacer', height: 4 }
		]
	});

	const principlesChapter = () => {
		blocks.push(heading(1, '1', ITEM_TYPE_LABELS.principle.plural));
		if (plan.principles.length === 0) {
			blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_empty_principles') });
		}
		plan.principles.forEach((p: Principle, i) => {
			blocks.push({
				kind: 'group',
				blocks: [
					heading(2, `1.${i + 1}`, titleOf(p.title)),
					...titleNote(p.id),
					{
						kind: 'table',
						rows: (['statement', 'rationale', 'evidence', 'vision', 'implications'] as const).map(
							(k) => row(p.id, k, L.principle[k], value(p[k]))
						)
					}
				]
			});
		});
	};

	const fieldIntro = (f: Field) => {
		const meta = [
			`${L.field.workingGroup}: ${line(f.workingGroup) || EMPTY_VALUE}`,
			`${L.field.phase}: ${PHASE_LABELS[f.phase] ?? f.phase}`
		].join('   ·   ');
		blocks.push({ kind: 'paragraph', style: 'meta', text: meta });
		const situationNote = note(f.id, 'situation');
		blocks.push({
			kind: 'label',
			text: situationNote ? `${L.field.situation} ${situationNote}` : L.field.situation
		});
		blocks.push({ kind: 'paragraph', text: value(f.situation) });
	};

	/** The goal's public text (its description), not the answer to question (1). */
	const goalText = (g: Goal): Block[] =>
		text(g.description ?? '')
			? [
					{ kind: 'paragraph', text: text(g.description) },
					...(fallback(g.id, 'description')
						? [{ kind: 'paragraph' as const, style: 'muted' as const, text: onlyGerman }]
						: [])
				]
			: [];

	const goalRows = (g: Goal): KeyValueRow[] => [
		...(['specific', 'benefit', 'attractiveness', 'indicator', 'realism'] as const).map((k) =>
			row(g.id, k, L.goal[k], value(g[k]))
		),
		{
			label: L.goal.principleIds,
			value:
				plan.principles
					.filter((p) => g.principleIds.includes(p.id))
					.map((p) => principleLabel.get(p.id)!)
					.join('\n') || EMPTY_VALUE
		}
	];

	const fieldsChapters = (compact: boolean) => {
		if (plan.fields.length === 0) {
			blocks.push(heading(1, '', ITEM_TYPE_LABELS.field.plural, true));
			blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_empty_fields') });
		}
		for (const f of selected) {
			const fn = fieldNumber.get(f.id)!;
			blocks.push(heading(1, fn, titleOf(f.title), true));
			blocks.push(...titleNote(f.id));
			fieldIntro(f);
			if (f.goals.length === 0) {
				blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_empty_field_goals') });
			}
			f.goals.forEach((g, gi) => {
				const gn = `${fn}.${gi + 1}`;
				if (compact) {
					blocks.push({
						kind: 'group',
						blocks: [
							heading(2, gn, titleOf(g.title)),
							...titleNote(g.id),
							...goalText(g),
							{
								kind: 'label',
								text: note(g.id, 'indicator')
									? `${L.goal.indicator} ${onlyGerman}`
									: L.goal.indicator
							},
							{ kind: 'paragraph', text: value(g.indicator) }
						]
					});
					if (g.measures.length === 0) {
						blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_empty_measures') });
					} else {
						blocks.push({
							kind: 'grid',
							columns: [
								{ title: t('pdf_col_number'), width: 0.07 },
								{ title: ITEM_TYPE_LABELS.measure.singular, width: 0.28 },
								{ title: L.measure.lead, width: 0.22 },
								{ title: LB.period, width: 0.15 },
								{ title: L.measure.priority, width: 0.11 },
								{ title: L.measure.status, width: 0.17 }
							],
							statusColumn: 5,
							rows: g.measures.map((m, mi) => ({
								cells: [
									`${gn}.${mi + 1}`,
									cellTitle(m.id, titleOf(m.title)),
									line(m.lead) || EMPTY_VALUE,
									dateRange(m),
									m.priority ? PRIORITY_LABELS[m.priority] : EMPTY_VALUE,
									MEASURE_STATUS_LABELS[statusOf(m)]
								],
								status: statusOf(m)
							}))
						});
					}
					return;
				}
				// heading kept with the first rows (keep-with-next), the table may continue overleaf
				blocks.push(heading(2, gn, titleOf(g.title)));
				blocks.push(...titleNote(g.id));
				blocks.push(...goalText(g));
				blocks.push({ kind: 'table', rows: goalRows(g) });
				blocks.push(...indicatorBlocks(env.indicators ?? [], g.id, line, LB.locale));
				if (g.measures.length === 0) {
					blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_empty_goal_measures') });
				}
				g.measures.forEach((m, mi) => {
					blocks.push({
						kind: 'group',
						blocks: [
							heading(3, `${gn}.${mi + 1}`, titleOf(m.title)),
							...titleNote(m.id),
							{ kind: 'table', rows: measureRows(m) }
						]
					});
				});
			});
		}
	};

	let tocDepth: 1 | 2 | 3 = 2;
	switch (options.type) {
		case 'gesamtplan':
		case 'handlungsfelder':
			blocks.push(legend());
			principlesChapter();
			fieldsChapters(false);
			break;
		case 'zwischenbericht': {
			blocks.push(
				...interimBlocks({
					plan,
					planTitle,
					date,
					labels: LB,
					heading,
					fieldTitle: (id, title) => `${fieldNumber.get(id)} ${titleOf(title)}`,
					statusOf: (m) => statusOf(m as Measure)
				})
			);
			blocks.push(legend());
			fieldsChapters(true);
			break;
		}
		case 'steckbriefe': {
			tocDepth = 3;
			blocks.push(legend());
			let count = 0;
			for (const f of selected) {
				const fn = fieldNumber.get(f.id)!;
				let fieldAnchor = false;
				f.goals.forEach((g, gi) => {
					const gn = `${fn}.${gi + 1}`;
					g.measures.forEach((m, mi) => {
						count++;
						blocks.push({ kind: 'pageBreak' });
						if (!fieldAnchor) {
							blocks.push({ ...heading(1, fn, titleOf(f.title)), visible: false });
							fieldAnchor = true;
						}
						if (mi === 0) blocks.push({ ...heading(2, gn, titleOf(g.title)), visible: false });
						blocks.push({
							kind: 'paragraph',
							style: 'meta',
							text: `${LB.measureProfile} · ${ITEM_TYPE_LABELS.field.singular} ${fn} ${titleOf(f.title)}`
						});
						blocks.push({
							...heading(3, `${gn}.${mi + 1}`, titleOf(m.title)),
							large: true
						});
						blocks.push(...titleNote(m.id));
						blocks.push({
							kind: 'table',
							rows: [
								{ label: ITEM_TYPE_LABELS.goal.singular, value: `${gn} ${titleOf(g.title)}` },
								...measureRows(m)
							]
						});
					});
				});
			}
			if (count === 0) {
				blocks.push(heading(1, '', ITEM_TYPE_LABELS.measure.plural));
				blocks.push({
					kind: 'paragraph',
					style: 'muted',
					text:
						options.fields.length > 0
							? t('pdf_empty_selection_measures')
							: t('pdf_empty_plan_measures')
				});
			}
			break;
		}
	}

	blocks.push(
		...appendixBlocks({
			plan,
			options,
			env,
			selection: selected !== plan.fields,
			line,
			text,
			labels: LB
		})
	);

	const draft = options.draft ?? plan.meta.status !== 'beschlossen';
	return {
		title: planTitle,
		typeLabel,
		municipality,
		statusLabel: PLAN_STATUS_LABELS[plan.meta.status] ?? PLAN_STATUS_LABELS.entwurf,
		dateLabel: dateLongIn(LB.locale, date),
		versionLabel: line(options.versionLabel),
		fundingNotice,
		draft,
		orientation: options.orientation,
		tocDepth,
		blocks,
		metadata: {
			title: `${planTitle} – ${typeLabel}`,
			subject: [typeLabel, municipality].filter(Boolean).join(', '),
			author: municipality || 'Mitplan',
			keywords: t('pdf_keywords')
		},
		locale: LB.locale
	};
}

function heading(
	level: 1 | 2 | 3,
	number: string,
	text: string,
	pageBreakBefore = false
): HeadingBlock {
	return { kind: 'heading', level, number, text, toc: true, visible: true, pageBreakBefore };
}
