/**
 * The model of the "Umsetzungsbericht" (issue 14, item 7), pure: plan + implementation data +
 * indicators + earlier reports + reporting period → what the report shows (status counts per
 * Handlungsfeld, per field → goal → measure the status at the end of the period, progress, Amt and
 * the Sachstände dated inside the period, the status changes since the last report). The PDF
 * layout (src/lib/export/report-layout.ts) only draws this. `includeMeasure` leaves measures out
 * (e.g. a public variant without "not public" measures); numbering stays the plan's.
 */
import type { Indicator } from '../domain/indicators';
import {
	IMPL_STATUSES,
	addDays,
	emptyImplementation,
	germanDay,
	isDate,
	isOverdue,
	progressOf,
	type Implementation,
	type ImplStatus,
	type StatusCounts
} from '../domain/monitoring';
import { todayIn } from '../domain/time-zone';
import type { PlanJson } from '../domain/types';
import type { ContentMarks } from '../domain/reader-language';

/** A generated report, recorded by the server (KV list `um:report:<planId>`). */
export interface ReportRecord {
	from: string;
	to: string;
	/** ISO timestamp */
	generatedAt: string;
}

export interface ReportPeriod {
	from: string;
	to: string;
}

export interface ReportMeasure {
	id: string;
	/** "2.1.3" — the number in the council PDF */
	number: string;
	title: string;
	/** Status at the end of the period (later changes undone). */
	status: ImplStatus;
	/** Progress as last recorded (0–100) or null. */
	progress: number | null;
	office: string;
	overdue: boolean;
	/** the title is German for want of a translation (`?sprache=`) */
	titleFallback?: boolean;
	/** Sachstände dated inside the period, oldest first. */
	notes: Array<{ date: string; text: string }>;
}

export interface ReportGoal {
	id: string;
	number: string;
	title: string;
	titleFallback?: boolean;
	indicators: Indicator[];
	measures: ReportMeasure[];
}

export interface ReportField {
	id: string;
	number: string;
	title: string;
	counts: StatusCounts;
	total: number;
	goals: ReportGoal[];
	titleFallback?: boolean;
}

export interface ReportChange {
	number: string;
	title: string;
	from: ImplStatus;
	to: ImplStatus;
	reason: string;
	/** Day of the change (YYYY-MM-DD, municipality's time zone). */
	date: string;
}

export interface UmsetzungsberichtModel {
	planTitle: string;
	municipality: string;
	period: ReportPeriod;
	/** Day the report is made. */
	today: string;
	adoption: { date: string; body: string; reference: string } | null;
	/** The report the changes are counted from (null: since the adoption / from the start). */
	previous: ReportRecord | null;
	/** Changes are listed after this day (exclusive); '' = all up to the period's end. */
	changesSince: string;
	counts: StatusCounts;
	total: number;
	/** Mean progress of the measures with a recorded progress. */
	progress: number | null;
	fields: ReportField[];
	/** Newest first. */
	changes: ReportChange[];
	notesInPeriod: number;
	/** Language of the labels (English for `sprache=en`, else German). */
	locale?: 'de' | 'en';
}

export interface ReportInput {
	plan: Pick<PlanJson, 'meta' | 'fields'>;
	impls: Readonly<Record<string, Implementation>>;
	adoption: { date: string; body: string; reference: string } | null;
	indicators: readonly Indicator[];
	/** Earlier reports (any order). */
	reports: readonly ReportRecord[];
	period: ReportPeriod;
	today: string;
	timeZone: string;
	includeMeasure?: (measureId: string) => boolean;
	/** The plan's titles are in a reader language: which are German fallbacks (reader-language.ts). */
	marks?: ContentMarks | null;
	/** Label language of the PDF. */
	locale?: 'de' | 'en';
}

