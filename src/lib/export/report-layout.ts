/**
 * Layout of the "Umsetzungsbericht" (issue 14, item 7): the report model
 * (src/lib/monitoring/report.ts) → the same blocks as the council PDF (layout.ts), so pagination,
 * typography, header/footer and bookmarks are shared. Chapters: 1 Überblick (status counts of
 * the plan and per Handlungsfeld, with share bars), one per Handlungsfeld (per goal the indicator
 * charts, a table of its measures with status, progress and Amt, then the period's Sachstände),
 * last "Änderungen seit dem letzten Bericht". Pure; no jsPDF.
 */
import { IMPL_STATUSES, IMPL_STATUS_LABELS, type ImplStatus } from '../domain/monitoring';
import { quoteDe } from '../domain/quote';
import type { UmsetzungsberichtModel } from '../monitoring/report';
import type { Block, HeadingBlock } from './blocks';
import { indicatorBlocks } from './indicator-blocks';
import type { LaidOutDocument, Rgb } from './layout';
import {
	EMPTY_VALUE,
	UNTITLED,
	cleanLine,
	cleanText,
	formatDateLong,
	formatDateShort
} from './text';

export const REPORT_TYPE_LABEL = 'Umsetzungsbericht';

/** Marker colours of the Umsetzungsstand (the text always names the status, too). */
export const IMPL_STATUS_COLORS: Record<ImplStatus, Rgb> = {
	nicht_begonnen: [148, 163, 184],
	geplant: [37, 99, 235],
	in_umsetzung: [217, 119, 6],
	verzoegert: [190, 18, 60],
	umgesetzt: [22, 163, 74],
	dauerhaft_etabliert: [21, 94, 60],
	eingestellt: [71, 85, 105],
	unbekannt: [203, 213, 225]
};

function heading(level: 1 | 2 | 3, number: string, text: string, pageBreakBefore = false) {
	return {
		kind: 'heading',
		level,
		number,
		text,
		toc: true,
		visible: true,
		pageBreakBefore
	} satisfies HeadingBlock;
}

