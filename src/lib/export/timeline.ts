/**
 * "Zeitplan der Maßnahmen": the measure timeline (domain/measure-timeline.ts) as a section of the
 * PDF (Gesamtplan and Zwischenbericht by default, option `timeline`): per Handlungsfeld a Gantt
 * chart block over one shared axis, then the measures without dates ("Ohne Zeitangabe"). A plan
 * (or selection) without any measure gets no section.
 */
import { measureTimeline } from '../domain/measure-timeline';
import type { PlanJson } from '../domain/types';
import type { Block } from './blocks';
import type { ExportOptions } from './options';
import { exportLabels, pdfText, type ExportLabels } from './labels';

export const TIMELINE_TITLE = 'Zeitplan der Maßnahmen';

/** Is the section part of this export? Default: on for Gesamtplan and Zwischenbericht. */
export function timelineWanted(options: Pick<ExportOptions, 'type' | 'timeline'>): boolean {
	if (options.type === 'steckbriefe') return false;
	return options.timeline ?? (options.type === 'gesamtplan' || options.type === 'zwischenbericht');
}

export function timelineBlocks(
	plan: PlanJson,
	fieldIds: readonly string[],
	line: (s: string) => string,
	labels: ExportLabels = exportLabels(undefined)
): Block[] {
	const w = pdfText(labels.locale);
	const untitled = w('pdf_untitled');
	const t = measureTimeline(plan, fieldIds);
	// a plan without measures gets no empty chart section
	if (t.dated + t.undated === 0) return [];
	const blocks: Block[] = [
		{ kind: 'pageBreak' },
		{
			kind: 'heading',
			level: 1,
			number: '',
			text: w('pdf_timeline_title'),
			toc: true,
			visible: true
		},
		{
			kind: 'paragraph',
			style: 'muted',
			text: w('pdf_timeline_intro')
		}
	];
	if (!t.axis) {
		blocks.push({
			kind: 'paragraph',
			style: 'muted',
			text: w('pdf_timeline_empty')
		});
	}
	const ticks = t.axis?.ticks.map((k) => ({ x: k.x, label: k.label })) ?? [];
	for (const f of t.fields) {
		// unnumbered: the number belongs to the field's own chapter (and its bookmark)
		blocks.push({
			kind: 'heading',
			level: 3,
			number: '',
			text: `${labels.ITEM_TYPE_LABELS.field.singular} ${f.number}: ${line(f.title) || untitled}`,
			toc: false,
			visible: true
		});
		if (f.bars.length === 0 && f.undated.length === 0) {
			blocks.push({ kind: 'paragraph', style: 'muted', text: w('pdf_empty_measures') });
			continue;
		}
		if (f.bars.length > 0) {
			blocks.push({
				kind: 'timeline',
				ticks,
				header: labels.ITEM_TYPE_LABELS.measure.singular,
				rows: f.bars.map((b) => ({
					label: `${b.number} ${line(b.title) || untitled}`,
					range: labels.locale === 'en' ? rangeEn(b.range) : b.range,
					x: b.x,
					width: b.width,
					openStart: b.openStart,
					openEnd: b.openEnd,
					status: b.status
				}))
			});
		}
		if (f.undated.length > 0) {
			blocks.push({ kind: 'label', text: w('pdf_timeline_undated', { count: f.undated.length }) });
			blocks.push({
				kind: 'paragraph',
				text: f.undated.map((u) => `${u.number} ${line(u.title) || untitled}`).join('\n')
			});
		}
	}
	return blocks;
}

/** The German period words of measure-timeline.ts in English (dates stay as they are). */
function rangeEn(range: string): string {
	return range
		.replace(/^ab (.+), Ende offen$/, 'from $1, end open')
		.replace(/^bis (.+), Beginn offen$/, 'until $1, start open')
		.replace(' (Abschluss liegt vor dem Beginn)', ' (end before start)')
		.replace(/^ohne Zeitangabe$/, 'no dates');
}
