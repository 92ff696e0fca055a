/**
 * "Anlage: Offene Punkte (für die Kerngruppe)" – the open points of the Vollständigkeit checks
 * (domain/completeness.ts) as an appendix of the PDF export (option `openPoints`): per area
 * (Leitlinien, each Handlungsfeld) a table of element and missing piece; the points an owner
 * marked "bewusst offen" in a separate table with their reason.
 */
import {
	checkCompleteness,
	readinessLabel,
	type Acknowledgement,
	type Completeness,
	type OpenPoint
} from '../domain/completeness';
import { ITEM_TYPE_LABELS } from '../domain/labels';
import type { PlanJson } from '../domain/types';
import type { Block } from './blocks';
import type { ExportChecks } from './checks';
import { pointMessageIn } from '../completeness/point-message';
import { exportLabels, pdfText, type ExportLabels } from './labels';

export const OPEN_POINTS_TITLE = 'Anlage: Offene Punkte (für die Kerngruppe)';

/** "Bewusst offen" marks as the export gets them (plain data: structured-clonable). */
export type ExportAcknowledgements = Readonly<Record<string, Acknowledgement>>;

/** Runs the checks for the export: verdicts from the check data, marks from the plan's meta. */
export function exportCompleteness(
	plan: PlanJson,
	checks: ExportChecks | undefined,
	acknowledged: ExportAcknowledgements | undefined
): Completeness {
	return checkCompleteness(plan, {
		// without check data the verdict check is skipped rather than reported falsely
		verdicts: checks ? { has: (id) => Boolean(checks[id]?.verdict) } : undefined,
		acknowledged: new Map(Object.entries(acknowledged ?? {}))
	});
}

export function openPointsBlocks(
	plan: PlanJson,
	result: Completeness,
	line: (s: string) => string,
	labels: ExportLabels = exportLabels(undefined)
): Block[] {
	const t = pdfText(labels.locale);
	const en = labels.locale === 'en';
	const untitled = t('pdf_untitled');
	const element = (p: OpenPoint) =>
		en
			? `${labels.ITEM_TYPE_LABELS[p.itemType].singular} “${line(p.itemTitle) || untitled}”`
			: `${ITEM_TYPE_LABELS[p.itemType].singular} „${line(p.itemTitle) || untitled}“`;
	// German: the check's own sentence; English: the same built from its code and missing fields
	const message = (p: OpenPoint) =>
		en
			? pointMessageIn(p, {
					say: (key, params) => t(key, params as never),
					typeName: (type) => labels.ITEM_TYPE_LABELS[type].singular,
					fieldName: (type, field) =>
						(labels.FIELD_LABELS[type] as Record<string, string>)[field] ?? field
				})
			: p.message;
	const pointsCount = (n: number) =>
		n === 1 ? t('pdf_open_points_one') : t('pdf_open_points_many', { count: n });
	const readiness = (name: string, r: Completeness['plan']) =>
		en
			? `${name}: ${r.open === 0 ? t('pdf_open_points_complete') : pointsCount(r.open)}${r.acknowledged > 0 ? ` (${t('pdf_open_points_ack_count', { count: r.acknowledged })})` : ''}`
			: readinessLabel(name, r);
	const principles = labels.ITEM_TYPE_LABELS.principle.plural;
	const fieldNumber = new Map(plan.fields.map((f, i) => [f.id, String(i + 2)]));
	const areas = [
		{ id: null as string | null, name: principles },
		...result.fields.map((f) => ({
			id: f.fieldId as string | null,
			name: `${fieldNumber.get(f.fieldId) ?? ''} ${line(f.title) || untitled}`.trim()
		}))
	];
	const open = result.points.filter((p) => !p.acknowledged);
	const acknowledged = result.points.filter((p) => p.acknowledged);
	const blocks: Block[] = [
		{ kind: 'pageBreak' },
		{
			kind: 'heading',
			level: 1,
			number: '',
			text: t('pdf_open_points_title'),
			toc: true,
			visible: true
		},
		{
			kind: 'paragraph',
			style: 'muted',
			text: t('pdf_open_points_intro', {
				result: readiness(t('pdf_open_points_whole_plan'), result.plan)
			})
		},
		{ kind: 'heading', level: 2, number: '', text: t('pdf_open_points'), toc: false, visible: true }
	];
	if (open.length === 0) {
		blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_open_points_none') });
	}
	for (const area of areas) {
		const points = open.filter((p) => p.fieldId === area.id);
		if (points.length === 0) continue;
		blocks.push({
			kind: 'label',
			text: `${area.name}: ${pointsCount(points.length)}`
		});
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: t('pdf_open_points_element'), width: 0.4 },
				{ title: t('pdf_open_points_point'), width: 0.6 }
			],
			rows: points.map((p) => ({ cells: [element(p), message(p)] }))
		});
	}
	blocks.push({
		kind: 'heading',
		level: 2,
		number: '',
		text: t('pdf_open_points_ack'),
		toc: false,
		visible: true
	});
	if (acknowledged.length === 0) {
		blocks.push({
			kind: 'paragraph',
			style: 'muted',
			text: t('pdf_open_points_ack_none')
		});
		return blocks;
	}
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: t('pdf_open_points_area'), width: 0.18 },
			{ title: t('pdf_open_points_element'), width: 0.27 },
			{ title: t('pdf_open_points_item'), width: 0.27 },
			{ title: t('pdf_reason'), width: 0.28 }
		],
		rows: acknowledged.map((p) => {
			const ack = p.acknowledged!;
			const by = line(ack.by);
			return {
				cells: [
					areas.find((a) => a.id === p.fieldId)?.name ?? principles,
					element(p),
					message(p),
					`${line(ack.reason)}${by ? ` (${by})` : ''}`
				]
			};
		})
	});
	return blocks;
}
