/**
 * English PDFs (`sprache=en`) carry no German label: every document type with every appendix and
 * the Umsetzungsbericht are laid out and paginated (cover, contents, footer included), their text
 * is searched for German label words; the plan's content is replaced by neutral words first. And
 * German fallbacks of a translated plan are marked "(only in German)" / "(nur auf Deutsch)".
 */
import { describe, expect, it } from 'vitest';
import { examplePlan } from './fixtures';
import { layoutPlan, type LaidOutDocument } from './layout';
import { paginate, PT } from './paginate';
import { EXPORT_TYPES, type ExportOptions, parseExportOptions } from './options';
import { layoutReport } from './report-layout';
import type { TextMetrics } from './text';
import type { PlanJson } from '../domain/types';
import type { ContentMarks } from '../domain/reader-language';
import type { UmsetzungsberichtModel } from '../monitoring/report';
import { PDF_MESSAGES } from './pdf-messages';
import de from '../../../messages/pdf/de.json';

const metrics: TextMetrics = {
	width: (s, style, size) => [...s].length * size * PT * (style === 'bold' ? 0.6 : 0.55)
};

/** Words of German labels that must not be in an English PDF. */
const GERMAN = [
	'Inhalt',
	'Seite',
	'ENTWURF',
	'Statuslegende',
	'Stand der Arbeit',
	'Maßnahme',
	'Anzahl',
	'Anteil',
	'Nr.',
	'Zeitraum',
	'Noch keine',
	'Leitlinie',
	'Handlungsfeld',
	'Ziele',
	'Anlage',
	'Offene',
	'Zeitplan',
	'Ohne',
	'Gesamtplan',
	'Zwischenbericht',
	'Steckbrief',
	'Datum',
	'Stand ',
	'Umsetzung',
	'Überblick',
	'Berichtszeitraum',
	'Sachst',
	'Änderung',
	'Begründung',
	'Fortschritt',
	'Indikator',
	'Gesamt',
	'bisher',
	'Erstellt',
	'beschlossen',
	'nur auf Deutsch',
	'Dezember',
	'Ende offen',
	'Beginn offen'
];

const NEUTRAL = 'Lorem ipsum';
/** The plan with every text replaced by neutral words (content is not a label). */
function neutral(plan: PlanJson): PlanJson {
	const keep = new Set(['id', 'type', 'status', 'priority', 'phase', 'startDate', 'endDate']);
	const walk = (v: unknown, key = ''): unknown => {
		if (typeof v === 'string') return keep.has(key) || key.endsWith('Ids') ? v : NEUTRAL;
		if (Array.isArray(v)) return v.map((x) => walk(x, key));
		if (v && typeof v === 'object') {
			return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
		}
		return v;
	};
	return walk(plan) as PlanJson;
}

function options(raw: Record<string, string>): ExportOptions {
	const parsed = parseExportOptions(raw);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
}

/** All text drawn on the pages, the bookmarks' source (headings) and the metadata. */
function drawn(laid: LaidOutDocument): string {
	const doc = paginate(laid, metrics);
	const texts = doc.pages.flatMap((p) =>
		p.ops.flatMap((op) => ('text' in op && typeof op.text === 'string' ? [op.text] : []))
	);
	return [...texts, ...Object.values(laid.metadata)].join('\n');
}

const germanIn = (s: string) => GERMAN.filter((w) => s.includes(w));

