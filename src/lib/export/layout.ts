/**
 * Over 400 lines because the numbering must stay identical across all document types, so every document type's layout lives next to it.
 *
 * Layout step of the PDF export: plan → document of blocks (headings with numbering, paragraphs,
 * key/value tables, grids, legend, page breaks, keep-together groups). Pure and synchronous;
 * knows nothing of jsPDF or of text widths (pagination does that, see paginate.ts).
 *
 * Numbering is the same in every document type: 1 Leitlinien (1.1 …), 2… Handlungsfelder in
 * plan order, 2.1 Ziel, 2.1.1 Maßnahme — a Steckbrief "3.2.1" is the measure 3.2.1 of the
 * Gesamtplan, also when only some fields are exported.
 */
import type { Indicator } from '../domain/indicators';
import { indicatorBlocks } from './indicator-blocks';
import { quoteDe } from '../domain/quote';
import { exportLabels } from './labels';
import type { Field, Goal, Measure, MeasureStatus, PlanJson, Principle } from '../domain/types';
import { MEASURE_STATUSES } from '../domain/types';
import { EXPORT_TYPE_LABELS, type ExportOptions } from './options';
import type { ConsiderationRow } from '../feedback/types';
import { considerationBlocks } from './consideration';
import { decisionLogBlocks } from './decision-log';
import type { DecisionLogRow } from '../contract/minutes';
import { checkRows, type ExportChecks } from './checks';
import { exportCompleteness, openPointsBlocks, type ExportAcknowledgements } from './open-points';
import { timelineBlocks, timelineWanted } from './timeline';
import {
	EMPTY_VALUE,
	UNTITLED,
	cleanLine,
	cleanText,
	formatDateLong,
	formatDateShort,
	todayIso
} from './text';

export type Rgb = readonly [number, number, number];

export const STATUS_COLORS: Record<MeasureStatus, Rgb> = {
	idee: [148, 163, 184],
	geplant: [37, 99, 235],
	in_umsetzung: [217, 119, 6],
	umgesetzt: [22, 163, 74],
	zurueckgestellt: [190, 18, 60]
};

export const STATUS_DESCRIPTIONS: Record<MeasureStatus, string> = {
	idee: 'Vorschlag aus Arbeitsgruppe oder Beteiligung, noch nicht ausgearbeitet',
	geplant: 'ausgearbeitet und abgestimmt, Umsetzung noch nicht begonnen',
	in_umsetzung: 'die Umsetzung läuft',
	umgesetzt: 'abgeschlossen',
	zurueckgestellt: 'vorerst nicht weiterverfolgt (z. B. nach der Verwaltungsprüfung)'
};

import type { Block, HeadingBlock, KeyValueRow } from './blocks';

export type { Block, GridColumn, HeadingBlock, KeyValueRow } from './blocks';

export interface LaidOutDocument {
	/** Plan title (cleaned; "Ohne Titel" if nothing printable) */
	title: string;
	/** Document type, e.g. "Zwischenbericht" */
	typeLabel: string;
	municipality: string;
	statusLabel: string;
	dateLabel: string;
	versionLabel: string;
	/** Replaces the cover's "Stand / Datum / Version" lines (e.g. the Berichtszeitraum). */
	coverInfo?: Array<[string, string]>;
	fundingNotice: string;
	draft: boolean;
	orientation: 'portrait' | 'landscape';
	/** Deepest heading level listed in the table of contents */
	tocDepth: 1 | 2 | 3;
	blocks: Block[];
	metadata: { title: string; subject: string; author: string; keywords: string };
}

