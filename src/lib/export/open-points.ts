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
	line: (s: string) => string
): Block[] {
	const element = (p: OpenPoint) =>
		`${ITEM_TYPE_LABELS[p.itemType].singular} „${line(p.itemTitle) || 'Ohne Titel'}“`;
	const fieldNumber = new Map(plan.fields.map((f, i) => [f.id, String(i + 2)]));
	const areas = [
		{ id: null as string | null, name: 'Leitlinien' },
		...result.fields.map((f) => ({
			id: f.fieldId as string | null,
			name: `${fieldNumber.get(f.fieldId) ?? ''} ${line(f.title) || 'Ohne Titel'}`.trim()
		}))
	];
	const open = result.points.filter((p) => !p.acknowledged);
	const acknowledged = result.points.filter((p) => p.acknowledged);
	const blocks: Block[] = [
		{ kind: 'pageBreak' },
		{ kind: 'heading', level: 1, number: '', text: OPEN_POINTS_TITLE, toc: true, visible: true },
		{
			kind: 'paragraph',
			style: 'muted',
			text:
				`Ergebnis der automatischen Vollständigkeitsprüfung: ${readinessLabel('Gesamter Plan', result.plan)}. ` +
				'Diese Anlage ist eine Arbeitshilfe für die Kerngruppe und nicht zur Veröffentlichung bestimmt.'
		},
		{ kind: 'heading', level: 2, number: '', text: 'Offene Punkte', toc: false, visible: true }
	];
	if (open.length === 0) {
		blocks.push({ kind: 'paragraph', style: 'muted', text: 'Keine offenen Punkte.' });
	}
	for (const area of areas) {
		const points = open.filter((p) => p.fieldId === area.id);
		if (points.length === 0) continue;
		blocks.push({
			kind: 'label',
			text: `${area.name}: ${points.length === 1 ? '1 offener Punkt' : `${points.length} offene Punkte`}`
		});
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: 'Element', width: 0.4 },
				{ title: 'Offener Punkt', width: 0.6 }
			],
			rows: points.map((p) => ({ cells: [element(p), p.message] }))
		});
	}
	blocks.push({
		kind: 'heading',
		level: 2,
		number: '',
		text: 'Bewusst offen gelassen',
		toc: false,
		visible: true
	});
	if (acknowledged.length === 0) {
		blocks.push({
			kind: 'paragraph',
			style: 'muted',
			text: 'Kein Punkt ist als „bewusst offen“ markiert.'
		});
		return blocks;
	}
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: 'Bereich', width: 0.18 },
			{ title: 'Element', width: 0.27 },
			{ title: 'Punkt', width: 0.27 },
			{ title: 'Begründung', width: 0.28 }
		],
		rows: acknowledged.map((p) => {
			const ack = p.acknowledged!;
			const by = line(ack.by);
			return {
				cells: [
					areas.find((a) => a.id === p.fieldId)?.name ?? 'Leitlinien',
					element(p),
					p.message,
					`${line(ack.reason)}${by ? ` (${by})` : ''}`
				]
			};
		})
	});
	return blocks;
}
