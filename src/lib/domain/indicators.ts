/**
 * Indicators per goal (issue 14, item 3): the pure model — types, validation of an indicator
 * and of a measured value with clear German errors, and the series a chart draws (measured
 * values sorted by date, baseline, target line, value range). No I/O: the service in
 * server/indicators stores what these functions accept.
 */
import { isIsoDate } from './schedule';

/** A dated value: the baseline (Ausgangswert) or the target (Zielwert). */
export interface IndicatorPoint {
	value: number;
	/** YYYY-MM-DD */
	date: string;
}

/** One measured value with its source (e.g. "Melderegister", "Jahresbericht Jobcenter"). */
export interface Measurement {
	id: string;
	value: number;
	date: string;
	source: string;
}

export interface Indicator {
	id: string;
	goalId: string;
	name: string;
	/** e.g. "%", "Personen", "Plätze"; may be '' */
	unit: string;
	baseline: IndicatorPoint | null;
	target: IndicatorPoint | null;
	/** sorted by date, then id */
	values: Measurement[];
	createdAt: string;
	updatedAt: string;
}

export type IndicatorErrorCode =
	| 'invalid_value'
	| 'not_a_number'
	| 'invalid_date'
	| 'invalid_dates'
	| 'name_required'
	| 'text_too_long'
	| 'unknown_goal'
	| 'goal_deleted'
	| 'indicators_full';

export interface IndicatorError {
	code: IndicatorErrorCode;
	message: string;
	field?: string;
}

export type IndicatorResult<T> = { ok: true; value: T } | { ok: false; error: IndicatorError };

export const INDICATOR_LIMITS = {
	name: 120,
	unit: 30,
	source: 300,
	perGoal: 20,
	perPlan: 500,
	valuesPerIndicator: 240
} as const;

const fail = <T>(
	code: IndicatorErrorCode,
	message: string,
	field?: string
): IndicatorResult<T> => ({
	ok: false,
	error: field ? { code, message, field } : { code, message }
});

/**
 * A number from JSON or a form: 12, "12", "12,5", "1.234,5" (German) or "1234.5". Anything else
 * (text, empty, NaN, Infinity) is null.
 */
export function parseNumber(raw: unknown): number | null {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
	if (typeof raw !== 'string') return null;
	let s = raw.trim().replace(/\s/g, '');
	if (s === '') return null;
	if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
	const n = Number(s);
	return Number.isFinite(n) ? n : null;
}

function text(
	raw: unknown,
	field: string,
	label: string,
	max: number,
	required = false
): IndicatorResult<string> {
	if (raw === undefined || raw === null) raw = '';
	if (typeof raw !== 'string') return fail('invalid_value', `${label} muss ein Text sein.`, field);
	const v = raw.trim();
	if (required && v === '')
		return fail('name_required', `Bitte geben Sie ${label.toLowerCase()} an.`, field);
	if (v.length > max)
		return fail('text_too_long', `${label} darf höchstens ${max} Zeichen lang sein.`, field);
	return { ok: true, value: v };
}

function number(raw: unknown, field: string, label: string): IndicatorResult<number> {
	const n = parseNumber(raw);
	if (n === null) {
		const shown = typeof raw === 'string' || typeof raw === 'number' ? ` „${String(raw)}“` : '';
		return fail(
			'not_a_number',
			`${label}${shown} ist keine Zahl. Bitte geben Sie eine Zahl an, z. B. 12 oder 12,5.`,
			field
		);
	}
	return { ok: true, value: n };
}

function date(raw: unknown, field: string, label: string): IndicatorResult<string> {
	if (!isIsoDate(raw))
		return fail(
			'invalid_date',
			`${label} ist kein gültiges Datum (JJJJ-MM-TT, Jahr 2000–2100), z. B. 2027-03-12.`,
			field
		);
	return { ok: true, value: raw };
}

/** A baseline or target: both parts or none (absent, null, or both parts empty). */
function point(raw: unknown, field: string, label: string): IndicatorResult<IndicatorPoint | null> {
	if (raw === undefined || raw === null) return { ok: true, value: null };
	if (typeof raw !== 'object' || Array.isArray(raw))
		return fail('invalid_value', `${label}: erwartet werden Wert und Datum.`, field);
	const r = raw as Record<string, unknown>;
	const empty = (v: unknown) => v === undefined || v === null || v === '';
	if (empty(r.value) && empty(r.date)) return { ok: true, value: null };
	const v = number(r.value, `${field}.value`, `${label} (Wert)`);
	if (!v.ok) return v;
	const d = date(r.date, `${field}.date`, `Das Datum von ${label}`);
	if (!d.ok) return d;
	return { ok: true, value: { value: v.value, date: d.value } };
}

export interface IndicatorInput {
	goalId: string;
	name: string;
	unit: string;
	baseline: IndicatorPoint | null;
	target: IndicatorPoint | null;
}

/**
 * Checks an indicator (new, or the merged state after a change). `goalExists` answers whether
 * the goal is in the plan now.
 */
