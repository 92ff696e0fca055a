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

export const TIMELINE_TITLE = 'Zeitplan der Maßnahmen';

/** Is the section part of this export? Default: on for Gesamtplan and Zwischenbericht. */
export function timelineWanted(options: Pick<ExportOptions, 'type' | 'timeline'>): boolean {
	if (options.type === 'steckbriefe') return false;
	return options.timeline ?? (options.type === 'gesamtplan' || options.type === 'zwischenbericht');
}

export function timelineBlocks(
	plan: PlanJson,
	fieldIds: readonly string[],
	line: (s: string) => string
): Block[] {
	const t = measureTimeline(plan, fieldIds);
	// a plan without measures gets no empty chart section
	if (t.dated + t.undated === 0) return [];
	const blocks: Block[] = [
		{ kind: 'pageBreak' },
		{ kind: 'heading', level: 1, number: '', text: TIMELINE_TITLE, toc: true, visible: true },
		{
			kind: 'paragraph',
			style: 'muted',
			text:
				'Beginn und Abschluss der Maßnahmen je Handlungsfeld. Die Farbe eines Balkens zeigt den Status ' +
				'(siehe Statuslegende); eine gepunktete Linie steht für einen noch offenen Beginn oder Abschluss.'
		}
	];
	if (!t.axis) {
		blocks.push({
			kind: 'paragraph',
			style: 'muted',
			text: 'Noch keine Maßnahme hat einen Beginn oder Abschluss.'
		});
	}
	const ticks = t.axis?.ticks.map((k) => ({ x: k.x, label: k.label })) ?? [];
	for (const f of t.fields) {
		// unnumbered: the number belongs to the field's own chapter (and its bookmark)
		blocks.push({
			kind: 'heading',
			level: 3,
			number: '',
			text: `Handlungsfeld ${f.number}: ${line(f.title) || 'Ohne Titel'}`,
			toc: false,
			visible: true
		});
		if (f.bars.length === 0 && f.undated.length === 0) {
			blocks.push({ kind: 'paragraph', style: 'muted', text: 'Noch keine Maßnahmen.' });
			continue;
		}
		if (f.bars.length > 0) {
			blocks.push({
				kind: 'timeline',
				ticks,
				rows: f.bars.map((b) => ({
					label: `${b.number} ${line(b.title) || 'Ohne Titel'}`,
					range: b.range,
					x: b.x,
					width: b.width,
					openStart: b.openStart,
					openEnd: b.openEnd,
					status: b.status
				}))
			});
		}
		if (f.undated.length > 0) {
			blocks.push({ kind: 'label', text: `Ohne Zeitangabe (${f.undated.length})` });
			blocks.push({
				kind: 'paragraph',
				text: f.undated.map((u) => `${u.number} ${line(u.title) || 'Ohne Titel'}`).join('\n')
			});
		}
	}
	return blocks;
}
