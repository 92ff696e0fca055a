/**
 * A room's cached encoding of its whole document, made at most once per document state and
 * shared by new clients' sync step 2 (the message itself), size measurements and PDF exports
 * (the Yjs update inside it). Every document update invalidates it.
 */
import type * as Y from 'yjs';
import { encodeSyncStep2, syncStep2Payload } from './protocol';

export class FullState {
	/** Encoded sync step 2 for a client that has nothing yet; null after an update. */
	private cached: Uint8Array | null = null;
	/** How often the whole document was encoded (diagnostics; tests check the cache with it). */
	encodings = 0;

	constructor(private readonly doc: Y.Doc) {}

	/** The document changed: the next use encodes again. */
	invalidate(): void {
		this.cached = null;
	}

	/** Sync step 2 with the whole document (for a client with an empty state vector). */
	message(): Uint8Array {
		if (!this.cached) {
			this.cached = encodeSyncStep2(this.doc);
			this.encodings++;
		}
		return this.cached;
	}

	/** The whole document as one Yjs update: a view into the cached message, never modify or transfer it. */
	update(): Uint8Array {
		return syncStep2Payload(this.message());
	}

	/** A copy of the whole document as one Yjs update (the caller may transfer it). */
	copy(): Uint8Array {
		return this.update().slice();
	}
}
