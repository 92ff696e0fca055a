/**
 * Test helpers for simulating peers: two Y.Docs that sync by exchanging updates, exactly as the
 * websocket provider would, but deterministically (no network, no timing).
 */
import * as Y from 'yjs';
import type { Result } from './errors';

/** Bring `a` and `b` to the same state by exchanging their missing updates both ways. */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
}

/** A second peer starting from `doc`'s current state. */
export function forkDoc(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

/** Unwraps a Result in tests: throws with the error's code and message if it failed. */
export function must<T>(r: Result<T>): T {
	if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
	return r.value;
}
