/**
 * Implementation monitoring (Umsetzung, issue 14), part 2: validation of a measure's reported
 * data — progress, milestones, budget, office, contact, next update date — and of dated progress
 * notes ("Sachstand"), with clear German errors; the date helpers they use. Pure.
 */
import { err, ok, type Result } from './errors';
import type { BudgetYear, Implementation, Milestone, ProgressNote } from './monitoring-status';

export const MAX_NOTE_LENGTH = 4_000;
export const MAX_MILESTONES = 50;
export const MAX_BUDGET_YEARS = 30;
export const MAX_SHORT_TEXT = 200;
export const MAX_RESPONSIBLE = 20;
/** Days until the next Sachstand is due after one was recorded (when none is set). */
export const DEFAULT_UPDATE_INTERVAL_DAYS = 90;

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
