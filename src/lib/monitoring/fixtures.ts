/**
 * Test and bench data of the Umsetzung (not used by the app): a one-measure dashboard overview for
 * the table/CSV/XLSX tests, and deterministic implementation records for every measure of a plan
 * (statuses, progress, Amt, Sachstände, a status change) for the Umsetzungsbericht tests and bench.
 */ import type { MonitoringOverview } from '../contract/monitoring';
import {
	IMPL_STATUSES,
	emptyImplementation,
	rollUp,
	type Implementation,
	type ImplStatus
} from '../domain/monitoring';
import type { PlanJson } from '../domain/types';

const OFFICES = ['Amt für Soziales', 'Schulamt', 'Jugendamt', 'Integrationsbüro', 'Jobcenter'];

/** Records for all measures; measure i gets notes on `days` (cycled) and one status change. */
export function fakeImplementations(
	plan: Pick<PlanJson, 'fields'>,
	opts: { noteDays: string[]; changeAt: string }
): Record<string, Implementation> {
	const out: Record<string, Implementation> = {};
	let i = 0;
	for (const f of plan.fields)
		for (const g of f.goals)
			for (const m of g.measures) {
				const status: ImplStatus = IMPL_STATUSES[(i % 6) + 1];
				const who = { id: 'u1', name: 'Rita Berichtet' };
				out[m.id] = {
					...emptyImplementation(m.id),
					status,
					percent: (i * 17) % 101,
					office: OFFICES[i % OFFICES.length],
					notes: opts.noteDays
						.map((date, k) => ({
							id: `n${i}-${k}`,
							date,
							text: `Sachstand ${k + 1} zu Maßnahme ${i + 1}: Die Gruppe trifft sich wöchentlich, Anmeldungen über das Bürgerbüro; Räume in der Stadtbibliothek.`,
							author: who,
							createdAt: `${date}T10:00:00.000Z`
						}))
						.sort((a, b) => b.date.localeCompare(a.date)),
					history: [
						{
							from: 'nicht_begonnen',
							to: status,
							reason: 'Start nach Beschluss',
							by: who,
							at: opts.changeAt
						}
					]
				};
				i++;
			}
	return out;
}

/** A dashboard overview with one measure "in Umsetzung" (40 %, a budget over two years, a
 * Sachstand, a status change); title, office and note text are given (formula-like text tests). */
export function overviewFixture(text: {
	title: string;
	office: string;
	note: string;
}): MonitoringOverview {
	const impl = {
		...emptyImplementation('m1'),
		status: 'in_umsetzung' as const,
		percent: 40,
		office: text.office,
		nextUpdateDue: '2027-03-01',
		budget: [
			{ year: 2027, planned: 1000.5, spent: 200 },
			{ year: 2028, planned: 500, spent: null }
		],
		notes: [
			{
				id: 'n',
				date: '2027-01-15',
				text: text.note,
				author: { id: 'u', name: 'U' },
				createdAt: ''
			}
		],
		history: [
			{
				from: 'nicht_begonnen' as const,
				to: 'in_umsetzung' as const,
				reason: '+Start',
				by: { id: 'u', name: 'U' },
				at: ''
			}
		]
	};
	const measures = [
		{
			measureId: 'm1',
			title: text.title,
			goalId: 'g',
			goalTitle: 'Ziel',
			fieldId: 'f',
			fieldTitle: 'Bildung',
			impl,
			progress: 40,
			overdue: false,
			mayReport: true
		}
	];
	return {
		planTitle: 'Plan',
		adoption: null,
		today: '2027-02-01',
		measures,
		rollUp: rollUp(measures, '2027-02-01'),
		people: []
	};
}
