/** The public report keeps each measure's latest Sachstand only, and no reasons or overdue flags. */
import { describe, expect, it } from 'vitest';
import { publicReport } from './public-report';
import type { UmsetzungsberichtModel } from './report';

const model = {
	planTitle: 'Plan',
	municipality: 'Musterstadt',
	period: { from: '2026-01-01', to: '2026-12-31' },
	today: '2026-12-04',
	adoption: null,
	previous: null,
	changesSince: '',
	counts: {},
	total: 1,
	progress: null,
	fields: [
		{
			id: 'f',
			number: '1',
			title: 'Bildung',
			counts: {},
			total: 1,
			goals: [
				{
					id: 'g',
					number: '1.1',
					title: 'Ziel',
					indicators: [],
					measures: [
						{
							id: 'm',
							number: '1.1.1',
							title: 'Sprachcafé',
							status: 'in_umsetzung',
							progress: 40,
							office: 'Amt',
							overdue: true,
							notes: [
								{ date: '2026-03-01', text: 'Alter Stand' },
								{ date: '2026-11-01', text: 'Neuer Stand' }
							]
						}
					]
				}
			]
		}
	],
	changes: [
		{
			number: '1.1.1',
			title: 'Sprachcafé',
			from: 'geplant',
			to: 'in_umsetzung',
			reason: 'Interne Begründung',
			date: '2026-05-01'
		}
	],
	notesInPeriod: 2
} as unknown as UmsetzungsberichtModel;

describe('publicReport', () => {
	it('keeps the latest Sachstand, drops reasons and overdue flags', () => {
		const pub = publicReport(model);
		const measure = pub.fields[0].goals[0].measures[0];
		expect(measure.notes).toEqual([{ date: '2026-11-01', text: 'Neuer Stand' }]);
		expect(measure.overdue).toBe(false);
		expect(pub.changes[0].reason).toBe('');
		expect(pub.changes[0].to).toBe('in_umsetzung');
		expect(pub.notesInPeriod).toBe(1);
		expect(JSON.stringify(pub)).not.toContain('Interne Begründung');
		expect(JSON.stringify(pub)).not.toContain('Alter Stand');
	});
});
