/**
 * Implementation monitoring (Umsetzung, issue 14) as pure domain logic: the status vocabulary and
 * which status may follow which, validation of a measure's implementation data (progress,
 * milestones, budget, office, next update), progress notes ("Sachstand") and the roll-up per
 * field and goal. No I/O: the service (server/monitoring) stores what this returns.
 */
import { err, ok, type Result } from './errors';

export const IMPL_STATUSES = [
	'nicht_begonnen',
	'geplant',
	'in_umsetzung',
	'verzoegert',
	'umgesetzt',
	'dauerhaft_etabliert',
	'eingestellt',
	'unbekannt'
] as const;
export type ImplStatus = (typeof IMPL_STATUSES)[number];

export const IMPL_STATUS_LABELS: Record<ImplStatus, string> = {
	nicht_begonnen: 'nicht begonnen',
	geplant: 'geplant',
	in_umsetzung: 'in Umsetzung',
	verzoegert: 'verzögert',
	umgesetzt: 'umgesetzt',
	dauerhaft_etabliert: 'dauerhaft etabliert',
	eingestellt: 'eingestellt',
	unbekannt: 'unbekannt'
};

export const isImplStatus = (v: unknown): v is ImplStatus =>
	typeof v === 'string' && (IMPL_STATUSES as readonly string[]).includes(v);

/**
 * Which status may follow which. Everything may become "unbekannt" (nobody reported) and may
 * come back from it; "nicht begonnen" is only reachable before work started; a finished or
 * stopped measure can be taken up again ("in Umsetzung") but not be "geplant" anew.
 */
const NEXT: Record<ImplStatus, readonly ImplStatus[]> = {
	nicht_begonnen: ['geplant', 'in_umsetzung', 'verzoegert', 'eingestellt', 'unbekannt'],
	geplant: ['nicht_begonnen', 'in_umsetzung', 'verzoegert', 'eingestellt', 'unbekannt'],
	in_umsetzung: ['verzoegert', 'umgesetzt', 'dauerhaft_etabliert', 'eingestellt', 'unbekannt'],
	verzoegert: ['geplant', 'in_umsetzung', 'umgesetzt', 'eingestellt', 'unbekannt'],
	umgesetzt: ['dauerhaft_etabliert', 'in_umsetzung', 'eingestellt', 'unbekannt'],
	dauerhaft_etabliert: ['in_umsetzung', 'eingestellt', 'unbekannt'],
	eingestellt: ['in_umsetzung', 'unbekannt'],
	unbekannt: [
		'nicht_begonnen',
		'geplant',
		'in_umsetzung',
		'verzoegert',
		'umgesetzt',
		'dauerhaft_etabliert',
		'eingestellt'
	]
};

export function allowedNext(from: ImplStatus): readonly ImplStatus[] {
	return NEXT[from];
}

export const MIN_REASON_LENGTH = 3;
export const MAX_REASON_LENGTH = 500;
export const MAX_NOTE_LENGTH = 4_000;
export const MAX_MILESTONES = 50;
export const MAX_BUDGET_YEARS = 30;
export const MAX_SHORT_TEXT = 200;
export const MAX_RESPONSIBLE = 20;
/** Days until the next Sachstand is due after one was recorded (when none is set). */
export const DEFAULT_UPDATE_INTERVAL_DAYS = 90;

export interface PersonRef {
	id: string;
	name: string;
}

export interface Milestone {
	id: string;
	title: string;
	/** YYYY-MM-DD */
	dueDate: string;
	done: boolean;
}

export interface BudgetYear {
	year: number;
	/** Euro; null = not given. */
	planned: number | null;
	spent: number | null;
}

export interface ProgressNote {
	id: string;
	/** The day the Sachstand describes (YYYY-MM-DD). */
	date: string;
	text: string;
	author: PersonRef;
	createdAt: string;
}

export interface StatusChange {
	from: ImplStatus;
	to: ImplStatus;
	reason: string;
	by: PersonRef;
	at: string;
}

export interface Implementation {
	measureId: string;
	status: ImplStatus;
	progressMode: 'percent' | 'milestones';
	/** 0–100 when progressMode is 'percent'. */
	percent: number | null;
	milestones: Milestone[];
	/** Zuständiges Amt */
	office: string;
	/** Ansprechperson (free text: name, phone, e-mail) */
	contact: string;
	/** Accounts who report on this measure (members of the plan). */
	responsibleIds: string[];
	budget: BudgetYear[];
	/** Newest first. */
	notes: ProgressNote[];
	/** Status changes, newest first. */
	history: StatusChange[];
	/** Next Sachstand due (YYYY-MM-DD) or ''. */
	nextUpdateDue: string;
	/**
	 * Shown on the public progress page (default true). false = "nicht öffentlich": the measure is
	 * left out of the public page, its JSON and counts entirely (see monitoring-public.ts).
	 */
	public: boolean;
	updatedAt: string;
}

