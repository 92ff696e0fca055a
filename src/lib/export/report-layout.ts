/**
 * Layout of the "Umsetzungsbericht" (issue 14, item 7): the report model
 * (src/lib/monitoring/report.ts) → the same blocks as the council PDF (layout.ts), so pagination,
 * typography, header/footer and bookmarks are shared. Chapters: 1 Überblick (status counts of
 * the plan and per Handlungsfeld, with share bars), one per Handlungsfeld (per goal the indicator
 * charts, a table of its measures with status, progress and Amt, then the period's Sachstände),
 * last "Änderungen seit dem letzten Bericht". Pure; no jsPDF. Labels in the model's `locale`
 * (German or English, labels.ts); titles shown in German for want of a translation are marked.
 */
import { IMPL_STATUSES, IMPL_STATUS_LABELS, type ImplStatus } from '../domain/monitoring';
import type { UmsetzungsberichtModel } from '../monitoring/report';
import type { Block, HeadingBlock } from './blocks';
import { indicatorBlocks } from './indicator-blocks';
import { dateLongIn, pdfText, quoteIn } from './labels';
import type { LaidOutDocument, Rgb } from './layout';
import { EMPTY_VALUE, cleanLine, cleanText, formatDateShort } from './text';

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
	const locale = model.locale ?? 'de';
	const t = pdfText(locale);
	const formatDateLong = (iso: string) => dateLongIn(locale, iso);
	const statusLabel = (s: ImplStatus) =>
		locale === 'en' ? t(`monitoring_status_${s}`) : IMPL_STATUS_LABELS[s];
	const typeLabel = locale === 'en' ? t('pdf_report_type') : REPORT_TYPE_LABEL;
	const text = (s: string) => cleanText(s, env.hasGlyph);
	const line = (s: string) => cleanLine(s, env.hasGlyph);
	const untitled = t('pdf_untitled');
	const titleOf = (s: string) => line(s) || untitled;
	const onlyGerman = t('pdf_only_german');
	/** a title shown in German for want of a translation gets the note (cells: on a new line) */
	const marked = (item: { title: string; titleFallback?: boolean }, sep = '\n') =>
		item.titleFallback ? `${titleOf(item.title)}${sep}${onlyGerman}` : titleOf(item.title);
	const titleNote = (item: { titleFallback?: boolean }): Block[] =>
		item.titleFallback
			? [{ kind: 'paragraph', style: 'muted', text: t('pdf_title_only_german') }]
			: [];
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
			.map((s) => `${counts[s]} ${statusLabel(s)}`)
			.join(', ') || EMPTY_VALUE;

	// 1 Überblick
	blocks.push(heading(1, '1', t('pdf_report_overview')));
	const adoptionDetails = model.adoption
		? [model.adoption.body, model.adoption.reference].map(line).filter(Boolean).join(', ')
		: '';
	const adoption = model.adoption
		? ' ' +
			t('pdf_report_adoption', {
				date: formatDateLong(model.adoption.date),
				details: adoptionDetails ? ` (${adoptionDetails})` : ''
			})
		: '';
	const many = <K extends Parameters<typeof t>[0]>(count: number, one: K, other: K) =>
		count === 1 ? t(one) : (t(other, { count } as never) as string);
	blocks.push({
		kind: 'paragraph',
		text:
			t('pdf_report_intro', {
				title: quoteIn(locale, planTitle),
				from: formatDateLong(from),
				to: formatDateLong(to),
				measures: many(model.total, 'pdf_report_measures_one', 'pdf_report_measures_many'),
				notes: many(model.notesInPeriod, 'pdf_report_notes_one', 'pdf_report_notes_many'),
				changes: many(model.changes.length, 'pdf_report_changes_one', 'pdf_report_changes_many')
			}) + adoption
	});
	blocks.push({
		kind: 'paragraph',
		style: 'muted',
		text: t('pdf_report_status_note', { date: formatDateShort(to) })
	});
	blocks.push({ kind: 'spacer', height: 2 });
	blocks.push({ kind: 'label', text: t('pdf_report_by_status') });
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: t('pdf_report_status'), width: 0.5 },
			{ title: t('pdf_col_count'), width: 0.25, align: 'right' },
			{ title: t('pdf_col_share'), width: 0.25, align: 'right' }
		],
		statusColumn: 0,
		rows: [
			...IMPL_STATUSES.map((s) =>
				statusRow(s, [
					statusLabel(s),
					String(model.counts[s]),
					percent(model.counts[s], model.total)
				])
			),
			{
				cells: [
					`${t('pdf_report_total')}${model.progress !== null ? ` (${t('pdf_report_mean_progress', { progress: model.progress })})` : ''}`,
					String(model.total),
					model.total ? '100 %' : EMPTY_VALUE
				]
			}
		]
	});
	blocks.push({ kind: 'spacer', height: 4 });
	blocks.push({ kind: 'label', text: t('pdf_report_per_field') });
	if (model.fields.length === 0) {
		blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_empty_fields') });
	} else {
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: locale === 'en' ? 'Field of action' : 'Handlungsfeld', width: 0.42 },
				{ title: locale === 'en' ? 'Measures' : 'Maßnahmen', width: 0.16, align: 'right' },
				{ title: t('pdf_report_status'), width: 0.42 }
			],
			rows: model.fields.map((f) => ({
				cells: [`${f.number} ${marked(f)}`, String(f.total), countsText(f.counts)]
			}))
		});
		blocks.push({
			kind: 'shares',
			title: t('pdf_report_shares'),
			legend: IMPL_STATUSES.map((s) => ({
				label: statusLabel(s),
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
		blocks.push(...titleNote(f));
		if (f.goals.length === 0) {
			blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_report_no_goals') });
		}
		for (const g of f.goals) {
			blocks.push(heading(2, g.number, titleOf(g.title)));
			blocks.push(...titleNote(g));
			blocks.push(...indicatorBlocks(g.indicators, g.id, line, locale));
			if (g.measures.length === 0) {
				blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_report_no_measures') });
				continue;
			}
			blocks.push({
				kind: 'grid',
				columns: [
					{ title: t('pdf_col_number'), width: 0.08 },
					{ title: locale === 'en' ? 'Measure' : 'Maßnahme', width: 0.37 },
					{ title: t('pdf_report_col_status'), width: 0.2 },
					{ title: t('pdf_report_col_progress'), width: 0.13, align: 'right' },
					{ title: t('pdf_report_col_office'), width: 0.22 }
				],
				statusColumn: 2,
				rows: g.measures.map((m) =>
					statusRow(m.status, [
						m.number,
						marked(m),
						statusLabel(m.status) + (m.overdue ? `\n${t('pdf_report_overdue')}` : ''),
						m.progress === null ? EMPTY_VALUE : `${m.progress} %`,
						line(m.office) || EMPTY_VALUE
					])
				)
			});
			// the Sachstände of the period full width under the table: a long one stays readable
			const withNotes = g.measures.filter((m) => m.notes.length > 0);
			if (withNotes.length === 0) {
				blocks.push({ kind: 'paragraph', style: 'muted', text: t('pdf_report_no_notes') });
			} else {
				blocks.push({ kind: 'label', text: t('pdf_report_notes') });
				blocks.push({
					kind: 'table',
					rows: withNotes.map((m) => ({
						label: `${m.number} ${titleOf(m.title)}`,
						...(m.titleFallback ? { note: onlyGerman } : {}),
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
	blocks.push(heading(1, changesNumber, t('pdf_report_changes'), true));
	const until = formatDateLong(to);
	const since = model.previous
		? t('pdf_report_since_previous', {
				from: formatDateShort(model.previous.from),
				to: formatDateShort(model.previous.to),
				until
			})
		: model.changesSince
			? t('pdf_report_since_adoption', { since: formatDateLong(model.changesSince), until })
			: t('pdf_report_since_start', { until });
	blocks.push({ kind: 'paragraph', style: 'muted', text: since });
	if (model.changes.length === 0) {
		blocks.push({ kind: 'paragraph', text: t('pdf_report_no_changes') });
	} else {
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: t('pdf_report_col_date'), width: 0.13 },
				{ title: locale === 'en' ? 'Measure' : 'Maßnahme', width: 0.3 },
				{ title: t('pdf_report_col_before'), width: 0.14 },
				{ title: t('pdf_report_col_after'), width: 0.15 },
				{ title: t('pdf_reason'), width: 0.28 }
			],
			statusColumn: 3,
			rows: model.changes.map((c) =>
				statusRow(c.to, [
					formatDateShort(c.date),
					`${c.number} ${titleOf(c.title)}`,
					statusLabel(c.from),
					statusLabel(c.to),
					text(c.reason) || EMPTY_VALUE
				])
			)
		});
	}

	const title = t('pdf_report_meta_title', {
		type: typeLabel,
		title: planTitle,
		period: periodShort
	});
	return {
		title: planTitle,
		typeLabel,
		municipality,
		statusLabel: t('pdf_report_adopted'),
		dateLabel: formatDateLong(model.today),
		versionLabel: '',
		coverInfo: [
			[t('pdf_report_period'), `${formatDateLong(from)} – ${formatDateLong(to)}`],
			[t('pdf_report_created'), formatDateLong(model.today)]
		],
		fundingNotice: '',
		draft: false,
		orientation: 'portrait',
		tocDepth: 2,
		blocks,
		metadata: {
			title,
			subject: [typeLabel, municipality].filter(Boolean).join(', '),
			author: municipality || 'Mitplan',
			keywords: t('pdf_report_keywords')
		},
		locale
	};
}