export interface LayoutEnv {
	/** Whether the font can show a code point (characters it cannot show become U+FFFD). */
	hasGlyph?: (codePoint: number) => boolean;
	/** Today (YYYY-MM-DD) when options.date is not set. */
	today?: string;
	/** Rows of the appendix "Abwägungstabelle" (used when options.consideration). */
	consideration?: readonly ConsiderationRow[];
	/** Administrative check verdicts by measure id (shown in measure blocks and Steckbriefe). */
	checks?: ExportChecks;
	/** "Bewusst offen" marks of the plan (for the annex of open points, options.openPoints). */
	acknowledged?: ExportAcknowledgements;
	/** Indicators per goal (issue 14): a chart with target line under the goal. */
	indicators?: readonly Indicator[];
	/** Decisions of all sessions (appendix, options.decisionLog). */
	decisionLog?: readonly DecisionLogRow[];
}

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
	const text = (s: string) => cleanText(s, env.hasGlyph);
	const line = (s: string) => cleanLine(s, env.hasGlyph);
	const value = (s: string) => text(s) || EMPTY_VALUE;
	const titleOf = (s: string) => line(s) || UNTITLED;

	const planTitle = titleOf(plan.meta.title);
	const municipality = line(plan.meta.municipality);
	const typeLabel = EXPORT_TYPE_LABELS[options.type];
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

	const measureRows = (m: Measure): KeyValueRow[] => [
		{ label: L.measure.description, value: value(m.description) },
		{ label: L.measure.effect, value: value(m.effect) },
		{ label: L.measure.targetGroup, value: value(m.targetGroup) },
		{ label: L.measure.benefit, value: value(m.benefit) },
		{ label: L.measure.lead, value: value(m.lead) },
		{ label: L.measure.contributors, value: value(m.contributors) },
		{ label: L.measure.resources, value: value(m.resources) },
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
		...checkRows(env.checks?.[m.id], value)
	];

	const legend = (): Block => ({
		kind: 'group',
		blocks: [
			heading(1, '', 'Statuslegende'),
			{
				kind: 'paragraph',
				style: 'muted',
				text: 'So ist der Stand der Maßnahmen in diesem Dokument gekennzeichnet:'
			},
			{
				kind: 'legend',
				items: MEASURE_STATUSES.map((s) => ({
					status: s,
					label: MEASURE_STATUS_LABELS[s],
					description: STATUS_DESCRIPTIONS[s]
				}))
			},
			{ kind: 'spacer', height: 4 }
		]
	});

	const principlesChapter = () => {
		blocks.push(heading(1, '1', ITEM_TYPE_LABELS.principle.plural));
		if (plan.principles.length === 0) {
			blocks.push({ kind: 'paragraph', style: 'muted', text: 'Noch keine Leitlinien erfasst.' });
		}
		plan.principles.forEach((p: Principle, i) => {
			blocks.push({
				kind: 'group',
				blocks: [
					heading(2, `1.${i + 1}`, titleOf(p.title)),
					{
						kind: 'table',
						rows: (['statement', 'rationale', 'evidence', 'vision', 'implications'] as const).map(
							(k) => ({ label: L.principle[k], value: value(p[k]) })
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
		blocks.push({ kind: 'label', text: L.field.situation });
		blocks.push({ kind: 'paragraph', text: value(f.situation) });
	};

	/** The goal's public text (its description), not the answer to question (1). */
	const goalText = (g: Goal): Block[] =>
		text(g.description ?? '') ? [{ kind: 'paragraph', text: text(g.description) }] : [];

	const goalRows = (g: Goal): KeyValueRow[] => [
		...(['specific', 'benefit', 'attractiveness', 'indicator', 'realism'] as const).map((k) => ({
			label: L.goal[k],
			value: value(g[k])
		})),
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
			blocks.push({
				kind: 'paragraph',
				style: 'muted',
				text: 'Noch keine Handlungsfelder erfasst.'
			});
		}
		for (const f of selected) {
			const fn = fieldNumber.get(f.id)!;
			blocks.push(heading(1, fn, titleOf(f.title), true));
			fieldIntro(f);
			if (f.goals.length === 0) {
				blocks.push({
					kind: 'paragraph',
					style: 'muted',
					text: 'Für dieses Handlungsfeld sind noch keine Ziele erfasst.'
				});
			}
			f.goals.forEach((g, gi) => {
				const gn = `${fn}.${gi + 1}`;
				if (compact) {
					blocks.push({
						kind: 'group',
						blocks: [
							heading(2, gn, titleOf(g.title)),
							...goalText(g),
							{ kind: 'label', text: L.goal.indicator },
							{ kind: 'paragraph', text: value(g.indicator) }
						]
					});
					if (g.measures.length === 0) {
						blocks.push({ kind: 'paragraph', style: 'muted', text: 'Noch keine Maßnahmen.' });
					} else {
						blocks.push({
							kind: 'grid',
							columns: [
								{ title: 'Nr.', width: 0.07 },
								{ title: ITEM_TYPE_LABELS.measure.singular, width: 0.28 },
								{ title: L.measure.lead, width: 0.22 },
								{ title: 'Zeitraum', width: 0.15 },
								{ title: L.measure.priority, width: 0.11 },
								{ title: L.measure.status, width: 0.17 }
							],
							statusColumn: 5,
							rows: g.measures.map((m, mi) => ({
								cells: [
									`${gn}.${mi + 1}`,
									titleOf(m.title),
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
				blocks.push(...goalText(g));
				blocks.push({ kind: 'table', rows: goalRows(g) });
				blocks.push(...indicatorBlocks(env.indicators ?? [], g.id, line));
				if (g.measures.length === 0) {
					blocks.push({
						kind: 'paragraph',
						style: 'muted',
						text: 'Zu diesem Ziel sind noch keine Maßnahmen erfasst.'
					});
				}
				g.measures.forEach((m, mi) => {
					blocks.push({
						kind: 'group',
						blocks: [
							heading(3, `${gn}.${mi + 1}`, titleOf(m.title)),
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
			blocks.push(heading(1, '1', 'Stand der Arbeit'));
			const all = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
			blocks.push({
				kind: 'paragraph',
				text:
					`Dieser Zwischenbericht zeigt den Stand des Plans ${quoteDe(planTitle)} am ${formatDateLong(date)}: ` +
					`${plan.principles.length} ${plan.principles.length === 1 ? 'Leitlinie' : 'Leitlinien'}, ` +
					`${plan.fields.length} ${plan.fields.length === 1 ? 'Handlungsfeld' : 'Handlungsfelder'}, ` +
					`${plan.fields.reduce((n, f) => n + f.goals.length, 0)} Ziele und ${all.length} Maßnahmen.`
			});
			blocks.push({ kind: 'spacer', height: 2 });
			blocks.push({
				kind: 'grid',
				columns: [
					{ title: ITEM_TYPE_LABELS.field.singular, width: 0.46 },
					{ title: 'Phase', width: 0.26 },
					{ title: 'Ziele', width: 0.12, align: 'right' },
					{ title: 'Maßnahmen', width: 0.16, align: 'right' }
				],
				rows: plan.fields.map((f) => ({
					cells: [
						`${fieldNumber.get(f.id)} ${titleOf(f.title)}`,
						PHASE_LABELS[f.phase] ?? f.phase,
						String(f.goals.length),
						String(f.goals.reduce((n, g) => n + g.measures.length, 0))
					]
				}))
			});
			blocks.push({ kind: 'spacer', height: 4 });
			blocks.push({ kind: 'label', text: 'Maßnahmen nach Status' });
			blocks.push({
				kind: 'grid',
				columns: [
					{ title: L.measure.status, width: 0.5 },
					{ title: 'Anzahl', width: 0.25, align: 'right' },
					{ title: 'Anteil', width: 0.25, align: 'right' }
				],
				statusColumn: 0,
				rows: MEASURE_STATUSES.map((s) => {
					const n = all.filter((m) => statusOf(m) === s).length;
					return {
						cells: [
							MEASURE_STATUS_LABELS[s],
							String(n),
							all.length ? `${Math.round((n / all.length) * 100)} %` : EMPTY_VALUE
						],
						status: s
					};
				})
			});
			blocks.push({ kind: 'spacer', height: 4 });
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
							? 'Die gewählten Handlungsfelder enthalten noch keine Maßnahmen.'
							: 'Dieser Plan enthält noch keine Maßnahmen.'
				});
			}
			break;
		}
	}

	if (timelineWanted(options)) {
		blocks.push(...timelineBlocks(plan, selected === plan.fields ? [] : options.fields, line));
	}
	if (options.consideration) blocks.push(...considerationBlocks(env.consideration ?? [], line));
	if (options.openPoints) {
		const result = exportCompleteness(plan, env.checks, env.acknowledged);
		blocks.push(...openPointsBlocks(plan, result, line));
	}
	if (options.decisionLog) blocks.push(...decisionLogBlocks(env.decisionLog ?? [], line, text));

	const draft = options.draft ?? plan.meta.status !== 'beschlossen';
	return {
		title: planTitle,
		typeLabel,
		municipality,
		statusLabel: PLAN_STATUS_LABELS[plan.meta.status] ?? PLAN_STATUS_LABELS.entwurf,
		dateLabel: formatDateLong(date),
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
			keywords: 'Integrationskonzept, Vielfaltsstrategie, Mitplan'
		}
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