export function emptyImplementation(measureId: string): Implementation {
	return {
		measureId,
		status: 'nicht_begonnen',
		progressMode: 'percent',
		percent: null,
		milestones: [],
		office: '',
		contact: '',
		responsibleIds: [],
		budget: [],
		notes: [],
		history: [],
		nextUpdateDue: '',
		public: true,
		updatedAt: ''
	};
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = DATE.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (y < 2000 || y > 2100) return false;
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function germanDay(date: string): string {
	const [y, m, d] = date.split('-');
	return `${d}.${m}.${y}`;
}

/** A status change: allowed by the table and with a short reason. */
export function checkStatusChange(
	from: ImplStatus,
	to: unknown,
	reason: unknown
): Result<{ to: ImplStatus; reason: string }> {
	if (!isImplStatus(to))
		return err('invalid_value', 'Diesen Umsetzungsstand gibt es nicht.', 'status');
	if (to === from) {
		return err(
			'invalid_value',
			`Der Umsetzungsstand ist bereits „${IMPL_STATUS_LABELS[to]}“.`,
			'status'
		);
	}
	const text = typeof reason === 'string' ? reason.trim() : '';
	if (text.length < MIN_REASON_LENGTH) {
		return err(
			'invalid_value',
			'Bitte begründen Sie die Änderung des Umsetzungsstands kurz (mindestens 3 Zeichen).',
			'reason'
		);
	}
	if (text.length > MAX_REASON_LENGTH) {
		return err(
			'invalid_value',
			`Die Begründung darf höchstens ${MAX_REASON_LENGTH} Zeichen lang sein.`,
			'reason'
		);
	}
	if (!NEXT[from].includes(to)) {
		return err(
			'invalid_value',
			`Von „${IMPL_STATUS_LABELS[from]}“ kann der Stand nicht auf „${IMPL_STATUS_LABELS[to]}“ wechseln.`,
			'status'
		);
	}
	return ok({ to, reason: text });
}

function shortText(value: unknown, label: string, field: string): Result<string> {
	if (typeof value !== 'string') return err('invalid_value', `${label} muss ein Text sein.`, field);
	const t = value.trim();
	if (t.length > MAX_SHORT_TEXT) {
		return err(
			'text_too_long',
			`${label} darf höchstens ${MAX_SHORT_TEXT} Zeichen lang sein.`,
			field
		);
	}
	return ok(t);
}

function percentOf(value: unknown): Result<number | null> {
	if (value === null || value === '') return ok(null);
	const n = typeof value === 'string' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) {
		return err(
			'invalid_value',
			'Der Fortschritt muss eine Zahl zwischen 0 und 100 Prozent sein.',
			'percent'
		);
	}
	return ok(Math.round(n));
}

function milestonesOf(value: unknown, newId: () => string): Result<Milestone[]> {
	if (!Array.isArray(value)) return err('invalid_value', 'Ungültige Meilensteine.', 'milestones');
	if (value.length > MAX_MILESTONES) {
		return err('invalid_value', `Höchstens ${MAX_MILESTONES} Meilensteine.`, 'milestones');
	}
	const out: Milestone[] = [];
	for (const [i, raw] of value.entries()) {
		const m = (raw ?? {}) as Record<string, unknown>;
		const n = i + 1;
		const title = typeof m.title === 'string' ? m.title.trim() : '';
		if (!title || title.length > MAX_SHORT_TEXT) {
			return err(
				'invalid_value',
				`Meilenstein ${n}: Bitte geben Sie einen Titel (bis ${MAX_SHORT_TEXT} Zeichen) ein.`,
				'milestones'
			);
		}
		if (!isDate(m.dueDate)) {
			return err(
				'invalid_dates',
				`Meilenstein ${n}: Bitte geben Sie ein gültiges Fälligkeitsdatum (JJJJ-MM-TT) an.`,
				'milestones'
			);
		}
		const id = typeof m.id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(m.id) ? m.id : newId();
		out.push({ id, title, dueDate: m.dueDate, done: m.done === true });
	}
	return ok(out.sort((a, b) => a.dueDate.localeCompare(b.dueDate)));
}

function euro(value: unknown, year: number, what: string): Result<number | null> {
	if (value === null || value === '' || value === undefined) return ok(null);
	const n = typeof value === 'string' ? Number(value.replace(',', '.')) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 1e12) {
		return err(
			'invalid_value',
			`Haushalt ${year}: ${what} muss ein Betrag ab 0 Euro sein.`,
			'budget'
		);
	}
	return ok(Math.round(n * 100) / 100);
}

