/** Implementation monitoring: status transitions, validation, notes and the roll-up. */
import { describe, expect, it } from 'vitest';
import {
	IMPL_STATUSES,
	addNote,
	allowedNext,
	applyImplPatch,
	checkNote,
	checkStatusChange,
	emptyImplementation,
	isOverdue,
	parseImplementation,
	progressOf,
	rollUp,
	type Implementation
} from './monitoring';

let n = 0;
const newId = () => `m${++n}`;

describe('status transitions', () => {
	it('needs a known status, a change and a short reason', () => {
		expect(checkStatusChange('nicht_begonnen', 'erledigt', 'weil')).toMatchObject({
			ok: false,
			error: { field: 'status' }
		});
		const same = checkStatusChange('geplant', 'geplant', 'weil');
		expect(same.ok || same.error.message).toBe('Der Umsetzungsstand ist bereits „geplant“.');
		const noReason = checkStatusChange('geplant', 'in_umsetzung', '  ');
		expect(noReason.ok || noReason.error.message).toMatch(/begründen/);
		expect(checkStatusChange('geplant', 'in_umsetzung', 'Start im März')).toEqual({
			ok: true,
			value: { to: 'in_umsetzung', reason: 'Start im März' }
		});
	});

	it('follows the table: done measures cannot be planned anew, unbekannt is always reachable', () => {
		const back = checkStatusChange('umgesetzt', 'geplant', 'nochmal');
		expect(back.ok || back.error.message).toBe(
			'Von „umgesetzt“ kann der Stand nicht auf „geplant“ wechseln.'
		);
		for (const s of IMPL_STATUSES) {
			if (s !== 'unbekannt') expect(allowedNext(s)).toContain('unbekannt');
			expect(allowedNext(s)).not.toContain(s);
		}
		expect(checkStatusChange('eingestellt', 'in_umsetzung', 'wieder aufgenommen').ok).toBe(true);
	});
});

describe('implementation data', () => {
	const base = emptyImplementation('m');

	it('refuses percent outside 0–100 and keeps the old value', () => {
		for (const bad of [-1, 101, 'viel', Number.NaN]) {
			const r = applyImplPatch(base, { percent: bad }, newId);
			expect(r.ok || r.error.message).toBe(
				'Der Fortschritt muss eine Zahl zwischen 0 und 100 Prozent sein.'
			);
		}
		expect(applyImplPatch(base, { percent: 42.4 }, newId)).toMatchObject({
			ok: true,
			value: { percent: 42 }
		});
	});

	it('validates milestones and budget, sorts them', () => {
		const r = applyImplPatch(
			base,
			{
				progressMode: 'milestones',
				milestones: [
					{ title: 'Kurs 2', dueDate: '2027-09-01', done: false },
					{ title: 'Kurs 1', dueDate: '2027-03-01', done: true }
				],
				budget: [
					{ year: 2028, planned: '1000,50', spent: null },
					{ year: 2027, planned: 5000, spent: 4200 }
				]
			},
			newId
		);
		if (!r.ok) throw new Error(r.error.message);
		expect(r.value.milestones.map((m) => m.title)).toEqual(['Kurs 1', 'Kurs 2']);
		expect(r.value.budget).toEqual([
			{ year: 2027, planned: 5000, spent: 4200 },
			{ year: 2028, planned: 1000.5, spent: null }
		]);
		expect(progressOf(r.value)).toBe(50);
		const badDate = applyImplPatch(
			base,
			{ milestones: [{ title: 'x', dueDate: '2027-02-30' }] },
			newId
		);
		expect(badDate.ok || badDate.error.code).toBe('invalid_dates');
		const dup = applyImplPatch(base, { budget: [{ year: 2027 }, { year: 2027 }] }, newId);
		expect(dup.ok || dup.error.message).toBe('Das Haushaltsjahr 2027 ist doppelt angegeben.');
		const neg = applyImplPatch(base, { budget: [{ year: 2027, spent: -5 }] }, newId);
		expect(neg.ok || neg.error.message).toMatch(/Ausgegeben muss ein Betrag ab 0 Euro/);
	});

	it('refuses a next update before the latest Sachstand (dates in the wrong order)', () => {
		const withNote = addNote(
			base,
			{
				id: 'n1',
				date: '2027-05-10',
				text: 'Kurs läuft',
				author: { id: 'u', name: 'U' },
				createdAt: '2027-05-10T10:00:00Z'
			},
			'2027-05-11'
		);
		expect(withNote.nextUpdateDue).toBe('2027-08-09');
		const r = applyImplPatch(withNote, { nextUpdateDue: '2027-05-01' }, newId);
		expect(r.ok || r.error.message).toBe(
			'Der nächste Sachstand kann nicht vor dem letzten (10.05.2027) fällig sein.'
		);
		expect(applyImplPatch(withNote, { nextUpdateDue: '2027-06-01' }, newId).ok).toBe(true);
	});

	it('checks Sachstand notes: date, not in the future, text', () => {
		expect(checkNote({ date: '2027-05-01', text: 'ok' }, '2027-05-01').ok).toBe(true);
		const future = checkNote({ date: '2027-05-02', text: 'ok' }, '2027-05-01');
		expect(future.ok || future.error.message).toBe(
			'Ein Sachstand kann nicht in der Zukunft liegen.'
		);
		expect(checkNote({ date: '2027-05-01', text: ' ' }, '2027-05-01').ok).toBe(false);
		expect(checkNote({ date: '1.5.2027', text: 'x' }, '2027-05-01').ok).toBe(false);
	});

	it('reads broken stored data tolerantly', () => {
		expect(parseImplementation('m', 'kaputt')).toEqual(emptyImplementation('m'));
		expect(parseImplementation('m', { status: 'quatsch', percent: 'x' }).status).toBe(
			'nicht_begonnen'
		);
	});
});

describe('roll-up', () => {
	const impl = (over: Partial<Implementation>): Implementation => ({
		...emptyImplementation('x'),
		...over
	});

	it('counts statuses, averages progress and finds overdue updates per field and goal', () => {
		const today = '2027-06-01';
		const r = rollUp(
			[
				{
					measureId: 'a',
					goalId: 'g1',
					fieldId: 'f1',
					impl: impl({ status: 'umgesetzt', percent: 100 })
				},
				{
					measureId: 'b',
					goalId: 'g1',
					fieldId: 'f1',
					impl: impl({ status: 'in_umsetzung', percent: 40, nextUpdateDue: '2027-05-01' })
				},
				{ measureId: 'c', goalId: 'g2', fieldId: 'f2', impl: impl({ status: 'geplant' }) }
			],
			today
		);
		expect(r.plan).toMatchObject({ total: 3, progress: 70, overdue: 1 });
		expect(r.plan.counts).toMatchObject({
			umgesetzt: 1,
			in_umsetzung: 1,
			geplant: 1,
			verzoegert: 0
		});
		expect(r.fields.f1).toMatchObject({ total: 2, progress: 70, overdue: 1 });
		expect(r.goals.g2).toMatchObject({ total: 1, progress: null, overdue: 0 });
		expect(isOverdue({ status: 'eingestellt', nextUpdateDue: '2020-01-01' }, today)).toBe(false);
	});
});
