/**
 * Named versions, automatic snapshots, comparing and restoring versions, and the per-item edit
 * history (issue 6, part 2). These are the shapes the server (server/versions) stores and the
 * JSON API (docs/api.md, "Versionen") answers with. See docs/data-model.md, "Versionen".
 */
import type { ItemType, PlanJson } from '../domain/types';

/** named: taken by the owner; auto: after an editing pause; pre_restore: before a restore. */
export type VersionKind = 'named' | 'auto' | 'pre_restore';

export const VERSION_KIND_LABELS: Record<VersionKind, string> = {
	named: 'Benannte Version',
	auto: 'Automatisch',
	pre_restore: 'Vor Wiederherstellung'
};

export const MAX_VERSION_NAME_LENGTH = 120;

export interface VersionActor {
	id: string;
	name: string;
	kind: 'user' | 'guest' | 'system';
}

/** Metadata of one version; the snapshot itself is a blob (server/storage/blob-store.ts). */
export interface VersionMeta {
	id: string;
	planId: string;
	name: string;
	kind: VersionKind;
	createdBy: VersionActor;
	/** ISO timestamp */
	createdAt: string;
	/** Bytes of the snapshot (Y.encodeStateAsUpdate). */
	size: number;
	/** sha256 (hex) of the snapshot: equal hashes = same document state. */
	hash: string;
	counts: { principles: number; fields: number; goals: number; measures: number };
	/** pre_restore only: the version whose restore this snapshot precedes. */
	restoreOf?: { id: string; name: string };
}

export interface VersionWithPlan {
	version: VersionMeta;
	plan: PlanJson;
}

// ---------------------------------------------------------------------------------------------
// Compare

export interface TextSegment {
	type: 'equal' | 'insert' | 'delete';
	text: string;
}

export type FieldChange =
	| { field: string; kind: 'scalar'; from: string; to: string }
	| { field: string; kind: 'text'; from: string; to: string; segments: TextSegment[] }
	| { field: 'principleIds'; kind: 'links'; added: string[]; removed: string[] };

export interface ItemRef {
	id: string;
	type: ItemType;
	/** Title in the newer state (or the older one, for removed items). */
	title: string;
	/** Number like 2.1.3 (same numbering as the PDF), in the state the item is shown from. */
	number: string;
	/** Where it belongs, for grouping: the Handlungsfeld's title, or "Leitlinien". */
	section: string;
}

export interface MoveInfo {
	/** The parent changed (a measure moved to another goal, a goal to another field). */
	parentChanged: boolean;
	fromParent: { id: string; title: string } | null;
	toParent: { id: string; title: string } | null;
	/** Position among siblings changed (not only because others were inserted or removed). */
	reordered: boolean;
	fromNumber: string;
	toNumber: string;
}

export type ItemDiff =
	| (ItemRef & { status: 'added' })
	| (ItemRef & { status: 'removed' })
	| (ItemRef & { status: 'changed'; moved: MoveInfo | null; changes: FieldChange[] });

export interface PlanDiff {
	meta: Array<{ field: string; from: string; to: string }>;
	items: ItemDiff[];
	summary: { added: number; removed: number; moved: number; changed: number };
	/** Titles of the Leitlinien of both states (for showing changed links). */
	principleTitles: Record<string, string>;
}

/** One side of a comparison: a version, or the live plan ("aktueller Stand"). */
export interface CompareSide {
	id: string | 'current';
	name: string;
	createdAt: string | null;
}

export interface CompareResult {
	from: CompareSide;
	to: CompareSide;
	diff: PlanDiff;
}

// ---------------------------------------------------------------------------------------------
// Per-item history (attribution)

/** Pseudo item id of the plan's own data (title, Kommune, status, Förderhinweis) in the history. */
export const PLAN_META_ITEM = '_plan';

export type HistoryAction = 'created' | 'changed' | 'moved' | 'deleted' | 'restored';

export const HISTORY_ACTION_LABELS: Record<HistoryAction, string> = {
	created: 'angelegt',
	changed: 'geändert',
	moved: 'verschoben',
	deleted: 'gelöscht',
	restored: 'wiederhergestellt'
};

export interface HistoryEntry {
	id: string;
	/** ISO timestamp of the latest edit this entry covers. */
	at: string;
	/** ISO timestamp of the first edit this entry covers. */
	since: string;
	actor: VersionActor;
	itemId: string;
	/** The item's type when known (for field labels). */
	itemType: ItemType | null;
	action: HistoryAction;
	/** Changed fields (`position` = moved); empty for created/deleted. */
	fields: string[];
	/**
	 * Where a server-side change came from, e.g. "aus der Abstimmung „Prioritäten AG Wohnen“":
	 * the German sentence (entries stored before 06.12.2026 have only this). Show
	 * `historyNoteText(entry, locale)` (history-text.ts), which prefers `noteParams`.
	 */
	note?: string;
	/** The note as kind + params, worded in the reader's language (since 06.12.2026). */
	noteParams?: HistoryNote;
}

/** A note the server writes with a history entry, stored as kind + params. */
export type HistoryNote =
	/** An item made from an idea of a session (`date`: the session's day, YYYY-MM-DD). */
	| { kind: 'idea_session'; session: string; date: string }
	/** Priorities written back from a vote; `confirmed`: the priority stayed (now decided). */
	| { kind: 'vote'; vote: string; confirmed: boolean };
