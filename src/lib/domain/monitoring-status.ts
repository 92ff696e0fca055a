/**
 * Implementation monitoring (Umsetzung, issue 14), part 1: the vocabulary — the implementation
 * statuses with their labels and which status may follow which (with the reason a change needs),
 * the shape of a measure's implementation record and its tolerant reading. Pure.
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
