/**
 * The Umsetzungsbericht model: period parsing and defaults, Sachstände filtered to the period,
 * status at the period's end, changes since the last report, the includeMeasure filter, and
 * the laid-out PDF text (read back with pdfjs).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPlan, readPlan } from '../domain/index';
import { emptyImplementation, type Implementation } from '../domain/monitoring';
import { exportReportPdfNode } from '../export/node';
import { layoutReport } from '../export/report-layout';
import { readPdf } from '../export/pdf-reader';
import {
	buildUmsetzungsbericht,
	defaultPeriod,
	parseReportPeriod,
	previousReport,
	statusAt,
	type ReportInput
} from './report';

const ZONE = 'Europe/Berlin';
const who = { id: 'u1', name: 'Rita' };

function setup() {
	const doc = new Y.Doc();
	buildPlan(doc, { fields: 2, goalsPerField: 1, measuresPerGoal: 2 });
	const plan = readPlan(doc, 'p1');
	const [a, b] = plan.fields[0].goals[0].measures;
	const [c] = plan.fields[1].goals[0].measures;
	const note = (id: string, date: string, text: string) => ({
		id,
		date,
		text,
		author: who,
		createdAt: `${date}T08:00:00.000Z`
	});
	const impls: Record<string, Implementation> = {
		[a.id]: {
			...emptyImplementation(a.id),
			status: 'umgesetzt',
			percent: 100,
			office: 'Schulamt',
			notes: [
				note('n3', '2027-08-01', 'Nach dem Zeitraum'),
				note('n2', '2027-03-15', 'Im Zeitraum März'),
				note('n1', '2026-12-20', 'Vor dem Zeitraum')
			],
			// newest first: in_umsetzung (Feb) → umgesetzt (Jul, after the period)
			history: [
				{
					from: 'in_umsetzung',
					to: 'umgesetzt',
					reason: 'fertig',
					by: who,
					at: '2027-07-10T10:00:00Z'
				},
				{
					from: 'nicht_begonnen',
					to: 'in_umsetzung',
					reason: 'Start',
					by: who,
					at: '2027-02-01T10:00:00Z'
				}
			]
		},
		[b.id]: {
			...emptyImplementation(b.id),
			status: 'verzoegert',
			history: [
				{
					from: 'geplant',
					to: 'verzoegert',
					reason: 'Personal fehlt',
					by: who,
					at: '2027-05-02T10:00:00Z'
				},
				{
					from: 'nicht_begonnen',
					to: 'geplant',
					reason: 'Konzept steht',
					by: who,
					at: '2027-01-05T10:00:00Z'
				}
			]
		}
	};
	const input: ReportInput = {
		plan,
		impls,
		adoption: { date: '2026-12-01', body: 'Stadtrat', reference: 'SR-1' },
		indicators: [],
		reports: [],
		period: { from: '2027-01-01', to: '2027-06-30' },
		today: '2027-07-20',
		timeZone: ZONE
	};
	return { plan, a, b, c, input };
}

describe('report period', () => {
	it('takes von/bis, defaults missing ones and refuses bad dates or the wrong order (German)', () => {
		const fallback = { from: '2027-01-01', to: '2027-07-01' };
		expect(parseReportPeriod({}, fallback)).toEqual({ ok: true, value: fallback });
		expect(parseReportPeriod({ von: '2027-03-01' }, fallback)).toEqual({
			ok: true,
			value: { from: '2027-03-01', to: '2027-07-01' }
		});
		const bad = parseReportPeriod({ von: '2027-02-30' }, fallback);
		expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_dates', field: 'von' } });
		if (!bad.ok) expect(bad.error.message).toMatch(/Beginn des Berichtszeitraums/);
		const order = parseReportPeriod({ von: '2027-05-01', bis: '2027-04-01' }, fallback);
		expect(order).toMatchObject({ ok: false, error: { field: 'bis' } });
		if (!order.ok) expect(order.error.message).toMatch(/endet \(01\.04\.2027\) vor seinem Beginn/);
	});

	it('defaults to the day after the last report, else the adoption, then today', () => {
		const reports = [
			{ from: '2027-01-01', to: '2027-03-31', generatedAt: '2027-04-02T08:00:00Z' },
			{ from: '2027-04-01', to: '2027-06-30', generatedAt: '2027-07-01T08:00:00Z' }
		];
		expect(defaultPeriod(reports, '2026-12-01', '2027-09-10')).toEqual({
			from: '2027-07-01',
			to: '2027-09-10'
		});
		expect(defaultPeriod([], '2026-12-01', '2027-09-10')).toEqual({
			from: '2026-12-01',
			to: '2027-09-10'
		});
		expect(defaultPeriod([], null, '2027-09-10').from).toBe('2027-01-01');
		// a report that ended today: the period is just today, never reversed
		expect(defaultPeriod([{ ...reports[0], to: '2027-09-10' }], null, '2027-09-10')).toEqual({
			from: '2027-09-10',
			to: '2027-09-10'
		});
	});

	it('finds the previous report by its end before this period’s end (a re-download is not “previous”)', () => {
		const q1 = { from: '2027-01-01', to: '2027-03-31', generatedAt: '2027-04-02T08:00:00Z' };
		const q2 = { from: '2027-04-01', to: '2027-06-30', generatedAt: '2027-07-01T08:00:00Z' };
		expect(previousReport([q1, q2], { from: '2027-04-01', to: '2027-06-30' })).toEqual(q1);
		expect(previousReport([q1, q2], { from: '2027-07-01', to: '2027-09-30' })).toEqual(q2);
		expect(previousReport([q1, q2], { from: '2027-01-01', to: '2027-03-31' })).toBeNull();
	});
});

describe('buildUmsetzungsbericht', () => {
	it('keeps only the Sachstände dated inside the period, oldest first', () => {
		const { a, input } = setup();
		const model = buildUmsetzungsbericht(input);
		const m = model.fields[0].goals[0].measures.find((x) => x.id === a.id)!;
		expect(m.notes.map((n) => n.text)).toEqual(['Im Zeitraum März']);
		expect(model.notesInPeriod).toBe(1);
		const wider = buildUmsetzungsbericht({
			...input,
			period: { from: '2026-12-01', to: '2027-08-31' }
		});
		expect(wider.fields[0].goals[0].measures[0].notes.map((n) => n.text)).toEqual([
			'Vor dem Zeitraum',
			'Im Zeitraum März',
			'Nach dem Zeitraum'
		]);
	});

	it('shows the status at the end of the period and counts it per field', () => {
		const { a, input } = setup();
		expect(statusAt(input.impls[a.id], '2027-06-30', ZONE)).toBe('in_umsetzung');
		expect(statusAt(input.impls[a.id], '2027-07-10', ZONE)).toBe('umgesetzt');
		expect(statusAt(input.impls[a.id], '2027-01-31', ZONE)).toBe('nicht_begonnen');
		const model = buildUmsetzungsbericht(input);
		expect(model.fields[0].counts).toMatchObject({ in_umsetzung: 1, verzoegert: 1, umgesetzt: 0 });
		expect(model.fields[0].total).toBe(2);
		// a measure without a record counts as "nicht begonnen"
		expect(model.fields[1].counts.nicht_begonnen).toBe(2);
		expect(model.total).toBe(4);
		expect(model.fields.map((f) => f.number)).toEqual(['2', '3']);
		expect(model.fields[0].goals[0].measures.map((m) => m.number)).toEqual(['2.1.1', '2.1.2']);
	});

	it('lists the status changes since the last report up to the period’s end', () => {
		const { input } = setup();
		// no earlier report: everything since the adoption, none after the period's end
		const first = buildUmsetzungsbericht(input);
		expect(first.previous).toBeNull();
		expect(first.changes.map((c) => `${c.date} ${c.to}`)).toEqual([
			'2027-05-02 verzoegert',
			'2027-02-01 in_umsetzung',
			'2027-01-05 geplant'
		]);
		// after a report up to 31 March only the later change remains
		const q1 = { from: '2027-01-01', to: '2027-03-31', generatedAt: '2027-04-01T09:00:00Z' };
		const second = buildUmsetzungsbericht({
			...input,
			reports: [q1],
			period: { from: '2027-04-01', to: '2027-06-30' }
		});
		expect(second.previous).toEqual(q1);
		expect(second.changes).toHaveLength(1);
		expect(second.changes[0]).toMatchObject({
			from: 'geplant',
			to: 'verzoegert',
			reason: 'Personal fehlt'
		});
	});

	it('leaves out measures includeMeasure refuses (counts, notes, changes), numbering kept', () => {
		const { a, b, input } = setup();
		const model = buildUmsetzungsbericht({ ...input, includeMeasure: (id) => id !== a.id });
		const shown = model.fields[0].goals[0].measures;
		expect(shown.map((m) => m.id)).toEqual([b.id]);
		expect(shown[0].number).toBe('2.1.2');
		expect(model.total).toBe(3);
		expect(model.notesInPeriod).toBe(0);
		expect(model.changes.every((c) => c.number === '2.1.2')).toBe(true);
		expect(model.fields[0].counts.in_umsetzung).toBe(0);
	});

	it('renders a PDF whose text has the status table, the period’s note and not the others', async () => {
		const { input } = setup();
		const pdf = exportReportPdfNode(buildUmsetzungsbericht(input));
		const read = await readPdf(pdf.bytes);
		const all = read.pages.join('\n');
		expect(all).toContain('Umsetzungsbericht');
		expect(all).toContain('Maßnahmen nach Umsetzungsstand'.toUpperCase());
		expect(all).toContain('verzögert');
		expect(all).toContain('Im Zeitraum März');
		expect(all).not.toContain('Vor dem Zeitraum');
		expect(all).not.toContain('Nach dem Zeitraum');
		expect(all).toContain('Änderungen seit dem letzten Bericht');
		expect(all).toContain('Personal fehlt');
		expect(String(read.info.Title)).toBe(
			'Umsetzungsbericht Testplan – Berichtszeitraum 01.01.2027–30.06.2027'
		);
		expect(pdf.fileName).toBe('testplan-umsetzungsbericht-2027-01-01-bis-2027-06-30.pdf');
	});
});

describe('untitled entries', () => {
	it('leaves empty titles empty in the model; the layout words them in the PDF language', () => {
		const { input, plan } = setup();
		const fields = plan.fields.map((f, i) => (i === 0 ? { ...f, title: ' ' } : f));
		const untitled = { ...input, plan: { ...plan, fields } };
		const de = buildUmsetzungsbericht(untitled);
		expect(de.fields[0].title).toBe('');
		expect(JSON.stringify(layoutReport(de))).toContain('2 Ohne Titel');
		const en = JSON.stringify(layoutReport(buildUmsetzungsbericht({ ...untitled, locale: 'en' })));
		expect(en).toContain('2 Untitled');
		expect(en).not.toContain('Ohne Titel');
	});
});
