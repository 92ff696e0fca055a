/**
 * Test and bench data for the Umsetzungsbericht: deterministic implementation records for every
 * measure of a plan (statuses, progress, Amt, Sachstände before/inside/after a period, status
 * history). Not used by the app.
 */
import {
	IMPL_STATUSES,
	emptyImplementation,
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
