/**
 * A reactive counter that moves whenever a content translation or the plan's
 * language list changes. The board's plan snapshot (client.plan) stays the same object for those
 * changes (translations are not part of PlanJson), so board texts in a content language read this
 * too and follow translations typed by anyone, live.
 */
import type * as Y from 'yjs';
import { itemsMap, metaMap } from '$lib/domain/read';
import { TR_KEY } from '$lib/domain/translations';

// One counter for all documents, made at module load: a state created inside a derived would not
// be tracked by it (Svelte ignores sources created by the reading reaction). Usually one plan is
// open; a change in another only costs a re-read.
const counter = $state({ value: 0 });
const watched = new WeakSet<Y.Doc>();
let queued = false;

// not synchronously: a document change can happen while Svelte renders
function bump() {
	if (queued) return;
	queued = true;
	queueMicrotask(() => {
		queued = false;
		counter.value++;
	});
}

/** Read inside a derived to re-run it on translation changes; the first call starts watching `doc`. */
export function contentVersion(doc: Y.Doc): number {
	if (!watched.has(doc)) {
		watched.add(doc);
		itemsMap(doc).observeDeep((events) => {
			if (events.some((e) => e.path[1] === TR_KEY || (e.path.length === 1 && e.keys.has(TR_KEY))))
				bump();
		});
		metaMap(doc).observe((e) => {
			if (e.keysChanged.has('languages')) bump();
		});
	}
	return counter.value;
}
