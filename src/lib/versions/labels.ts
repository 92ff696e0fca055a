/**
 * Version labels in the interface language (kinds of versions). The German VERSION_KIND_LABELS in
 * ./types stay for the server and the PDF.
 */
import { m } from '$lib/i18n';
import type { HistoryAction, VersionKind } from './types';

const KIND: Record<VersionKind, () => string> = {
	named: m.versions_kind_named,
	auto: m.versions_kind_auto,
	pre_restore: m.versions_kind_pre_restore
};

export function versionKindLabel(kind: VersionKind): string {
	return KIND[kind]();
}

const ACTION: Record<HistoryAction, () => string> = {
	created: m.versions_action_created,
	changed: m.versions_action_changed,
	moved: m.versions_action_moved,
	deleted: m.versions_action_deleted,
	restored: m.versions_action_restored
};

/** "geändert" / "changed" (an entry of an item's history). */
export function historyActionLabel(action: HistoryAction): string {
	return ACTION[action]?.() ?? action;
}
