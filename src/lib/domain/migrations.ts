/**
 * Schema migrations. `meta.schemaVersion` says which layout a document has; `migrate` brings it
 * up to SCHEMA_VERSION step by step in one transaction. Run it where the document is loaded
 * (server, before serving clients) so that peers do not migrate concurrently. Documents from a
 * newer app version are refused, not downgraded. Junk entries are left alone (readers skip them)
 * so a migration never destroys data it does not understand.
 *
 * Versions:
 * - v0: unversioned prototype documents. Text fields may be plain strings or missing, goal links
 *   a plain array or Y.Array of ids, order keys missing or malformed, scalars unchecked.
 * - v1: the layout in docs/data-model.md (every text field a Y.Text, links a Y.Map<true>, every
 *   item a valid fractional order key and createdAt).
 * - v2: goals have a `description` Y.Text (their public text; before, the answer to question (1)
 *   was shown instead). Created here on the server once, so two peers never create it lazily
 *   and concurrently (one of the two Y.Texts would lose what was typed into it).
 * - v3: every item has a `tr` Y.Map for its content translations (translations.ts), created here
 *   once for the same reason; `meta.languages` (the plan's extra languages) is optional.
 */
import * as Y from 'yjs';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { err, ok, type Result } from './errors';
import { isPlanStatus } from './meta';
import { compareOrder } from './order';
import { itemType, itemsMap, metaMap, orderOf, parentOf } from './read';
import { SCALAR_DEFAULTS, SCALAR_FIELDS, isItemType, isValidScalar } from './schema';
import { TR_KEY } from './translations';
import { SCHEMA_VERSION, TEXT_FIELDS } from './types';

/** Origin of migration transactions (UndoManagers should not track it). */
export const MIGRATION_ORIGIN = 'mitplan:migration';

function isValidKey(key: string): boolean {
	try {
		generateKeyBetween(key, null);
		return true;
	} catch {
		return false;
	}
}

function migrateV0toV1(doc: Y.Doc): void {
	const meta = metaMap(doc);
	const now = new Date().toISOString();
	if (typeof meta.get('title') !== 'string') meta.set('title', 'Unbenannter Plan');
	if (typeof meta.get('municipality') !== 'string') meta.set('municipality', '');
	if (!isPlanStatus(meta.get('status'))) meta.set('status', 'entwurf');
	if (typeof meta.get('createdAt') !== 'string') meta.set('createdAt', now);
	const createdAt = meta.get('createdAt') as string;

	const items = itemsMap(doc);
	const groups = new Map<string, Array<{ id: string; order: string }>>();
	items.forEach((raw, id) => {
		if (!(raw instanceof Y.Map) || !isItemType(raw.get('type'))) return;
		const m = raw as Y.Map<unknown>;
		const type = itemType(m);
		for (const f of TEXT_FIELDS[type]) {
			const v = m.get(f);
			if (!(v instanceof Y.Text)) m.set(f, new Y.Text(typeof v === 'string' ? v : ''));
		}
		for (const f of SCALAR_FIELDS[type]) {
			if (!isValidScalar(f, m.get(f))) m.set(f, SCALAR_DEFAULTS[f]);
		}
		if (type === 'goal') {
			const links = m.get('principleIds');
			if (!(links instanceof Y.Map)) {
				const ids = links instanceof Y.Array ? links.toArray() : Array.isArray(links) ? links : [];
				const set = new Y.Map<true>();
				m.set('principleIds', set);
				for (const pid of ids) if (typeof pid === 'string') set.set(pid, true);
			}
		}
		if (typeof m.get('createdAt') !== 'string') m.set('createdAt', createdAt);
		if (m.get('parentId') === undefined) m.set('parentId', null);
		const key = `${type}:${parentOf(m) ?? ''}`;
		groups.set(key, [...(groups.get(key) ?? []), { id, order: orderOf(m) }]);
	});
	// Sibling groups with a missing or malformed key get fresh keys in their current order.
	for (const group of groups.values()) {
		if (group.every((e) => isValidKey(e.order))) continue;
		group.sort(compareOrder);
		const keys = generateNKeysBetween(null, null, group.length);
		group.forEach((e, i) => (items.get(e.id) as Y.Map<unknown>).set('order', keys[i]));
	}
	meta.set('schemaVersion', 1);
}

function migrateV1toV2(doc: Y.Doc): void {
	itemsMap(doc).forEach((raw) => {
		if (!(raw instanceof Y.Map) || raw.get('type') !== 'goal') return;
		const v = raw.get('description');
		if (!(v instanceof Y.Text)) raw.set('description', new Y.Text(typeof v === 'string' ? v : ''));
	});
	metaMap(doc).set('schemaVersion', 2);
}

function migrateV2toV3(doc: Y.Doc): void {
	itemsMap(doc).forEach((raw) => {
		if (!(raw instanceof Y.Map) || !isItemType(raw.get('type'))) return;
		if (!(raw.get(TR_KEY) instanceof Y.Map)) raw.set(TR_KEY, new Y.Map());
	});
	metaMap(doc).set('schemaVersion', 3);
}

const STEPS: Record<number, (doc: Y.Doc) => void> = {
	0: migrateV0toV1,
	1: migrateV1toV2,
	2: migrateV2toV3
};

/**
 * Bring `doc` to SCHEMA_VERSION. An empty document (nothing initialised yet) is left untouched
 * and reports `{ from: 0, to: 0 }`; initPlan writes the version for new plans.
 */
export function migrate(
	doc: Y.Doc,
	origin: unknown = MIGRATION_ORIGIN
): Result<{ from: number; to: number }> {
	const meta = metaMap(doc);
	const raw = meta.get('schemaVersion');
	const from = raw === undefined ? 0 : raw;
	if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
		return err('unsupported_version', 'Die Versionsangabe des Plans ist ungültig.');
	}
	if (from > SCHEMA_VERSION) {
		return err(
			'unsupported_version',
			'Dieser Plan stammt aus einer neueren Version von Mitplan. Bitte aktualisieren Sie die Anwendung.'
		);
	}
	if (from === 0 && meta.size === 0 && itemsMap(doc).size === 0) return ok({ from: 0, to: 0 });
	if (from === SCHEMA_VERSION) return ok({ from, to: from });
	doc.transact(() => {
		for (let v = from; v < SCHEMA_VERSION; v++) STEPS[v](doc);
		meta.set('schemaVersion', SCHEMA_VERSION);
	}, origin);
	return ok({ from, to: SCHEMA_VERSION });
}
