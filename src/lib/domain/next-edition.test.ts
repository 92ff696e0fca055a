/** Fortschreibung: the next edition copies structure and open measures with predecessor links. */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildExamplePlan } from './example';
import { setMeta } from './meta';
import { updateItem } from './plan';
import { readPlan } from './plan-json';
import { buildNextEdition, measureRelation, nextEditionTitle, predecessorOf } from './next-edition';

function adoptedExample() {
	const doc = new Y.Doc();
	const built = buildExamplePlan(doc);
	if (!built.ok) throw new Error(built.error.message);
	const plan = readPlan(doc, 'alt');
	const measures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
	updateItem(doc, measures[0].id, { status: 'umgesetzt' });
	updateItem(doc, measures[1].id, { status: 'zurueckgestellt' });
	return { doc, measures };
}

describe('buildNextEdition', () => {
	it('refuses a plan that is not adopted', () => {
		const { doc } = adoptedExample();
		const r = buildNextEdition(new Y.Doc(), readPlan(doc, 'alt'));
		expect(r.ok ? null : r.error.message).toMatch(/nur aus einem beschlossenen Plan/);
	});

	it('copies Leitlinien, fields, goals and open measures, each linked to its predecessor', () => {
		const { doc, measures } = adoptedExample();
		setMeta(doc, { status: 'beschlossen' });
		const source = readPlan(doc, 'alt');
		const next = new Y.Doc();
		const r = buildNextEdition(next, source);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const plan = readPlan(next, 'neu');
		expect(plan.meta.title).toBe(nextEditionTitle(source.meta.title));
		expect(plan.meta.status).toBe('entwurf');
		expect(plan.principles.map((p) => p.title)).toEqual(source.principles.map((p) => p.title));
		expect(plan.fields.map((f) => f.title)).toEqual(source.fields.map((f) => f.title));
		const newMeasures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
		const open = source.fields.flatMap((f) =>
			f.goals.flatMap((g) =>
				g.measures.filter((m) => !['umgesetzt', 'zurueckgestellt'].includes(m.status))
			)
		);
		expect(open.length).toBeLessThanOrEqual(measures.length - 2);
		expect(newMeasures).toHaveLength(open.length);
		expect(newMeasures.map((m) => m.title)).not.toContain(measures[0].title);

		const links = r.value;
		const byOld = new Map(links.map((l) => [l.predecessorItemId, l]));
		expect(byOld.get(measures[0].id)).toMatchObject({ relation: 'completed', itemId: null });
		expect(byOld.get(measures[1].id)).toMatchObject({ relation: 'dropped', itemId: null });
		const cont = byOld.get(open[0].id)!;
		expect(cont.relation).toBe('continued');
		const copy = newMeasures.find((m) => m.id === cont.itemId)!;
		expect(copy.title).toBe(open[0].title);
		expect(copy.description).toBe(open[0].description);
		expect(copy.startDate).toBe(open[0].startDate);
		expect(copy.id).not.toBe(open[0].id);
		// goals keep their Leitlinien, remapped to the new ids
		const oldGoal = source.fields[0].goals[0];
		const newGoal = plan.fields[0].goals[0];
		const expected = oldGoal.principleIds
			.map((p) => links.find((l) => l.predecessorItemId === p)!.itemId)
			.sort();
		expect(newGoal.principleIds).toEqual(expected);
		expect(
			predecessorOf(
				{ predecessorPlanId: 'alt', predecessorTitle: '', startedAt: '', links },
				newGoal.id
			)
		).toMatchObject({
			relation: 'continued',
			link: { predecessorItemId: oldGoal.id }
		});
		expect(
			predecessorOf(
				{ predecessorPlanId: 'alt', predecessorTitle: '', startedAt: '', links },
				'spaeter-neu'
			)
		).toEqual({ relation: 'new', link: null });
		expect(predecessorOf(null, newGoal.id)).toBeNull();
	});

	it('lets the implementation status decide: eingestellt dropped, umgesetzt/etabliert completed, reopened open', () => {
		const { doc, measures } = adoptedExample();
		setMeta(doc, { status: 'beschlossen' });
		const [done, postponed, a, b, c, d] = measures;
		const r = buildNextEdition(new Y.Doc(), readPlan(doc, 'alt'), {
			[a.id]: 'eingestellt',
			[b.id]: 'umgesetzt',
			[c.id]: 'dauerhaft_etabliert',
			// reported as running again: open, although the document still says "umgesetzt"
			[done.id]: 'in_umsetzung',
			// not decisive: the document's "zurückgestellt" stays
			[postponed.id]: 'nicht_begonnen',
			[d.id]: 'unbekannt'
		});
		if (!r.ok) throw new Error(r.error.message);
		const rel = new Map(r.value.map((l) => [l.predecessorItemId, l]));
		expect(rel.get(a.id)).toMatchObject({ relation: 'dropped', itemId: null });
		expect(rel.get(b.id)).toMatchObject({ relation: 'completed', itemId: null });
		expect(rel.get(c.id)).toMatchObject({ relation: 'completed', itemId: null });
		expect(rel.get(done.id)?.relation).toBe('continued');
		expect(rel.get(done.id)?.itemId).toBeTruthy();
		expect(rel.get(postponed.id)).toMatchObject({ relation: 'dropped', itemId: null });
		expect(rel.get(d.id)?.relation).toBe('continued');
		expect(measureRelation('idee', 'eingestellt')).toBe('dropped');
		expect(measureRelation('umgesetzt')).toBe('completed');
	});

	it('shortens a long title', () => {
		expect(nextEditionTitle('x'.repeat(300))).toHaveLength(200);
	});
});