const countsZero = (): StatusCounts =>
	Object.fromEntries(IMPL_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** The report before a period: the one with the latest end before this period's end. */
export function previousReport(
	reports: readonly ReportRecord[],
	period: ReportPeriod
): ReportRecord | null {
	let best: ReportRecord | null = null;
	for (const r of reports) {
		if (!isDate(r.to) || r.to >= period.to) continue;
		if (!best || r.to > best.to || (r.to === best.to && r.generatedAt > best.generatedAt)) best = r;
	}
	return best;
}

/** Default period: the day after the last report (or the adoption, or 1 January) → today. */
export function defaultPeriod(
	reports: readonly ReportRecord[],
	adoptionDate: string | null,
	today: string
): ReportPeriod {
	const last = reports.filter((r) => isDate(r.to)).sort((a, b) => b.to.localeCompare(a.to))[0];
	let from = last ? addDays(last.to, 1) : adoptionDate && isDate(adoptionDate) ? adoptionDate : '';
	if (!from) from = `${today.slice(0, 4)}-01-01`;
	if (from > today) from = today;
	return { from, to: today };
}

export type PeriodResult =
	| { ok: true; value: ReportPeriod }
	| { ok: false; error: { code: 'invalid_dates'; message: string; field: 'von' | 'bis' } };

/** `von`/`bis` from a query (missing → the default), checked: real dates, in order. */
export function parseReportPeriod(
	query: { von?: string | null; bis?: string | null },
	fallback: ReportPeriod
): PeriodResult {
	const bad = (field: 'von' | 'bis', message: string): PeriodResult => ({
		ok: false,
		error: { code: 'invalid_dates', message, field }
	});
	const von = query.von?.trim() || fallback.from;
	const bis = query.bis?.trim() || fallback.to;
	if (!isDate(von))
		return bad(
			'von',
			'Bitte geben Sie den Beginn des Berichtszeitraums als gültiges Datum an (JJJJ-MM-TT).'
		);
	if (!isDate(bis))
		return bad(
			'bis',
			'Bitte geben Sie das Ende des Berichtszeitraums als gültiges Datum an (JJJJ-MM-TT).'
		);
	if (bis < von)
		return bad(
			'bis',
			`Der Berichtszeitraum endet (${germanDay(bis)}) vor seinem Beginn (${germanDay(von)}). Bitte tauschen Sie die Daten.`
		);
	return { ok: true, value: { from: von, to: bis } };
}

/** The day of a timestamp in the municipality's time zone ('' if it is no timestamp). */
function dayOf(at: string, zone: string): string {
	const t = Date.parse(at);
	return Number.isFinite(t) ? todayIn(zone, t) : '';
}

/** The status a measure had at the end of `day`: later changes (newest first) undone. */
export function statusAt(impl: Implementation, day: string, zone: string): ImplStatus {
	let status = impl.status;
	for (const change of impl.history) {
		const d = dayOf(change.at, zone);
		if (d && d > day) status = change.from;
		else break;
	}
	return status;
}

export function buildUmsetzungsbericht(input: ReportInput): UmsetzungsberichtModel {
	const { plan, period, timeZone } = input;
	const include = input.includeMeasure ?? (() => true);
	const previous = previousReport(input.reports, period);
	const changesSince = previous ? previous.to : (input.adoption?.date ?? '');
	const counts = countsZero();
	let total = 0;
	let progressSum = 0;
	let progressN = 0;
	let notesInPeriod = 0;
	const changes: ReportChange[] = [];
	// '' = untitled: the layout words it in the PDF's language (report-layout.ts, pdf_untitled).
	const title = (s: string) => s.trim();
	const fb = (id: string) =>
		input.marks?.[id]?.title?.fallback ? { titleFallback: true as const } : {};

	const fields: ReportField[] = plan.fields.map((f, fi) => {
		const fn = String(fi + 2);
		const field: ReportField = {
			id: f.id,
			number: fn,
			title: title(f.title),
			counts: countsZero(),
			total: 0,
			goals: [],
			...fb(f.id)
		};
		f.goals.forEach((g, gi) => {
			const gn = `${fn}.${gi + 1}`;
			const goal: ReportGoal = {
				id: g.id,
				number: gn,
				title: title(g.title),
				indicators: input.indicators.filter((i) => i.goalId === g.id),
				measures: [],
				...fb(g.id)
			};
			g.measures.forEach((m, mi) => {
				if (!include(m.id)) return;
				const number = `${gn}.${mi + 1}`;
				const impl = input.impls[m.id] ?? emptyImplementation(m.id);
				const status = statusAt(impl, period.to, timeZone);
				const notes = impl.notes
					.filter((n) => n.date >= period.from && n.date <= period.to)
					.map((n) => ({ date: n.date, text: n.text }))
					.reverse();
				notesInPeriod += notes.length;
				const progress = progressOf(impl);
				if (progress !== null) {
					progressSum += progress;
					progressN++;
				}
				goal.measures.push({
					id: m.id,
					number,
					title: title(m.title),
					status,
					progress,
					office: impl.office,
					overdue: isOverdue(impl, input.today),
					notes,
					...fb(m.id)
				});
				field.counts[status]++;
				field.total++;
				counts[status]++;
				total++;
				for (const c of impl.history) {
					const date = dayOf(c.at, timeZone);
					if (!date || date > period.to || (changesSince && date <= changesSince)) continue;
					changes.push({
						number,
						title: title(m.title),
						from: c.from,
						to: c.to,
						reason: c.reason,
						date
					});
				}
			});
			field.goals.push(goal);
		});
		return field;
	});
	changes.sort((a, b) => b.date.localeCompare(a.date) || a.number.localeCompare(b.number));

	return {
		planTitle: title(plan.meta.title),
		municipality: plan.meta.municipality.trim(),
		period,
		today: input.today,
		adoption: input.adoption,
		previous,
		changesSince,
		counts,
		total,
		progress: progressN === 0 ? null : Math.round(progressSum / progressN),
		fields,
		changes,
		notesInPeriod,
		...(input.locale === 'en' ? { locale: 'en' as const } : {})
	};
}
