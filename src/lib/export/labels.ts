/**
 * Labels of the plan PDF per reader language (`sprache`, issue 15 item 5): English readers get
 * English labels (item types, field names, statuses, priorities, phases, plan status and a few
 * words of the measure pages) and English texts (cover, contents, legend, appendices, footer,
 * the Umsetzungsbericht: messages/pdf, `pdf_*`); every other language keeps the German labels of
 * the official document (only the content is translated). Imports are relative (not `$lib`): the
 * export worker (server/export) bundles this file.
 */
import {
	FIELD_LABELS,
	ITEM_TYPE_LABELS,
	MEASURE_STATUS_LABELS,
	PHASE_LABELS,
	PLAN_STATUS_LABELS,
	PRIORITY_LABELS
} from '../domain/labels';
import type { ItemType, MeasureStatus, Phase, PlanStatus, Priority } from '../domain/types';
import { quoteDe } from '../domain/quote';
import { formatDateLong } from './text';
import { PDF_MESSAGES } from './pdf-messages';
import { EXPORT_TYPE_LABELS, type ExportType } from './options';

/** The language of a PDF's labels: English for `sprache=en`, German otherwise. */
export type LabelLocale = 'de' | 'en';

type FieldLabels = {
	[T in keyof typeof FIELD_LABELS]: Record<keyof (typeof FIELD_LABELS)[T], string>;
};

export interface ExportLabels {
	locale: LabelLocale;
	ITEM_TYPE_LABELS: Record<ItemType, { singular: string; plural: string }>;
	FIELD_LABELS: FieldLabels;
	MEASURE_STATUS_LABELS: Record<MeasureStatus, string>;
	PHASE_LABELS: Record<Phase, string>;
	PLAN_STATUS_LABELS: Record<PlanStatus, string>;
	PRIORITY_LABELS: Record<Priority, string>;
	/** "Maßnahmensteckbrief" */
	measureProfile: string;
	/** "Zeitraum" of a measure */
	period: string;
	/** an open start or end of the period */
	open: string;
}

const GERMAN: ExportLabels = {
	locale: 'de',
	ITEM_TYPE_LABELS,
	FIELD_LABELS,
	MEASURE_STATUS_LABELS,
	PHASE_LABELS,
	PLAN_STATUS_LABELS,
	PRIORITY_LABELS,
	measureProfile: 'Maßnahmensteckbrief',
	period: 'Zeitraum',
	open: 'offen'
};

const ENGLISH: ExportLabels = {
	locale: 'en',
	ITEM_TYPE_LABELS: {
		principle: { singular: 'Guiding principle', plural: 'Guiding principles' },
		field: { singular: 'Field of action', plural: 'Fields of action' },
		goal: { singular: 'Goal', plural: 'Goals' },
		measure: { singular: 'Measure', plural: 'Measures' }
	},
	FIELD_LABELS: {
		principle: {
			title: 'Title',
			statement: 'Principle',
			rationale: 'Why does it matter?',
			evidence: 'How can you tell it is lived?',
			vision: 'What will it have achieved in 10 years?',
			implications: 'Meaning for the fields of action'
		},
		field: {
			title: 'Title',
			situation: 'Starting point',
			workingGroup: 'Working group',
			phase: 'Phase'
		},
		goal: {
			title: 'Title',
			description: 'Description',
			specific: 'Specific and understandable',
			benefit: 'Benefit for the guiding principles',
			attractiveness: 'Attractive – for whom, for whom not?',
			indicator: 'Measurable (indicator)',
			realism: 'Realistic',
			principleIds: 'Linked guiding principles'
		},
		measure: {
			title: 'Title',
			description: 'Description',
			effect: 'Intended effect',
			targetGroup: 'Target group',
			benefit: 'Benefit for the goal',
			lead: 'Lead',
			contributors: 'Partners',
			resources: 'Resources (money, staff, rooms)',
			startDate: 'Start',
			endDate: 'End',
			priority: 'Priority',
			status: 'Status'
		}
	},
	MEASURE_STATUS_LABELS: {
		idee: 'idea',
		geplant: 'planned',
		in_umsetzung: 'in progress',
		umgesetzt: 'implemented',
		zurueckgestellt: 'postponed'
	},
	PHASE_LABELS: {
		A: 'A – Starting point',
		B: 'B – Goals',
		C: 'C – Measures',
		D: 'D – Administrative review'
	},
	PLAN_STATUS_LABELS: { entwurf: 'draft', in_beratung: 'under discussion', beschlossen: 'adopted' },
	PRIORITY_LABELS: { '': 'no priority', hoch: 'high', mittel: 'medium', niedrig: 'low' },
	measureProfile: 'Measure profile',
	period: 'Period',
	open: 'open'
};

/** The label language of a PDF in `sprache` (undefined = German). */
export function labelLocale(sprache: string | null | undefined): LabelLocale {
	return sprache === 'en' ? 'en' : 'de';
}

/** The labels for a PDF in `sprache` (undefined = German). */
export function exportLabels(sprache: string | null | undefined): ExportLabels {
	return labelLocale(sprache) === 'en' ? ENGLISH : GERMAN;
}

type Messages = typeof PDF_MESSAGES;
type PdfKey = keyof Messages;
type Params<K extends PdfKey> = Parameters<Messages[K]>[0];

/** A `pdf_*` message in the PDF's label language: `pdfText('en')('pdf_contents')`. */
export function pdfText(locale: LabelLocale) {
	return <K extends PdfKey>(key: K, params?: Params<K>): string =>
		(PDF_MESSAGES[key] as (p: unknown, o: { locale: LabelLocale }) => string)(params ?? {}, {
			locale
		});
}

const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** The document type's name in the PDF's label language. */
export function exportTypeLabel(type: ExportType, locale: LabelLocale): string {
	return locale === 'en' ? pdfText('en')(`pdf_type_${type}`) : EXPORT_TYPE_LABELS[type];
}

/** "2026-11-21" → "21. November 2026" (German) / "21 November 2026" (English). */
export function dateLongIn(locale: LabelLocale, iso: string): string {
	if (locale === 'de') return formatDateLong(iso);
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return `${Number(m[3])} ${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`;
}

/** A title in quotes of the label language: „…“ (German) or “…” (English). */
export function quoteIn(locale: LabelLocale, s: string): string {
	return locale === 'en' ? `“${s}”` : quoteDe(s);
}

/** 12.5 → "12,5" (German) / "12.5" (English). */
export function numberIn(locale: LabelLocale, n: number): string {
	return n.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 2 });
}
