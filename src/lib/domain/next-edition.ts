/**
 * Fortschreibung (issue 14, item 8): the next edition of an adopted strategy. Pure: fills an empty
 * doc from the adopted plan's JSON — Leitlinien, Handlungsfelder and Ziele are taken over
 * ("fortgeführt"), open measures too; implemented measures are recorded as "abgeschlossen" and
 * postponed ones as "nicht fortgeführt" (not copied). After adoption the implementation status
 * (Umsetzung) decides: "eingestellt" is dropped, "umgesetzt"/"dauerhaft etabliert" completed,
 * "geplant"/"in Umsetzung"/"verzögert" open; without a decisive one the document's status does. Every taken-over item gets a new id and a
 * link to its predecessor (plan id + item id), so history across editions stays traceable.
 * Items added later in the new edition have no link: they are "neu".
 */
import type * as Y from 'yjs';
import { err, ok, type Result } from './errors';
import { MAX_TITLE_LENGTH, initPlan } from './meta';
import { createItem } from './plan';
import type { ImplStatus } from './monitoring';
import type { ItemType, MeasureStatus, PlanJson } from './types';

export type EditionRelation = 'continued' | 'completed' | 'dropped' | 'new';

export const EDITION_RELATION_LABELS: Record<EditionRelation, string> = {
	continued: 'fortgeführt',
	completed: 'abgeschlossen',
	dropped: 'nicht fortgeführt',
	new: 'neu'
};

/** One predecessor item and what became of it in the new edition. */
export interface EditionLink {
	/** the item in the new edition; null for completed / dropped measures (not copied) */
	itemId: string | null;
	type: ItemType;
	predecessorItemId: string;
	/** the predecessor's title when the edition was started */
	predecessorTitle: string;
	relation: Exclude<EditionRelation, 'new'>;
}

/** The new edition's record of where it comes from. */
export interface Lineage {
	predecessorPlanId: string;
	predecessorTitle: string;
	startedAt: string;
	links: EditionLink[];
}

/** Measures in these states are not carried over (their relation is given). */
const CLOSED: Partial<Record<MeasureStatus, 'completed' | 'dropped'>> = {
	umgesetzt: 'completed',
	zurueckgestellt: 'dropped'
};

/** What the implementation status says; undefined: not decisive (the document's status decides). */
const BY_IMPLEMENTATION: Partial<Record<ImplStatus, Exclude<EditionRelation, 'new'>>> = {
	umgesetzt: 'completed',
	dauerhaft_etabliert: 'completed',
	eingestellt: 'dropped',
	geplant: 'continued',
	in_umsetzung: 'continued',
	verzoegert: 'continued'
};

/** What becomes of a measure: its implementation status first, then its document status. */
export function measureRelation(
	status: MeasureStatus,
	impl?: ImplStatus
): Exclude<EditionRelation, 'new'> {
	return (impl && BY_IMPLEMENTATION[impl]) || CLOSED[status] || 'continued';
}

export function notAdoptedError() {
	return err<never>(
		'invalid_value',
		'Eine Fortschreibung lässt sich nur aus einem beschlossenen Plan starten. Setzen Sie den Status unter „Planangaben“ auf „beschlossen“.',
		'status'
	);
}

export function nextEditionTitle(title: string): string {
	const t = `Fortschreibung: ${title.trim() || 'Ohne Titel'}`;
	return t.length > MAX_TITLE_LENGTH ? `${t.slice(0, MAX_TITLE_LENGTH - 1)}…` : t;
}

/**
 * Fills the empty `doc` with the next edition of `source` (status "beschlossen" required).
 * `implStatus`: the recorded implementation status per measure id (monitoring), if any.
 */
export function buildNextEdition(
	doc: Y.Doc,
	source: PlanJson,
	implStatus: Readonly<Record<string, ImplStatus>> = {}
): Result<EditionLink[]> {
	if (source.meta.status !== 'beschlossen') return notAdoptedError();
	const links: EditionLink[] = [];
	let failed: Result<EditionLink[]> | null = null;
	doc.transact(() => {
		const init = initPlan(doc, {
			title: nextEditionTitle(source.meta.title),
			municipality: source.meta.municipality,
			fundingNotice: source.meta.fundingNotice
		});
		if (!init.ok) {
			failed = init;
			return;
		}
		const link = (
			type: ItemType,
			from: { id: string; title: string },
			itemId: string | null,
			relation: EditionLink['relation']
		) =>
			links.push({
				itemId,
				type,
				predecessorItemId: from.id,
				predecessorTitle: from.title,
				relation
			});
		const principleIds = new Map<string, string>();
		for (const { id, type: _t, parentId: _p, order: _o, ...values } of source.principles) {
			const r = createItem(doc, { type: 'principle', values });
			if (!r.ok) return void (failed = r);
			principleIds.set(id, r.value);
			link('principle', { id, title: values.title }, r.value, 'continued');
		}
		for (const field of source.fields) {
			const { id: _id, type: _t, parentId: _p, order: _o, goals, ...fieldValues } = field;
			const f = createItem(doc, { type: 'field', values: fieldValues });
			if (!f.ok) return void (failed = f);
			link('field', field, f.value, 'continued');
			for (const goal of goals) {
				const { id: gid, type: _gt, parentId: _gp, order: _go, measures, ...goalValues } = goal;
				const g = createItem(doc, {
					type: 'goal',
					parentId: f.value,
					values: {
						...goalValues,
						principleIds: goalValues.principleIds
							.map((p) => principleIds.get(p))
							.filter((p): p is string => !!p)
					}
				});
				if (!g.ok) return void (failed = g);
				link('goal', { id: gid, title: goal.title }, g.value, 'continued');
				for (const measure of measures) {
					const relation = measureRelation(measure.status, implStatus[measure.id]);
					if (relation !== 'continued') {
						link('measure', measure, null, relation);
						continue;
					}
					const { id: _mid, type: _mt, parentId: _mp, order: _mo, ...values } = measure;
					const m = createItem(doc, { type: 'measure', parentId: g.value, values });
					if (!m.ok) return void (failed = m);
					link('measure', measure, m.value, 'continued');
				}
			}
		}
	});
	return failed ?? ok(links);
}

/** What the detail panel says about an item of a plan with a predecessor. */
export function predecessorOf(
	lineage: Lineage | null,
	itemId: string
): { relation: EditionRelation; link: EditionLink | null } | null {
	if (!lineage) return null;
	const link = lineage.links.find((l) => l.itemId === itemId) ?? null;
	return link ? { relation: link.relation, link } : { relation: 'new', link: null };
}
