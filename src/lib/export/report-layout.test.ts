/**
 * The Umsetzungsbericht layout without a font: chapters and their numbers, the cover's
 * Berichtszeitraum, share bars proportional to the status counts, the Sachstände table under a
 * goal, the changes chapter; all content fits the page width.
 */
import { describe, expect, it } from 'vitest';
import type { UmsetzungsberichtModel } from '../monitoring/report';
import type { StatusCounts } from '../domain/monitoring';
import { paginate, PT, type Op } from './paginate';
import { IMPL_STATUS_COLORS, layoutReport } from './report-layout';
import type { TextMetrics } from './text';

const metrics: TextMetrics = {
	width: (s, style, size) => [...s].length * size * PT * (style === 'bold' ? 0.6 : 0.55)
};

function model(): UmsetzungsberichtModel {
	const counts: StatusCounts = {
		nicht_begonnen: 1,
		geplant: 0,
		in_umsetzung: 3,
		verzoegert: 0,
		umgesetzt: 0,
		dauerhaft_etabliert: 0,
		eingestellt: 0,
		unbekannt: 0
	};
	return {
		planTitle: 'Integrationskonzept',
		municipality: 'Musterstadt',
		period: { from: '2027-01-01', to: '2027-06-30' },
		today: '2027-07-01',
		adoption: { date: '2026-12-01', body: 'Stadtrat', reference: 'SR-1' },
		previous: { from: '2026-07-01', to: '2026-12-31', generatedAt: '2027-01-02T08:00:00Z' },
		changesSince: '2026-12-31',
		counts,
		total: 4,
		progress: 50,
		notesInPeriod: 1,
		fields: [
			{
				id: 'f',
				number: '2',
				title: 'Bildung',
				counts,
				total: 4,
				goals: [
					{
						id: 'g',
						number: '2.1',
						title: 'Sprache',
						indicators: [],
						measures: [
							{
								id: 'm',
								number: '2.1.1',
								title: 'Sprachcafé',
								status: 'in_umsetzung',
								progress: 50,
								office: 'Schulamt',
								overdue: true,
								notes: [{ date: '2027-03-01', text: 'Läuft gut.' }]
							}
						]
					}
				]
			}
		],
		changes: [
			{
				number: '2.1.1',
				title: 'Sprachcafé',
				from: 'geplant',
				to: 'in_umsetzung',
				reason: 'Start',
				date: '2027-02-01'
			}
		]
	};
}

const texts = (ops: Op[]) => ops.flatMap((o) => (o.t === 'text' ? [o.text] : []));

describe('layoutReport', () => {
	it('lays out Überblick, one chapter per field and the changes, with the period on the cover', () => {
		const laid = layoutReport(model());
		const headings = laid.blocks.flatMap((b) =>
			b.kind === 'heading' ? [`${b.number} ${b.text}`] : []
		);
		expect(headings).toEqual([
			'1 Überblick',
			'2 Bildung',
			'2.1 Sprache',
			'3 Änderungen seit dem letzten Bericht'
		]);
		expect(laid.coverInfo).toEqual([
			['Berichtszeitraum', '1. Januar 2027 – 30. Juni 2027'],
			['Erstellt am', '1. Juli 2027']
		]);
		expect(laid.metadata.title).toBe(
			'Umsetzungsbericht Integrationskonzept – Berichtszeitraum 01.01.2027–30.06.2027'
		);
		expect(laid.draft).toBe(false);
	});

	it('draws share bars proportional to the counts and keeps everything inside the page', () => {
		const doc = paginate(layoutReport(model()), metrics);
		const all = doc.pages.flatMap((p) => p.ops);
		const bars = all.filter(
			(o): o is Extract<Op, { t: 'rect' }> =>
				o.t === 'rect' &&
				(o.fill === IMPL_STATUS_COLORS.nicht_begonnen ||
					o.fill === IMPL_STATUS_COLORS.in_umsetzung) &&
				o.h > 3 &&
				o.h < 5
		);
		expect(bars).toHaveLength(2);
		const [open, running] = bars;
		expect(running.w / open.w).toBeCloseTo(3, 5);
		for (const o of all) {
			if (o.t === 'text' && o.align !== 'right' && o.align !== 'center')
				expect(o.x).toBeLessThanOrEqual(doc.width);
			if (o.t === 'rect' && o.fill !== IMPL_STATUS_COLORS.unbekannt)
				expect(o.x + o.w).toBeLessThanOrEqual(doc.width + 0.01);
		}
		const text = doc.pages.map((p) => texts(p.ops).join(' ')).join(' ');
		expect(text).toContain('SACHSTÄNDE IM BERICHTSZEITRAUM');
		expect(text).toContain('01.03.2027: Läuft gut.');
		expect(text).toContain('Sachstand überfällig');
		expect(text).toContain('Berichtszeitraum 01.07.2026–31.12.2026');
	});
});
