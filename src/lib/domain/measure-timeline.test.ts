import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildExamplePlan } from './example';
import { initPlan } from './meta';
import { measureTimeline, rangeLabel, timelineAxis } from './measure-timeline';
import { createItem } from './plan';
import { readPlan } from './plan-json';
import type { PlanJson } from './types';
import { must } from './testing';

type Dates = { title: string; startDate?: string; endDate?: string; status?: string };

/** Fields → one goal each → measures with the given dates. */
function plan(fields: Record<string, Dates[]>): PlanJson {
	const doc = new Y.Doc();
	must(initPlan(doc, { title: 'Test' }));
	for (const [title, measures] of Object.entries(fields)) {
		const field = must(createItem(doc, { type: 'field', values: { title } }));
		const goal = must(createItem(doc, { type: 'goal', parentId: field, values: { title: 'Z' } }));
		for (const m of measures) {
			must(createItem(doc, { type: 'measure', parentId: goal, values: m }));
		}
	}
	return readPlan(doc, 'p');
}

describe('timelineAxis', () => {
	it('uses months up to two years, snapped to whole months', () => {
		const axis = timelineAxis('2026-03-15', '2026-08-02');
		expect(axis.unit).toBe('month');
		expect(axis.start).toBe('2026-03-01');
		expect(axis.end).toBe('2026-09-01');
		expect(axis.ticks.map((t) => t.label)).toEqual([
			'03/2026',
			'04/2026',
			'05/2026',
			'06/2026',
			'07/2026',
			'08/2026'
		]);
		expect(axis.ticks[0].x).toBe(0);
		for (let i = 1; i < axis.ticks.length; i++) {
			expect(axis.ticks[i].x).toBeGreaterThan(axis.ticks[i - 1].x);
		}
	});

	it('uses quarters for three years and years for a decade', () => {
		const q = timelineAxis('2025-02-01', '2027-11-30');
		expect(q.unit).toBe('quarter');
		expect(q.start).toBe('2025-01-01');
		expect(q.end).toBe('2028-01-01');
		expect(q.ticks[0].label).toBe('Q1 2025');
		expect(q.ticks.at(-1)!.label).toBe('Q4 2027');
		const y = timelineAxis('2020-06-01', '2031-01-01');
		expect(y.unit).toBe('year');
		expect(y.ticks.map((t) => t.label)).toEqual([
			'2020',
			'2021',
			'2022',
			'2023',
			'2024',
			'2025',
			'2026',
			'2027',
			'2028',
			'2029',
			'2030',
			'2031'
		]);
		expect(y.end).toBe('2032-01-01');
	});

	it('covers a single day with one month', () => {
		const axis = timelineAxis('2026-12-31', '2026-12-31');
		expect(axis).toMatchObject({ start: '2026-12-01', end: '2027-01-01', unit: 'month' });
		expect(axis.ticks).toHaveLength(1);
	});
});