function budgetOf(value: unknown): Result<BudgetYear[]> {
	if (!Array.isArray(value)) return err('invalid_value', 'Ungültige Haushaltsangaben.', 'budget');
	if (value.length > MAX_BUDGET_YEARS) {
		return err('invalid_value', `Höchstens ${MAX_BUDGET_YEARS} Haushaltsjahre.`, 'budget');
	}
	const seen = new Set<number>();
	const out: BudgetYear[] = [];
	for (const raw of value) {
		const b = (raw ?? {}) as Record<string, unknown>;
		const year = Number(b.year);
		if (!Number.isInteger(year) || year < 2000 || year > 2100) {
			return err(
				'invalid_value',
				'Das Haushaltsjahr muss zwischen 2000 und 2100 liegen.',
				'budget'
			);
		}
		if (seen.has(year)) {
			return err('invalid_value', `Das Haushaltsjahr ${year} ist doppelt angegeben.`, 'budget');
		}
		seen.add(year);
		const planned = euro(b.planned, year, 'Geplant');
		if (!planned.ok) return planned;
		const spent = euro(b.spent, year, 'Ausgegeben');
		if (!spent.ok) return spent;
		out.push({ year, planned: planned.value, spent: spent.value });
	}
	return ok(out.sort((a, b) => a.year - b.year));
}

/** What a report may change (not the status: see `checkStatusChange`). */
export interface ImplPatchInput {
	progressMode?: unknown;
	percent?: unknown;
	milestones?: unknown;
	office?: unknown;
	contact?: unknown;
	budget?: unknown;
	nextUpdateDue?: unknown;
}

/**
 * Applies a validated patch of progress, milestones, office, contact, budget and next update
 * date. The next update may not lie before the latest Sachstand (dates in the wrong order).
 */
export function applyImplPatch(
	current: Implementation,
	patch: ImplPatchInput,
	newId: () => string
): Result<Implementation> {
	const next: Implementation = { ...current };
	if (patch.progressMode !== undefined) {
		if (patch.progressMode !== 'percent' && patch.progressMode !== 'milestones') {
			return err(
				'invalid_value',
				'Fortschritt wird in Prozent oder nach Meilensteinen erfasst.',
				'progressMode'
			);
		}
		next.progressMode = patch.progressMode;
	}
	if (patch.percent !== undefined) {
		const p = percentOf(patch.percent);
		if (!p.ok) return p;
		next.percent = p.value;
	}
	if (patch.milestones !== undefined) {
		const m = milestonesOf(patch.milestones, newId);
		if (!m.ok) return m;
		next.milestones = m.value;
	}
	if (patch.office !== undefined) {
		const t = shortText(patch.office, 'Das Amt', 'office');
		if (!t.ok) return t;
		next.office = t.value;
	}
	if (patch.contact !== undefined) {
		const t = shortText(patch.contact, 'Die Ansprechperson', 'contact');
		if (!t.ok) return t;
		next.contact = t.value;
	}
	if (patch.budget !== undefined) {
		const b = budgetOf(patch.budget);
		if (!b.ok) return b;
		next.budget = b.value;
	}
	if (patch.nextUpdateDue !== undefined) {
		if (patch.nextUpdateDue !== '' && !isDate(patch.nextUpdateDue)) {
			return err(
				'invalid_dates',
				'Bitte geben Sie das nächste Sachstandsdatum als gültiges Datum an.',
				'nextUpdateDue'
			);
		}
		const latest = current.notes[0]?.date;
		if (patch.nextUpdateDue && latest && patch.nextUpdateDue < latest) {
			return err(
				'invalid_dates',
				`Der nächste Sachstand kann nicht vor dem letzten (${germanDay(latest)}) fällig sein.`,
				'nextUpdateDue'
			);
		}
		next.nextUpdateDue = patch.nextUpdateDue as string;
	}
	return ok(next);
}

/**
 * A dated Sachstand: not in the future, not before the one before it is… allowed (a late entry),
 * text required. The timeline stays sorted by date, newest first.
 */
export function checkNote(
	input: { date?: unknown; text?: unknown },
	today: string
): Result<{ date: string; text: string }> {
	if (!isDate(input.date)) {
		return err(
			'invalid_dates',
			'Bitte geben Sie das Datum des Sachstands an (JJJJ-MM-TT).',
			'date'
		);
	}
	if (input.date > today) {
		return err('invalid_dates', 'Ein Sachstand kann nicht in der Zukunft liegen.', 'date');
	}
	const text = typeof input.text === 'string' ? input.text.trim() : '';
	if (!text) return err('invalid_value', 'Bitte beschreiben Sie den Sachstand.', 'text');
	if (text.length > MAX_NOTE_LENGTH) {
		return err(
			'text_too_long',
			`Der Sachstand darf höchstens ${MAX_NOTE_LENGTH.toLocaleString('de-DE')} Zeichen lang sein.`,
			'text'
		);
	}
	return ok({ date: input.date, text });
}

