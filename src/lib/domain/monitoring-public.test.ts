/** The public progress page's model: what appears, what never does, and the counts. */
import { describe, expect, it } from 'vitest';
import type { Indicator } from './indicators';
import { emptyImplementation, parseImplementation, type Implementation } from './monitoring';
import { buildPublicProgress, isPubliclyVisible } from './monitoring-public';
import type { PlanJson } from './types';

const measure = (id: string, title: string, description = '') =>
	({ id, title, description }) as PlanJson['fields'][number]['goals'][number]['measures'][number];

function plan(): Pick<PlanJson, 'meta' | 'fields'> {
	return {
		meta: { title: ' Integrationsplan ', municipality: 'Musterstadt' } as PlanJson['meta'],
		fields: [
			{
				id: 'f1',
				title: 'Sprache',
				goals: [
					{
						id: 'g1',
						title: 'Deutschkurse',
						description: 'Mehr Kursplätze',
						measures: [measure('m1', 'Sprachcafé', 'Wöchentlich'), measure('m2', 'Geheim')]
					},
					{ id: 'g2', title: '', description: '', measures: [measure('m3', 'Ohne Daten')] }
				]
			},
			{ id: 'f2', title: 'Wohnen', goals: [] }
		] as unknown as PlanJson['fields']
	};
}

const impl = (id: string, patch: Partial<Implementation>): Implementation => ({
	...emptyImplementation(id),
	...patch
});

const indicator: Indicator = {
	id: 'i1',
	goalId: 'g1',
	name: 'Kursplätze',
	unit: 'Plätze',
	baseline: { value: 100, date: '2026-01-01' },
	target: { value: 200, date: '2028-01-01' },
	values: [{ id: 'v1', value: 130, date: '2026-06-01', source: 'VHS' }],
	createdAt: '2026-01-01T00:00:00Z',
	updatedAt: '2026-06-01T00:00:00Z'
};

describe('isPubliclyVisible', () => {
	it('is true unless the measure is marked "nicht öffentlich"', () => {
		expect(isPubliclyVisible(emptyImplementation('x'))).toBe(true);
		expect(isPubliclyVisible(null)).toBe(true);
		expect(isPubliclyVisible({ public: false })).toBe(false);
		// older records without the flag are public; only an explicit false hides
		expect(parseImplementation('x', { status: 'geplant' }).public).toBe(true);
		expect(parseImplementation('x', { public: false }).public).toBe(false);
	});
});

describe('buildPublicProgress', () => {
	const impls = new Map<string, Implementation>([
		[
			'm1',
			impl('m1', {
				status: 'in_umsetzung',
				progressMode: 'milestones',
				milestones: [
					{ id: 'a', title: 'A', dueDate: '2026-01-01', done: true },
					{ id: 'b', title: 'B', dueDate: '2026-02-01', done: false }
				],
				office: 'Amt für Integration',
				contact: 'Frau Geheim, 0123-456, geheim@stadt.example',
				responsibleIds: ['user-1'],
				budget: [{ year: 2026, planned: 5000, spent: 1000 }],
				notes: [
					{
						id: 'n2',
						date: '2026-05-01',
						text: 'Neuester Stand',
						author: { id: 'user-1', name: 'Petra Intern' },
						createdAt: '2026-05-01T10:00:00Z'
					},
					{
						id: 'n1',
						date: '2026-03-01',
						text: 'Alter Stand',
						author: { id: 'user-1', name: 'Petra Intern' },
						createdAt: '2026-03-01T10:00:00Z'
					}
				],
				history: [
					{
						from: 'nicht_begonnen',
						to: 'in_umsetzung',
						reason: 'Interner Grund',
						by: { id: 'user-1', name: 'Petra Intern' },
						at: '2026-01-01T00:00:00Z'
					}
				]
			})
		],
		['m2', impl('m2', { status: 'verzoegert', percent: 10, public: false, office: 'Amt X' })]
	]);
	const model = buildPublicProgress({
		plan: plan(),
		impls,
		indicators: [indicator, { ...indicator, id: 'i-gone', goalId: 'deleted-goal' }],
		adoption: { date: '2026-11-30', body: 'Rat', reference: 'B-1' },
		today: '2026-12-04'
	});
	const json = JSON.stringify(model);

	it('shows fields, goals and the public measures with status, progress, Amt and latest note', () => {
		expect(model.planTitle).toBe('Integrationsplan');
		expect(model.adoption).toEqual({ date: '2026-11-30', body: 'Rat', reference: 'B-1' });
		expect(model.fields.map((f) => f.title)).toEqual(['Sprache', 'Wohnen']);
		const [g1, g2] = model.fields[0].goals;
		expect(g1.measures).toEqual([
			{
				id: 'm1',
				title: 'Sprachcafé',
				description: 'Wöchentlich',
				status: 'in_umsetzung',
				statusLabel: 'in Umsetzung',
				progress: 50,
				milestones: { done: 1, total: 2 },
				office: 'Amt für Integration',
				latestNote: { date: '2026-05-01', text: 'Neuester Stand' }
			}
		]);
		expect(g1.indicators.map((i) => i.id)).toEqual(['i1']);
		expect(g1.indicators[0]).not.toHaveProperty('createdAt');
		// a measure without implementation data: "nicht begonnen", no progress, no note
		expect(g2.title).toBe(''); // untitled: worded by the page in the reader's language
		expect(g2.measures[0]).toMatchObject({
			id: 'm3',
			status: 'nicht_begonnen',
			progress: null,
			latestNote: null
		});
	});

	it('leaves "nicht öffentlich" measures out entirely, also from the counts', () => {
		expect(json).not.toContain('Geheim');
		expect(json).not.toContain('"m2"');
		expect(model.rollUp.total).toBe(2);
		expect(model.rollUp.counts.verzoegert).toBe(0);
		expect(model.rollUp.counts.in_umsetzung).toBe(1);
		expect(model.rollUp.progress).toBe(50);
		expect(model.fields[0].rollUp.total).toBe(2);
		expect(model.fields[0].goals[0].rollUp.total).toBe(1);
		expect(model.fields[1].rollUp).toMatchObject({ total: 0, progress: null });
	});

	it('never carries internal data: contact, people, budget, history, older notes', () => {
		for (const secret of [
			'Frau Geheim',
			'geheim@stadt.example',
			'Petra Intern',
			'user-1',
			'Interner Grund',
			'Alter Stand',
			'5000',
			'overdue',
			'nextUpdateDue'
		]) {
			expect(json, secret).not.toContain(secret);
		}
	});
});