describe('English PDF labels', () => {
	it('the check finds German labels in a German PDF (it can fail)', () => {
		const laid = layoutPlan(neutral(examplePlan()), options({ type: 'gesamtplan' }), {
			today: '2026-12-05'
		});
		expect(germanIn(drawn(laid)).length).toBeGreaterThan(5);
	});

	it('every document type with all appendices: no German label', () => {
		const plan = neutral(examplePlan());
		// open periods in the timeline ("ab …, Ende offen")
		plan.fields[0].goals[0].measures[0].endDate = '';
		plan.fields[0].goals[0].measures[1].startDate = '';
		for (const type of EXPORT_TYPES) {
			const raw: Record<string, string> = {
				type,
				sprache: 'en',
				openPoints: 'true',
				consideration: 'true'
			};
			if (type !== 'steckbriefe') raw.timeline = 'true';
			if (type === 'handlungsfelder') raw.fields = plan.fields[0].id;
			const laid = layoutPlan(plan, options(raw), { today: '2026-12-05' });
			expect(germanIn(drawn(laid)), type).toEqual([]);
		}
	});

	it('the Umsetzungsbericht in English: no German label', () => {
		expect(germanIn(drawn(layoutReport(reportModel('en'))))).toEqual([]);
		// and the German one still is German
		expect(drawn(layoutReport(reportModel('de')))).toContain('Berichtszeitraum');
	});

	it('every pdf_* message is available to the layouts', () => {
		for (const key of Object.keys(de)) expect(PDF_MESSAGES, key).toHaveProperty(key);
	});
});

describe('German fallbacks are marked', () => {
	const plan = neutral(examplePlan());
	const measure = plan.fields[0].goals[0].measures[0];
	const marks: ContentMarks = {
		[measure.id]: {
			title: { lang: 'de', dir: 'ltr', fallback: true },
			description: { lang: 'de', dir: 'ltr', fallback: true },
			effect: { lang: 'en', dir: 'ltr', fallback: false }
		}
	};
	it('in the label language, next to the field and under the title', () => {
		const en = layoutPlan(plan, options({ type: 'steckbriefe', sprache: 'en' }), { marks });
		const rows = en.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
		const description = rows.find((r) => r.label === 'Description' && r.note);
		expect(description?.note).toBe('(only in German)');
		expect(rows.filter((r) => r.note)).toHaveLength(1);
		const text = drawn(en);
		expect(text).toContain('(only in German)');
		expect(text).toContain('Title only in German');
		const ar = layoutPlan(plan, options({ type: 'steckbriefe', sprache: 'ar' }), { marks });
		expect(drawn(ar)).toContain('(nur auf Deutsch)');
	});
	it('nothing is marked without marks', () => {
		const en = layoutPlan(plan, options({ type: 'steckbriefe', sprache: 'en' }), {});
		expect(drawn(en)).not.toContain('only in German');
	});
	it('the report marks a German measure title', () => {
		const m = reportModel('en');
		m.fields[0].goals[0].measures[0].titleFallback = true;
		expect(drawn(layoutReport(m))).toContain('(only in German)');
	});
});

function reportModel(locale: 'de' | 'en'): UmsetzungsberichtModel {
	const counts = {
		nicht_begonnen: 1,
		geplant: 0,
		in_umsetzung: 1,
		verzoegert: 0,
		umgesetzt: 0,
		dauerhaft_etabliert: 0,
		eingestellt: 0,
		unbekannt: 0
	};
	return {
		planTitle: NEUTRAL,
		municipality: NEUTRAL,
		period: { from: '2027-01-01', to: '2027-06-30' },
		today: '2027-07-01',
		adoption: { date: '2026-12-01', body: NEUTRAL, reference: 'SR-1' },
		previous: null,
		changesSince: '2026-12-01',
		counts,
		total: 2,
		progress: 50,
		notesInPeriod: 1,
		locale,
		fields: [
			{
				id: 'f1',
				number: '2',
				title: NEUTRAL,
				counts,
				total: 2,
				goals: [
					{
						id: 'g1',
						number: '2.1',
						title: NEUTRAL,
						indicators: [],
						measures: [
							{
								id: 'm1',
								number: '2.1.1',
								title: NEUTRAL,
								status: 'in_umsetzung',
								progress: 50,
								office: NEUTRAL,
								overdue: true,
								notes: [{ date: '2027-02-01', text: NEUTRAL }]
							},
							{
								id: 'm2',
								number: '2.1.2',
								title: NEUTRAL,
								status: 'nicht_begonnen',
								progress: null,
								office: '',
								overdue: false,
								notes: []
							}
						]
					}
				]
			}
		],
		changes: [
			{
				number: '2.1.1',
				title: NEUTRAL,
				from: 'nicht_begonnen',
				to: 'in_umsetzung',
				reason: NEUTRAL,
				date: '2027-03-01'
			}
		]
	};
}