export function validateIndicator(
	body: Record<string, unknown>,
	goalExists: (goalId: string) => boolean
): IndicatorResult<IndicatorInput> {
	if (typeof body.goalId !== 'string' || !goalExists(body.goalId))
		return fail(
			'unknown_goal',
			'Dieses Ziel gibt es im Plan nicht (mehr). Bitte laden Sie die Seite neu.',
			'goalId'
		);
	const name = text(body.name, 'name', 'Den Namen des Indikators', INDICATOR_LIMITS.name, true);
	if (!name.ok) return name;
	const unit = text(body.unit, 'unit', 'Die Einheit', INDICATOR_LIMITS.unit);
	if (!unit.ok) return unit;
	const baseline = point(body.baseline, 'baseline', 'der Ausgangswert');
	if (!baseline.ok) return baseline;
	const target = point(body.target, 'target', 'der Zielwert');
	if (!target.ok) return target;
	if (baseline.value && target.value && baseline.value.date >= target.value.date)
		return fail(
			'invalid_dates',
			`Das Zieldatum (${deDate(target.value.date)}) muss nach dem Datum des Ausgangswerts (${deDate(baseline.value.date)}) liegen.`,
			'target.date'
		);
	return {
		ok: true,
		value: {
			goalId: body.goalId,
			name: name.value,
			unit: unit.value,
			baseline: baseline.value,
			target: target.value
		}
	};
}

/** Checks a measured value (value, date, source). */
export function validateMeasurement(
	body: Record<string, unknown>
): IndicatorResult<Omit<Measurement, 'id'>> {
	const v = number(body.value, 'value', 'Der Messwert');
	if (!v.ok) return v;
	const d = date(body.date, 'date', 'Das Datum des Messwerts');
	if (!d.ok) return d;
	const source = text(body.source, 'source', 'Die Quelle', INDICATOR_LIMITS.source);
	if (!source.ok) return source;
	return { ok: true, value: { value: v.value, date: d.value, source: source.value } };
}

/** The refusal when an indicator's goal was deleted after the indicator was made. */
export function goalDeletedError(): IndicatorError {
	return {
		code: 'goal_deleted',
		message:
			'Das Ziel dieses Indikators wurde inzwischen gelöscht. Werte lassen sich nicht mehr eintragen.'
	};
}

export const sortMeasurements = (values: readonly Measurement[]): Measurement[] =>
	[...values].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

/** 2027-03-12 → 12.03.2027 */
export function deDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** 12.5 → "12,5" (German, up to 2 decimals). */
export function deNumber(n: number): string {
	return n.toLocaleString('de-DE', { maximumFractionDigits: 2 });
}

export interface SeriesPoint {
	date: string;
	/** ms since epoch (UTC midnight) */
	t: number;
	value: number;
}

/** What a chart of one indicator draws; null domains if there is nothing to draw. */
export interface IndicatorSeries {
	/** baseline (if any) followed by the measured values, by date */
	points: SeriesPoint[];
	baseline: SeriesPoint | null;
	target: SeriesPoint | null;
	/** the dashed target line: from the baseline (or first value) to the target */
	targetLine: [SeriesPoint, SeriesPoint] | null;
	/** [min, max] over every date / value shown; equal ends widened */
	timeDomain: [number, number] | null;
	valueDomain: [number, number] | null;
}

const toPoint = (date: string, value: number): SeriesPoint => ({
	date,
	t: Date.parse(`${date}T00:00:00Z`),
	value
});

export function indicatorSeries(
	ind: Pick<Indicator, 'baseline' | 'target' | 'values'>
): IndicatorSeries {
	const baseline = ind.baseline ? toPoint(ind.baseline.date, ind.baseline.value) : null;
	const target = ind.target ? toPoint(ind.target.date, ind.target.value) : null;
	const measured = sortMeasurements(ind.values).map((m) => toPoint(m.date, m.value));
	const points = baseline ? [baseline, ...measured] : measured;
	points.sort((a, b) => a.t - b.t);
	const start = baseline ?? points[0] ?? null;
	const targetLine: [SeriesPoint, SeriesPoint] | null =
		target && start && start.t < target.t ? [start, target] : null;
	const all = target ? [...points, target] : points;
	if (all.length === 0)
		return { points, baseline, target, targetLine, timeDomain: null, valueDomain: null };
	let [t0, t1] = [Math.min(...all.map((p) => p.t)), Math.max(...all.map((p) => p.t))];
	let [v0, v1] = [Math.min(...all.map((p) => p.value)), Math.max(...all.map((p) => p.value))];
	if (t0 === t1) [t0, t1] = [t0 - 15 * 86_400_000, t1 + 15 * 86_400_000];
	// Counts and shares read best from zero; values far from zero keep their range.
	if (v0 > 0 && v0 <= v1 / 2) v0 = 0;
	if (v0 === v1) [v0, v1] = v0 === 0 ? [0, 1] : [Math.min(0, v0), Math.max(0, v1) * 1.1 || 1];
	return { points, baseline, target, targetLine, timeDomain: [t0, t1], valueDomain: [v0, v1] };
}

/** The newest measured value, if any. */
export function latestMeasurement(ind: Pick<Indicator, 'values'>): Measurement | null {
	const sorted = sortMeasurements(ind.values);
	return sorted[sorted.length - 1] ?? null;
}