/** Adds a note to the timeline (sorted, newest first) and moves a past due date forward. */
export function addNote(impl: Implementation, note: ProgressNote, today: string): Implementation {
	const notes = [note, ...impl.notes].sort(
		(a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)
	);
	const nextUpdateDue =
		!impl.nextUpdateDue || impl.nextUpdateDue <= today
			? addDays(today, DEFAULT_UPDATE_INTERVAL_DAYS)
			: impl.nextUpdateDue;
	return { ...impl, notes, nextUpdateDue };
}

/** Progress 0–100 (percent, or share of milestones done), null if nothing recorded. */
export function progressOf(impl: Implementation): number | null {
	if (impl.progressMode === 'milestones') {
		if (impl.milestones.length === 0) return null;
		const done = impl.milestones.filter((m) => m.done).length;
		return Math.round((done / impl.milestones.length) * 100);
	}
	return impl.percent;
}

/** True if the next Sachstand was due before today. */
export function isOverdue(impl: Pick<Implementation, 'nextUpdateDue' | 'status'>, today: string) {
	if (impl.status === 'eingestellt' || impl.status === 'dauerhaft_etabliert') return false;
	return impl.nextUpdateDue !== '' && impl.nextUpdateDue < today;
}

export type StatusCounts = Record<ImplStatus, number>;

export interface RollUp {
	total: number;
	counts: StatusCounts;
	/** Mean progress of the measures with a recorded progress, null if none. */
	progress: number | null;
	overdue: number;
}

export interface RollUpEntry {
	measureId: string;
	goalId: string;
	fieldId: string;
	impl: Implementation;
}

function emptyRollUp(): RollUp {
	const counts = Object.fromEntries(IMPL_STATUSES.map((s) => [s, 0])) as StatusCounts;
	return { total: 0, counts, progress: null, overdue: 0 };
}

function rollInto(
	target: RollUp & { sum: number; n: number },
	impl: Implementation,
	today: string
) {
	target.total++;
	target.counts[impl.status]++;
	const p = progressOf(impl);
	if (p !== null) {
		target.sum += p;
		target.n++;
	}
	if (isOverdue(impl, today)) target.overdue++;
}

/** Status counts, mean progress and overdue updates for the plan, per field and per goal. */
export function rollUp(
	entries: readonly RollUpEntry[],
	today: string
): { plan: RollUp; fields: Record<string, RollUp>; goals: Record<string, RollUp> } {
	type Acc = RollUp & { sum: number; n: number };
	const make = (): Acc => ({ ...emptyRollUp(), sum: 0, n: 0 });
	const plan = make();
	const fields = new Map<string, Acc>();
	const goals = new Map<string, Acc>();
	for (const e of entries) {
		rollInto(plan, e.impl, today);
		if (!fields.has(e.fieldId)) fields.set(e.fieldId, make());
		rollInto(fields.get(e.fieldId)!, e.impl, today);
		if (!goals.has(e.goalId)) goals.set(e.goalId, make());
		rollInto(goals.get(e.goalId)!, e.impl, today);
	}
	const done = ({ sum, n, ...rest }: Acc): RollUp => ({
		...rest,
		progress: n === 0 ? null : Math.round(sum / n)
	});
	return {
		plan: done(plan),
		fields: Object.fromEntries([...fields].map(([k, v]) => [k, done(v)])),
		goals: Object.fromEntries([...goals].map(([k, v]) => [k, done(v)]))
	};
}

/** Reads a stored record tolerantly (older or broken data never crashes a page). */
export function parseImplementation(measureId: string, raw: unknown): Implementation {
	const base = emptyImplementation(measureId);
	if (!raw || typeof raw !== 'object') return base;
	const r = raw as Partial<Implementation>;
	return {
		...base,
		status: isImplStatus(r.status) ? r.status : base.status,
		progressMode: r.progressMode === 'milestones' ? 'milestones' : 'percent',
		percent: typeof r.percent === 'number' ? r.percent : null,
		milestones: Array.isArray(r.milestones) ? r.milestones : [],
		office: typeof r.office === 'string' ? r.office : '',
		contact: typeof r.contact === 'string' ? r.contact : '',
		responsibleIds: Array.isArray(r.responsibleIds)
			? r.responsibleIds.filter((x) => typeof x === 'string')
			: [],
		budget: Array.isArray(r.budget) ? r.budget : [],
		notes: Array.isArray(r.notes) ? r.notes : [],
		history: Array.isArray(r.history) ? r.history : [],
		nextUpdateDue: typeof r.nextUpdateDue === 'string' ? r.nextUpdateDue : '',
		public: r.public !== false,
		updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : ''
	};
}
