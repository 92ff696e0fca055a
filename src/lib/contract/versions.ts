/**
 * The versions contract: named and automatic versions, compare, restore and per-item history
 * (implemented in server/versions). The route has checked the plan role.
 */
import type { ItemType } from '../domain/types';
import type { ApiResult } from './result';
import type { InterfaceLocale } from './languages';
import type {
	CompareResult,
	HistoryAction,
	HistoryEntry,
	HistoryNote,
	VersionActor,
	VersionMeta,
	VersionWithPlan
} from '../versions/types';

/** The versions part of the backend (`MitplanBackend.versions`, implemented in server/versions). */
export interface VersionsBackend {
	list(planId: string): Promise<ApiResult<VersionMeta[]>>;
	take(planId: string, actor: VersionActor, name: string): Promise<ApiResult<VersionMeta>>;
	get(planId: string, versionId: string): Promise<ApiResult<VersionWithPlan>>;
	/** The version's stored Yjs state (with its translations; the PDF in a reader language). */
	state(
		planId: string,
		versionId: string
	): Promise<ApiResult<{ version: VersionWithPlan['version']; state: Uint8Array }>>;
	compare(planId: string, from: string, to: string): Promise<ApiResult<CompareResult>>;
	/** `locale`: the language of the name of the `pre_restore` snapshot (default German). */
	restore(
		planId: string,
		versionId: string,
		actor: VersionActor,
		locale?: InterfaceLocale
	): Promise<ApiResult<{ restored: VersionMeta; snapshot: VersionMeta }>>;
	/** Deletes one version (owner; the route audits it). */
	remove(planId: string, versionId: string): Promise<ApiResult<VersionMeta>>;
	history(planId: string, itemId: string | null, limit: number): Promise<ApiResult<HistoryEntry[]>>;
	/** Records a server-side edit (plan meta via API) for the history. */
	recordServerEdit(
		planId: string,
		actor: VersionActor,
		itemId: string,
		action: HistoryAction,
		fields: string[],
		itemType?: ItemType | null,
		/**
		 * Shown with the entry, e.g. "aus der Abstimmung „…“" (such an entry is never merged); as
		 * kind + params it is worded per reader (src/lib/versions/history-text.ts).
		 */
		note?: string | HistoryNote
	): void;
}