const percent = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)} %` : EMPTY_VALUE);

export function layoutReport(
	model: UmsetzungsberichtModel,
	env: { hasGlyph?: (cp: number) => boolean } = {}
): LaidOutDocument {
	const text = (s: string) => cleanText(s, env.hasGlyph);
	const line = (s: string) => cleanLine(s, env.hasGlyph);
	const titleOf = (s: string) => line(s) || UNTITLED;
	const planTitle = titleOf(model.planTitle);
	const municipality = line(model.municipality);
	const { from, to } = model.period;
	const periodShort = `${formatDateShort(from)}–${formatDateShort(to)}`;
	const blocks: Block[] = [];
	const statusRow = (s: ImplStatus, cells: string[]) => ({
		cells,
		color: IMPL_STATUS_COLORS[s]
	});
	const countsText = (counts: Record<ImplStatus, number>) =>
		IMPL_STATUSES.filter((s) => counts[s] > 0)
			.map((s) => `${counts[s]} ${IMPL_STATUS_LABELS[s]}`)
			.join(', ') || EMPTY_VALUE;

	// 1 Überblick
	blocks.push(heading(1, '1', 'Überblick'));
	const adoption = model.adoption
		? ` Beschluss des Plans am ${formatDateLong(model.adoption.date)}${[model.adoption.body, model.adoption.reference].map(line).filter(Boolean).length ? ` (${[model.adoption.body, model.adoption.reference].map(line).filter(Boolean).join(', ')})` : ''}.`
		: '';
	blocks.push({
		kind: 'paragraph',
		text:
			`Dieser Bericht zeigt den Stand der Umsetzung des Plans ${quoteDe(planTitle)} im Berichtszeitraum ` +
			`vom ${formatDateLong(from)} bis zum ${formatDateLong(to)}: ${model.total} ${model.total === 1 ? 'Maßnahme' : 'Maßnahmen'}, ` +
			`${model.notesInPeriod} ${model.notesInPeriod === 1 ? 'Sachstand' : 'Sachstände'} im Berichtszeitraum, ` +
			`${model.changes.length} ${model.changes.length === 1 ? 'Änderung' : 'Änderungen'} des Umsetzungsstands seit dem letzten Bericht.${adoption}`
	});
	blocks.push({
		kind: 'paragraph',
		style: 'muted',
		text: `Der Umsetzungsstand ist der Stand am Ende des Berichtszeitraums (${formatDateShort(to)}); der Fortschritt ist der zuletzt erfasste.`
	});
	blocks.push({ kind: 'spacer', height: 2 });
	blocks.push({ kind: 'label', text: 'Maßnahmen nach Umsetzungsstand' });
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: 'Umsetzungsstand', width: 0.5 },
			{ title: 'Anzahl', width: 0.25, align: 'right' },
			{ title: 'Anteil', width: 0.25, align: 'right' }
		],
		statusColumn: 0,
		rows: [
			...IMPL_STATUSES.map((s) =>
				statusRow(s, [
					IMPL_STATUS_LABELS[s],
					String(model.counts[s]),
					percent(model.counts[s], model.total)
				])
			),
			{
				cells: [
					`Gesamt${model.progress !== null ? ` (Ø Fortschritt ${model.progress} %)` : ''}`,
					String(model.total),
					model.total ? '100 %' : EMPTY_VALUE
				]
			}
		]
	});
	blocks.push({ kind: 'spacer', height: 4 });
	blocks.push({ kind: 'label', text: 'Umsetzungsstand je Handlungsfeld' });
	if (model.fields.length === 0) {
		blocks.push({ kind: 'paragraph', style: 'muted', text: 'Noch keine Handlungsfelder erfasst.' });
	} else {
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: 'Handlungsfeld', width: 0.42 },
				{ title: 'Maßnahmen', width: 0.16, align: 'right' },
				{ title: 'Umsetzungsstand', width: 0.42 }
			],
			rows: model.fields.map((f) => ({
				cells: [`${f.number} ${titleOf(f.title)}`, String(f.total), countsText(f.counts)]
			}))
		});
		blocks.push({
			kind: 'shares',
			title: 'Anteile der Umsetzungsstände je Handlungsfeld',
			legend: IMPL_STATUSES.map((s) => ({
				label: IMPL_STATUS_LABELS[s],
				color: IMPL_STATUS_COLORS[s]
			})),
			rows: model.fields.map((f) => ({
				label: `${f.number} ${titleOf(f.title)}`,
				segments: IMPL_STATUSES.map((s) => ({ value: f.counts[s], color: IMPL_STATUS_COLORS[s] }))
			}))
		});
	}

	// one chapter per Handlungsfeld
	for (const f of model.fields) {
		blocks.push(heading(1, f.number, titleOf(f.title), true));
		if (f.goals.length === 0) {
			blocks.push({
				kind: 'paragraph',
				style: 'muted',
				text: 'Für dieses Handlungsfeld sind keine Ziele erfasst.'
			});
		}
		for (const g of f.goals) {
			blocks.push(heading(2, g.number, titleOf(g.title)));
			blocks.push(...indicatorBlocks(g.indicators, g.id, line));
			if (g.measures.length === 0) {
				blocks.push({
					kind: 'paragraph',
					style: 'muted',
					text: 'Keine Maßnahmen in diesem Bericht.'
				});
				continue;
			}
			blocks.push({
				kind: 'grid',
				columns: [
					{ title: 'Nr.', width: 0.08 },
					{ title: 'Maßnahme', width: 0.37 },
					{ title: 'Stand', width: 0.2 },
					{ title: 'Fortschritt', width: 0.13, align: 'right' },
					{ title: 'Amt', width: 0.22 }
				],
				statusColumn: 2,
				rows: g.measures.map((m) =>
					statusRow(m.status, [
						m.number,
						titleOf(m.title),
						IMPL_STATUS_LABELS[m.status] + (m.overdue ? '\nSachstand überfällig' : ''),
						m.progress === null ? EMPTY_VALUE : `${m.progress} %`,
						line(m.office) || EMPTY_VALUE
					])
				)
			});
			// the Sachstände of the period full width under the table: a long one stays readable
			const withNotes = g.measures.filter((m) => m.notes.length > 0);
			if (withNotes.length === 0) {
				blocks.push({
					kind: 'paragraph',
					style: 'muted',
					text: 'Keine Sachstände im Berichtszeitraum.'
				});
			} else {
				blocks.push({ kind: 'label', text: 'Sachstände im Berichtszeitraum' });
				blocks.push({
					kind: 'table',
					rows: withNotes.map((m) => ({
						label: `${m.number} ${titleOf(m.title)}`,
						value: m.notes
							.map((n) => `${formatDateShort(n.date)}: ${text(n.text) || EMPTY_VALUE}`)
							.join('\n\n')
					}))
				});
			}
			blocks.push({ kind: 'spacer', height: 3 });
		}
	}

	// Änderungen seit dem letzten Bericht
	const changesNumber = String(model.fields.length + 2);
	blocks.push(heading(1, changesNumber, 'Änderungen seit dem letzten Bericht', true));
	const since = model.previous
		? `Änderungen des Umsetzungsstands nach dem letzten Bericht (Berichtszeitraum ${formatDateShort(model.previous.from)}–${formatDateShort(model.previous.to)}) bis zum ${formatDateLong(to)}.`
		: model.changesSince
			? `Es gibt noch keinen früheren Bericht: Änderungen des Umsetzungsstands seit dem Beschluss am ${formatDateLong(model.changesSince)} bis zum ${formatDateLong(to)}.`
			: `Es gibt noch keinen früheren Bericht: alle Änderungen des Umsetzungsstands bis zum ${formatDateLong(to)}.`;
	blocks.push({ kind: 'paragraph', style: 'muted', text: since });
	if (model.changes.length === 0) {
		blocks.push({ kind: 'paragraph', text: 'Keine Änderungen des Umsetzungsstands.' });
	} else {
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: 'Datum', width: 0.13 },
				{ title: 'Maßnahme', width: 0.3 },
				{ title: 'bisher', width: 0.14 },
				{ title: 'neu', width: 0.15 },
				{ title: 'Begründung', width: 0.28 }
			],
			statusColumn: 3,
			rows: model.changes.map((c) =>
				statusRow(c.to, [
					formatDateShort(c.date),
					`${c.number} ${titleOf(c.title)}`,
					IMPL_STATUS_LABELS[c.from],
					IMPL_STATUS_LABELS[c.to],
					text(c.reason) || EMPTY_VALUE
				])
			)
		});
	}

	const title = `${REPORT_TYPE_LABEL} ${planTitle} – Berichtszeitraum ${periodShort}`;
	return {
		title: planTitle,
		typeLabel: REPORT_TYPE_LABEL,
		municipality,
		statusLabel: 'beschlossen',
		dateLabel: formatDateLong(model.today),
		versionLabel: '',
		coverInfo: [
			['Berichtszeitraum', `${formatDateLong(from)} – ${formatDateLong(to)}`],
			['Erstellt am', formatDateLong(model.today)]
		],
		fundingNotice: '',
		draft: false,
		orientation: 'portrait',
		tocDepth: 2,
		blocks,
		metadata: {
			title,
			subject: [REPORT_TYPE_LABEL, municipality].filter(Boolean).join(', '),
			author: municipality || 'Mitplan',
			keywords: 'Umsetzungsbericht, Integrationskonzept, Monitoring, Mitplan'
		}
	};
}
