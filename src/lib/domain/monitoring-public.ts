/**
 * The public progress page (issue 14, item 6) as a pure model: which measures are public
 * (`isPubliclyVisible`, also for a public PDF later) and, in one pass over the plan, what a
 * visitor without an account may see — fields → goals → measures with status, progress, the
 * latest Sachstand and the goals' indicators, plus the counts over the public measures only.
 *
 * Left out on purpose (internal data): the contact person, responsible accounts, budget,
 * status history and reasons, the authors of Sachstände, older Sachstände, due dates, who
 * adopted. The Amt (office) is public — it is the authority answerable for the measure.
 * "Nicht öffentlich" measures are absent everywhere, also from every count.
 */
import type { Indicator } from './indicators';
import {
	IMPL_STATUSES,
	IMPL_STATUS_LABELS,
	emptyImplementation,
	progressOf,
	type Implementation,
	type ImplStatus
} from './monitoring';
import type { PlanJson } from './types';
import type { ContentMarks, ReaderLanguageOption } from './reader-language';

/** True if the measure may appear on the public page (and in anything public made from it). */
export function isPubliclyVisible(
	impl: Pick<Implementation, 'public'> | null | undefined
): boolean {
	return impl?.public !== false;
}

export interface PublicRollUp {
	total: number;
	counts: Record<ImplStatus, number>;
	/** Mean progress of the public measures with a recorded progress, null if none. */
	progress: number | null;
}

export interface PublicMeasure {
	id: string;
	title: string;
	description: string;
	status: ImplStatus;
	/** German label of the status (the page may translate `status` itself). */
	statusLabel: string;
	/** 0–100 or null (nothing recorded). */
	progress: number | null;
	/** With progress by milestones: how many of how many are done. */
	milestones: { done: number; total: number } | null;
	/** Zuständiges Amt ('' if not given). */
	office: string;
	latestNote: { date: string; text: string } | null;
}

/** An indicator as the public sees it (no creation/change times). */
export type PublicIndicator = Pick<
	Indicator,
	'id' | 'goalId' | 'name' | 'unit' | 'baseline' | 'target' | 'values'
>;

export interface PublicGoal {
	id: string;
	title: string;
	description: string;
	indicators: PublicIndicator[];
	measures: PublicMeasure[];
	rollUp: PublicRollUp;
}

export interface PublicField {
	id: string;
	title: string;
	goals: PublicGoal[];
	rollUp: PublicRollUp;
}

export interface PublicProgress {
	planTitle: string;
	municipality: string;
	/** The council decision (no internal ids, no person). */
	adoption: { date: string; body: string; reference: string } | null;
	/** The day the page was made (YYYY-MM-DD, the installation's time zone). */
	today: string;
	rollUp: PublicRollUp;
	fields: PublicField[];
	/** The content language asked for (`?sprache=`, reader-language.ts); null = German. */
	language?: { code: string; tag: string; dir: 'ltr' | 'rtl' } | null;
	/** German and the plan's languages, for the reader's choice. */
	languages?: ReaderLanguageOption[];
	/** Per shown item and text field: language, direction, German fallback. */
	marks?: ContentMarks | null;
}

export interface PublicProgressInput {
	plan: Pick<PlanJson, 'meta' | 'fields'>;
	/** Implementation data by measure id (measures without data: "nicht begonnen", public). */
	impls: ReadonlyMap<string, Implementation>;
	indicators: readonly Indicator[];
	adoption: { date: string; body: string; reference: string } | null;
	today: string;
}

interface Acc {
	total: number;
	counts: Record<ImplStatus, number>;
	sum: number;
	n: number;
}

const acc = (): Acc => ({
	total: 0,
	counts: Object.fromEntries(IMPL_STATUSES.map((s) => [s, 0])) as Record<ImplStatus, number>,
	sum: 0,
	n: 0
});

function add(a: Acc, m: PublicMeasure) {
	a.total++;
	a.counts[m.status]++;
	if (m.progress !== null) {
		a.sum += m.progress;
		a.n++;
	}
}

const done = (a: Acc): PublicRollUp => ({
	total: a.total,
	counts: a.counts,
	progress: a.n === 0 ? null : Math.round(a.sum / a.n)
});

/** Trimmed; '' = untitled (the page words it in the reader's language, public-texts.ts). */
const titleOf = (t: string) => t.trim();

function publicMeasure(id: string, title: string, description: string, impl: Implementation) {
	const note = impl.notes[0];
	return {
		id,
		title: titleOf(title),
		description: description.trim(),
		status: impl.status,
		statusLabel: IMPL_STATUS_LABELS[impl.status],
		progress: progressOf(impl),
		milestones:
			impl.progressMode === 'milestones' && impl.milestones.length > 0
				? {
						done: impl.milestones.filter((x) => x.done).length,
						total: impl.milestones.length
					}
				: null,
		office: impl.office,
		latestNote: note ? { date: note.date, text: note.text } : null
	} satisfies PublicMeasure;
}

/** The whole public page in one pass over the plan (not-public measures never enter it). */
export function buildPublicProgress(input: PublicProgressInput): PublicProgress {
	const byGoal = new Map<string, PublicIndicator[]>();
	for (const ind of input.indicators) {
		const list = byGoal.get(ind.goalId) ?? [];
		list.push({
			id: ind.id,
			goalId: ind.goalId,
			name: ind.name,
			unit: ind.unit,
			baseline: ind.baseline,
			target: ind.target,
			values: ind.values.map((v) => ({ id: v.id, value: v.value, date: v.date, source: v.source }))
		});
		byGoal.set(ind.goalId, list);
	}
	const plan = acc();
	const fields: PublicField[] = input.plan.fields.map((f) => {
		const fieldAcc = acc();
		const goals = f.goals.map((g) => {
			const goalAcc = acc();
			const measures: PublicMeasure[] = [];
			for (const m of g.measures) {
				const impl = input.impls.get(m.id) ?? emptyImplementation(m.id);
				if (!isPubliclyVisible(impl)) continue;
				const pm = publicMeasure(m.id, m.title, m.description, impl);
				measures.push(pm);
				add(goalAcc, pm);
				add(fieldAcc, pm);
				add(plan, pm);
			}
			return {
				id: g.id,
				title: titleOf(g.title),
				description: g.description.trim(),
				indicators: byGoal.get(g.id) ?? [],
				measures,
				rollUp: done(goalAcc)
			};
		});
		return { id: f.id, title: titleOf(f.title), goals, rollUp: done(fieldAcc) };
	});
	return {
		planTitle: titleOf(input.plan.meta.title),
		municipality: input.plan.meta.municipality.trim(),
		adoption: input.adoption
			? {
					date: input.adoption.date,
					body: input.adoption.body,
					reference: input.adoption.reference
				}
			: null,
		today: input.today,
		rollUp: done(plan),
		fields
	};
}
