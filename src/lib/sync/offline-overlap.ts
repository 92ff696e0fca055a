/**
 * Which fields the local person changed while offline that others changed too meanwhile. Both
 * changes are merged by Yjs without a word; after reconnecting the panel names these fields so
 * the person can check them (with a link to the item's "Verlauf").
 *
 * Usage: open() when the connection drops, close() once the server's missing updates have been
 * applied after reconnecting (a sync step 2 while online). Local edits (origin `localOrigin`)
 * and remote edits (origin for which `isRemote` is true) inside that window are compared.
 */
import type * as Y from 'yjs';

export interface FieldRef {
	itemId: string;
	field: string;
}

const SEP = '\u0000';

export class OfflineOverlap {
	#open = false;
	#mine = new Set<string>();
	#theirs = new Set<string>();
	#items: Y.Map<unknown>;
	#localOrigin: unknown;
	#isRemote: (origin: unknown) => boolean;

	constructor(doc: Y.Doc, localOrigin: unknown, isRemote: (origin: unknown) => boolean) {
		this.#items = doc.getMap('items');
		this.#localOrigin = localOrigin;
		this.#isRemote = isRemote;
		this.#items.observeDeep(this.#observe);
	}

	get isOpen(): boolean {
		return this.#open;
	}

	/** The connection dropped: start noting what changes (no-op if already open). */
	open() {
		if (this.#open) return;
		this.#open = true;
		this.#mine.clear();
		this.#theirs.clear();
	}

	/** Back online and synced: the fields both sides changed (empty if none or not open). */
	close(): FieldRef[] {
		if (!this.#open) return [];
		this.#open = false;
		const both: FieldRef[] = [];
		for (const key of this.#mine) {
			if (!this.#theirs.has(key)) continue;
			const [itemId, field] = key.split(SEP) as [string, string];
			both.push({ itemId, field });
		}
		this.#mine.clear();
		this.#theirs.clear();
		return both;
	}

	destroy() {
		this.#items.unobserveDeep(this.#observe);
	}

	#observe = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tx: Y.Transaction) => {
		if (!this.#open) return;
		const target =
			tx.origin === this.#localOrigin
				? this.#mine
				: this.#isRemote(tx.origin)
					? this.#theirs
					: null;
		if (!target) return;
		for (const event of events) {
			const path = event.path;
			if (path.length >= 2) {
				// a Y.Text (or the principle links) of one item: [itemId, field, …]
				target.add(`${path[0]}${SEP}${path[1]}`);
			} else if (path.length === 1) {
				// scalar fields of one item (status, dates, phase …)
				for (const key of event.keys.keys()) target.add(`${path[0]}${SEP}${key}`);
			}
		}
	};
}
