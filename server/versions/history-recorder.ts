/**
 * The per-item history (who changed what and when): coalesces edits per (actor, item) for
 * HISTORY_COALESCE_MS in memory, flushes closed entries to a capped KV list per plan in order,
 * and reads them back merged with what this instance still holds.
 */
import { isValidPlanId, newId } from '../../src/lib/domain/index';
import type { ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import {
	type HistoryAction,
	type HistoryEntry,
	type HistoryNote,
	type VersionActor
} from '../../src/lib/versions/types';
import { noteText } from '../../src/lib/versions/history-text';
import type { VersionServiceDeps } from './common';
import { historyKey, planGone, unavailable } from './common';

/** Edits of one person on one item within this window become one history entry. */
export const HISTORY_COALESCE_MS = 2 * 60_000;
/** History entries kept per plan (newest). */
export const HISTORY_CAP = 2000;

interface OpenEntry {
	entry: HistoryEntry;
	lastMs: number;
}

export class HistoryRecorder {
	/** planId → (actor|item) → open history entry */
	private readonly open = new Map<string, Map<string, OpenEntry>>();
	/** planId → entries whose window has closed, oldest first, not yet in the KV */
	private readonly pending = new Map<string, HistoryEntry[]>();
	/** Flushes run one after another (an entry is never written twice). */
	private flushing: Promise<void> = Promise.resolve();

	constructor(
		private readonly deps: Pick<VersionServiceDeps, 'kv' | 'rooms' | 'log'>,
		/** Takes back what was written for a plan that was deleted meanwhile. */
		private readonly deletePlan: (planId: string) => Promise<void>
	) {}

	async history(
		planId: string,
		itemId: string | null,
		limit: number
	): Promise<ApiResult<HistoryEntry[]>> {
		if (!isValidPlanId(planId)) return { ok: false, error: PLAN_ERRORS.invalidId() };
		let stored: HistoryEntry[];
		try {
			const raw = await this.deps.kv.listRange(historyKey(planId), 0, HISTORY_CAP - 1);
			stored = raw.flatMap((line) => {
				try {
					return [JSON.parse(line) as HistoryEntry];
				} catch {
					return [];
				}
			});
		} catch (error) {
			this.deps.log.warn('reading history failed', { planId, error });
			return unavailable();
		}
		const byId = new Map(stored.map((e) => [e.id, e]));
		for (const entry of this.pending.get(planId) ?? []) byId.set(entry.id, entry);
		for (const { entry } of this.open.get(planId)?.values() ?? []) byId.set(entry.id, entry);
		const entries = [...byId.values()]
			.filter((e) => itemId === null || e.itemId === itemId)
			.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
			.slice(0, limit);
		return { ok: true, value: entries };
	}

	/**
	 * Writes history entries to the KV: the closed ones, and the open ones all (force) or those
	 * whose window has closed. What the KV does not take stays in memory for the next flush.
	 */
	flushHistory(force: boolean, onlyPlan?: string): Promise<void> {
		const run = this.flushing.then(() => this.writeHistory(force, onlyPlan));
		this.flushing = run.catch(() => {});
		return run;
	}

	private async writeHistory(force: boolean, onlyPlan?: string): Promise<void> {
		const now = Date.now();
		const push = (planId: string, entry: HistoryEntry) =>
			this.deps.kv.listPush(historyKey(planId), JSON.stringify(entry), HISTORY_CAP);
		for (const planId of new Set([...this.pending.keys(), ...this.open.keys()])) {
			if (onlyPlan !== undefined && planId !== onlyPlan) continue;
			if (this.deps.rooms.isDeleted(planId)) {
				this.forget(planId); // deleted plan: nothing more to record
				continue;
			}
			// Entries whose window has closed (all: force) join the closed ones, in order.
			const pending = this.pending.get(planId) ?? [];
			const entries = this.open.get(planId);
			for (const [key, open] of [...(entries ?? [])]) {
				if (!force && now - open.lastMs < HISTORY_COALESCE_MS) continue;
				entries!.delete(key);
				pending.push(open.entry);
			}
			if (entries?.size === 0) this.open.delete(planId);
			if (pending.length > 0) this.pending.set(planId, pending);
			let wrote = false;
			try {
				while (pending.length > 0) {
					await push(planId, pending[0]);
					pending.shift();
					wrote = true;
				}
				if (this.pending.get(planId) === pending) this.pending.delete(planId);
			} catch (error) {
				this.deps.log.warn('writing history failed; kept in memory', { planId, error });
				return;
			}
			// Deleted meanwhile (here or on another instance): take back what was just written.
			if (wrote && (await planGone(this.deps.rooms, planId))) await this.deletePlan(planId);
		}
	}

	/** Drops what this instance still holds of a plan's history (plan deleted). */
	forget(planId: string): void {
		this.open.delete(planId);
		this.pending.delete(planId);
	}

	record(
		planId: string,
		actor: VersionActor,
		itemId: string,
		itemType: HistoryEntry['itemType'],
		action: HistoryAction,
		fields: string[],
		/** A German sentence, or kind + params (stored with its German sentence for older readers). */
		note?: string | HistoryNote
	): void {
		const now = Date.now();
		const at = new Date(now).toISOString();
		let entries = this.open.get(planId);
		if (!entries) {
			entries = new Map();
			this.open.set(planId, entries);
		}
		const key = `${actor.id}\u0000${itemId}`;
		const open = entries.get(key);
		if (note !== undefined) {
			// An entry with a note (e.g. "aus der Abstimmung …") stands alone: the open window
			// is closed first, then this entry is written as it is.
			const pending = this.pending.get(planId) ?? [];
			if (open) pending.push(open.entry);
			entries.delete(key);
			const words =
				typeof note === 'string' ? { note } : { note: noteText(note, 'de'), noteParams: note };
			pending.push({ ...newEntry(at, { actor, itemId, itemType, action, fields }), ...words });
			this.pending.set(planId, pending);
			queueMicrotask(() => void this.flushHistory(false, planId));
			return;
		}
		if (open && now - open.lastMs < HISTORY_COALESCE_MS && mergeable(open.entry.action, action)) {
			const e = open.entry;
			e.at = at;
			e.action = mergeAction(e.action, action, [...e.fields, ...fields]);
			for (const f of fields) if (!e.fields.includes(f)) e.fields.push(f);
			if (e.action === 'created' || e.action === 'deleted') e.fields = [];
			e.itemType ??= itemType;
			open.lastMs = now;
			return;
		}
		if (open) {
			// The old window is closed: written (in order) with the next flush, then a new one.
			const pending = this.pending.get(planId) ?? [];
			pending.push(open.entry);
			this.pending.set(planId, pending);
			if (pending.length === 1) queueMicrotask(() => void this.flushHistory(false, planId));
		}
		entries.set(key, {
			lastMs: now,
			entry: newEntry(at, {
				actor,
				itemId,
				itemType,
				action,
				fields: action === 'created' || action === 'deleted' ? [] : [...fields]
			})
		});
	}
}

/** A new history entry that so far covers one edit, at `at`. */
function newEntry(
	at: string,
	what: Pick<HistoryEntry, 'actor' | 'itemId' | 'itemType' | 'action' | 'fields'>
): HistoryEntry {
	return { id: newId(), at, since: at, ...what };
}

function mergeable(previous: HistoryAction, next: HistoryAction): boolean {
	if (previous === 'deleted') return false; // a re-created item starts a new entry
	// "angelegt" stays its own entry, so later edits still show which fields changed
	if (previous === 'created') return next === 'created';
	if (previous === 'restored' || next === 'restored') return previous === next;
	return true;
}

function mergeAction(
	previous: HistoryAction,
	next: HistoryAction,
	fields: string[]
): HistoryAction {
	if (next === 'deleted') return 'deleted';
	if (previous === 'created') return 'created';
	if (previous === 'restored') return 'restored';
	return fields.some((f) => f !== 'position') ? 'changed' : 'moved';
}
