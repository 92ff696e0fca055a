/**
 * The y-websocket wire protocol (as in y-websocket's bin/utils.cjs): every binary message starts
 * with a varUint message type. Parsing is strict: anything we cannot decode is reported as a
 * `ProtocolError`, and the connection that sent it is closed with CloseCode.Malformed.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';

export const MessageType = {
	Sync: 0,
	Awareness: 1,
	Auth: 2,
	QueryAwareness: 3
} as const;

export const SyncStep = {
	Step1: 0,
	Step2: 1,
	Update: 2
} as const;

export class ProtocolError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ProtocolError';
	}
}

/** One entry of an awareness update: which client, and whether it announces its departure. */
export interface AwarenessClient {
	id: number;
	removed: boolean;
}

export type ClientMessage =
	| { kind: 'sync-step1'; stateVector: Uint8Array }
	| {
			kind: 'sync-update';
			update: Uint8Array;
			step: 'step2' | 'update';
			/** The decoded structs (the document guard reads them instead of decoding again). */
			decoded: ReturnType<typeof Y.decodeUpdate>;
	  }
	| { kind: 'awareness'; update: Uint8Array; clients: AwarenessClient[] }
	| { kind: 'query-awareness' }
	| { kind: 'auth' };

/** Decodes one client message; throws ProtocolError for anything malformed or unknown. */
export function parseClientMessage(data: Uint8Array): ClientMessage {
	if (data.length === 0) throw new ProtocolError('leere Nachricht');
	try {
		const decoder = decoding.createDecoder(data);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MessageType.Sync: {
				const step = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				if (step === SyncStep.Step1) {
					Y.decodeStateVector(payload); // validates
					return { kind: 'sync-step1', stateVector: payload };
				}
				if (step === SyncStep.Step2 || step === SyncStep.Update) {
					// Decode fully before applying: Y.applyUpdate on garbage may throw half-way.
					const decoded = Y.decodeUpdate(payload);
					return {
						kind: 'sync-update',
						update: payload,
						decoded,
						step: step === SyncStep.Step2 ? 'step2' : 'update'
					};
				}
				throw new ProtocolError(`unbekannter Sync-Schritt ${step}`);
			}
			case MessageType.Awareness: {
				const update = decoding.readVarUint8Array(decoder);
				return { kind: 'awareness', update, clients: readAwarenessClients(update) };
			}
			case MessageType.QueryAwareness:
				return { kind: 'query-awareness' };
			case MessageType.Auth:
				return { kind: 'auth' };
			default:
				throw new ProtocolError(`unbekannter Nachrichtentyp ${type}`);
		}
	} catch (error) {
		if (error instanceof ProtocolError) throw error;
		throw new ProtocolError(`nicht lesbare Nachricht (${(error as Error).message})`);
	}
}

/**
 * Awareness updates are [count, (clientID, clock, json)*]; checks the shape and the JSON and
 * returns the client ids, so the room knows which presence entries a connection owns.
 */
function readAwarenessClients(update: Uint8Array): AwarenessClient[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const clients: AwarenessClient[] = [];
	for (let i = 0; i < count; i++) {
		const id = decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		clients.push({ id, removed: JSON.parse(decoding.readVarString(decoder)) === null });
	}
	return clients;
}

/** Largest presence (awareness) update a client may send; presence is a name, a colour, a focus. */
export const MAX_AWARENESS_BYTES = 32 * 1024;

/**
 * Presence client ids one connection may announce over its lifetime (a browser tab uses one);
 * more close it with 4400, so nobody can fill the server's memory with presence entries.
 */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 16;

/**
 * Re-encodes an awareness update keeping only the entries `keep` accepts, with `user.name` set
 * to the signed-in person's name (when given) in every state that carries a `user` object, so
 * nobody can appear under someone else's name. Null when no entry is left.
 */
export function filterAwareness(
	update: Uint8Array,
	keep: (client: AwarenessClient & { clock: number }) => boolean,
	name?: string
): { update: Uint8Array; clients: AwarenessClient[] } | null {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const kept: Array<{ id: number; clock: number; json: string; removed: boolean }> = [];
	for (let i = 0; i < count; i++) {
		const id = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const state: unknown = JSON.parse(decoding.readVarString(decoder));
		const removed = state === null;
		if (!keep({ id, clock, removed })) continue;
		if (name !== undefined && state && typeof state === 'object' && !Array.isArray(state)) {
			const user = (state as Record<string, unknown>).user;
			if (user && typeof user === 'object' && !Array.isArray(user)) {
				(user as Record<string, unknown>).name = name;
			}
		}
		kept.push({ id, clock, json: JSON.stringify(state), removed });
	}
	if (kept.length === 0) return null;
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, kept.length);
	for (const entry of kept) {
		encoding.writeVarUint(encoder, entry.id);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.json);
	}
	return {
		update: encoding.toUint8Array(encoder),
		clients: kept.map(({ id, removed }) => ({ id, removed }))
	};
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	encoding.writeVarUint(encoder, SyncStep.Step1);
	encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	encoding.writeVarUint(encoder, SyncStep.Step2);
	encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
	return encoding.toUint8Array(encoder);
}

/** The Yjs update inside a sync step 2 message (a view, not a copy). */
export function syncStep2Payload(message: Uint8Array): Uint8Array {
	const decoder = decoding.createDecoder(message);
	decoding.readVarUint(decoder); // MessageType.Sync
	decoding.readVarUint(decoder); // SyncStep.Step2
	return decoding.readVarUint8Array(decoder);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Sync);
	encoding.writeVarUint(encoder, SyncStep.Update);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwareness(
	awareness: awarenessProtocol.Awareness,
	clients: number[]
): Uint8Array {
	return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.Awareness);
	encoding.writeVarUint8Array(encoder, awarenessUpdate);
	return encoding.toUint8Array(encoder);
}