describe('measureTimeline', () => {
	it('places bars per field over one axis from the earliest to the latest date', () => {
		const t = measureTimeline(
			plan({
				Bildung: [
					{ title: 'Sprachcafé', startDate: '2026-01-01', endDate: '2026-06-30' },
					{ title: 'Ohne Datum' }
				],
				Arbeit: [{ title: 'Messe', startDate: '2026-07-01', endDate: '2026-12-31' }]
			})
		);
		expect(t.axis).toMatchObject({ start: '2026-01-01', end: '2027-01-01', unit: 'month' });
		expect(t.dated).toBe(2);
		expect(t.undated).toBe(1);
		const [bildung, arbeit] = t.fields;
		expect(bildung.number).toBe('2');
		expect(bildung.bars).toHaveLength(1);
		const first = bildung.bars[0];
		expect(first).toMatchObject({ number: '2.1.1', title: 'Sprachcafé', openStart: false });
		expect(first.x).toBe(0);
		// Jan–Jun 2026 is 181 of 365 days
		expect(first.width).toBeCloseTo(181 / 365, 5);
		expect(first.range).toBe('01.01.2026 – 30.06.2026');
		expect(bildung.undated).toEqual([
			{ measureId: expect.any(String), number: '2.1.2', title: 'Ohne Datum' }
		]);
		const second = arbeit.bars[0];
		expect(second.number).toBe('3.1.1');
		expect(second.x).toBeCloseTo(181 / 365, 5);
		expect(second.x + second.width).toBeCloseTo(1, 5);
	});

	it('runs a bar with only a start to the end of the axis and one with only an end from its start', () => {
		const t = measureTimeline(
			plan({
				F: [
					{ title: 'Nur Beginn', startDate: '2026-04-01' },
					{ title: 'Nur Abschluss', endDate: '2026-09-30' },
					{ title: 'Beides', startDate: '2026-02-01', endDate: '2026-03-31' }
				]
			})
		);
		const [onlyStart, onlyEnd] = t.fields[0].bars;
		expect(t.axis).toMatchObject({ start: '2026-02-01', end: '2026-10-01' });
		expect(onlyStart).toMatchObject({ openStart: false, openEnd: true });
		expect(onlyStart.x + onlyStart.width).toBe(1);
		expect(onlyStart.range).toBe('ab 01.04.2026, Ende offen');
		expect(onlyEnd).toMatchObject({ openStart: true, openEnd: false, x: 0 });
		expect(onlyEnd.x + onlyEnd.width).toBe(1);
		expect(onlyEnd.range).toBe('bis 30.09.2026, Beginn offen');
	});

	it('draws an end before the start between the two dates and says so', () => {
		// the schema refuses this on edit; read data from elsewhere may still carry it
		const p = plan({
			F: [{ title: 'Vertauscht', startDate: '2026-01-01', endDate: '2026-12-31' }]
		});
		const m = p.fields[0].goals[0].measures[0];
		m.startDate = '2026-12-31';
		m.endDate = '2026-01-01';
		const bar = measureTimeline(p).fields[0].bars[0];
		expect(bar.reversed).toBe(true);
		expect(bar.x).toBe(0);
		expect(bar.width).toBeCloseTo(1, 5);
		expect(bar.range).toMatch(/Abschluss liegt vor dem Beginn/);
	});

	it('treats malformed dates as missing and has no axis without any date', () => {
		const p = plan({ F: [{ title: 'A' }, { title: 'B' }] });
		p.fields[0].goals[0].measures[0].startDate = '2026-02-30';
		p.fields[0].goals[0].measures[1].endDate = 'morgen';
		const t = measureTimeline(p);
		expect(t.axis).toBeNull();
		expect(t.fields[0].bars).toEqual([]);
		expect(t.fields[0].undated.map((u) => u.title)).toEqual(['A', 'B']);
	});

	it('keeps the plan numbering when only some fields are chosen', () => {
		const p = plan({
			Eins: [{ title: 'a', startDate: '2020-01-01', endDate: '2020-01-31' }],
			Zwei: [{ title: 'b', startDate: '2026-01-01', endDate: '2026-01-31' }]
		});
		const t = measureTimeline(p, [p.fields[1].id]);
		expect(t.fields.map((f) => f.number)).toEqual(['3']);
		// the axis covers only the chosen fields
		expect(t.axis).toMatchObject({ start: '2026-01-01', end: '2026-02-01' });
	});

	it('lays out the example plan with every bar inside the axis', () => {
		const doc = new Y.Doc();
		buildExamplePlan(doc);
		const t = measureTimeline(readPlan(doc, 'x'));
		expect(t.dated).toBeGreaterThan(10);
		for (const f of t.fields) {
			for (const b of f.bars) {
				expect(b.x).toBeGreaterThanOrEqual(0);
				expect(b.width).toBeGreaterThan(0);
				expect(b.x + b.width).toBeLessThanOrEqual(1 + 1e-9);
			}
		}
	});
});

describe('rangeLabel', () => {
	it('names the period in words', () => {
		expect(rangeLabel('', '')).toBe('ohne Zeitangabe');
		expect(rangeLabel('2026-05-01', '2026-06-30')).toBe('01.05.2026 – 30.06.2026');
	});
});
