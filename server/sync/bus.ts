/**
 * The plan bus carries what one server instance must tell the others about a plan: document
 * updates, awareness (presence) updates and deletion. With one instance it is a no-op
 * (`createLocalBus`); with Redis every plan has one pub/sub channel, `mitplan:{<planId>}:bus` on
 * the wire (the Redis pub/sub helper adds the `mitplan:` prefix).
 *
 * Wire format of a bus message: [kind: u8][instance id length: u8][instance id][payload].
 * Messages an instance published itself come back to it and are ignored by instance id.
 */

/**
 * update: a stored document update · awareness: presence changes · deleted: the plan is gone ·
 * awareness-query: a room just loaded and asks the others for their users' presence ·
 * access: someone's access to the plan changed (JSON AccessChange); their connections close ·
 * meeting: a session's structure lock changed (server/meetings); rooms re-read it.
 */
export type BusKind = 'update' | 'awareness' | 'deleted' | 'awareness-query' | 'access' | 'meeting';

export interface BusMessage {
	kind: BusKind;
	payload: Uint8Array;
}

export interface PlanBus {
	/**
	 * Starts receiving messages of other instances for this plan. Resolves once subscribed, with a
	 * function that removes exactly this subscription (a newer room of the same plan keeps its own).
	 */
	subscribe(planId: string, onMessage: (message: BusMessage) => void): Promise<() => Promise<void>>;
	publish(planId: string, message: BusMessage): Promise<void>;
	/** Called after the connection to the other instances was lost and is back (missed messages). */
	onReconnect(callback: () => void): void;
	close(): Promise<void>;
}

/** The minimal binary pub/sub the Redis adapter provides (server/storage/redis-store.ts). */
export interface BinaryPubSub {
	publish(channel: string, message: Buffer): Promise<unknown>;
	subscribe(channel: string, listener: (message: Buffer) => void): Promise<unknown>;
	unsubscribe(channel: string, listener: (message: Buffer) => void): Promise<unknown>;
	onReconnect(callback: () => void): void;
	close(): Promise<void>;
}

const KIND_CODES: Record<BusKind, number> = {
	update: 0,
	awareness: 1,
	deleted: 2,
	'awareness-query': 3,
	access: 4,
	meeting: 5
};
const KINDS: BusKind[] = ['update', 'awareness', 'deleted', 'awareness-query', 'access', 'meeting'];

export function encodeBusMessage(instanceId: string, message: BusMessage): Buffer {
	const id = Buffer.from(instanceId, 'utf8');
	const out = Buffer.allocUnsafe(2 + id.length + message.payload.length);
	out[0] = KIND_CODES[message.kind];
	out[1] = id.length;
	id.copy(out, 2);
	out.set(message.payload, 2 + id.length);
	return out;
}

export function decodeBusMessage(data: Buffer): { instanceId: string; message: BusMessage } | null {
	if (data.length < 2) return null;
	const kind = KINDS[data[0]];
	const idLength = data[1];
	if (!kind || data.length < 2 + idLength) return null;
	return {
		instanceId: data.subarray(2, 2 + idLength).toString('utf8'),
		message: { kind, payload: new Uint8Array(data.subarray(2 + idLength)) }
	};
}

export function createLocalBus(): PlanBus {
	return {
		subscribe: async () => async () => {},
		publish: async () => {},
		onReconnect: () => {},
		close: async () => {}
	};
}

/** The plan's channel name without the pub/sub helper's `mitplan:` prefix. */
export function busChannel(planId: string): string {
	return `{${planId}}:bus`;
}

/**
 * @param instanceId name of this instance; a random suffix is added so that two instances
 *   configured with the same INSTANCE_ID still hear each other.
 */
export function createPubSubBus(
	pubsub: BinaryPubSub,
	instanceId: string,
	onError: (error: unknown, context: string) => void
): PlanBus {
	const senderId = `${instanceId}-${Math.random().toString(36).slice(2, 10)}`.slice(0, 60);
	return {
		async subscribe(planId, onMessage) {
			const channel = busChannel(planId);
			const listener = (raw: Buffer) => {
				const decoded = decodeBusMessage(raw);
				if (!decoded) return onError(new Error('undecodable bus message'), planId);
				if (decoded.instanceId === senderId) return;
				onMessage(decoded.message);
			};
			await pubsub.subscribe(channel, listener);
			return async () => {
				await pubsub.unsubscribe(channel, listener);
			};
		},
		async publish(planId, message) {
			await pubsub.publish(busChannel(planId), encodeBusMessage(senderId, message));
		},
		onReconnect: (callback) => pubsub.onReconnect(callback),
		close: () => pubsub.close()
	};
}

/** Decodes the payload of an `access` bus message (JSON AccessChange); null if malformed. */
export function parseAccessChange(
	payload: Uint8Array
): { principalId?: string; inviteId?: string } | null {
	try {
		const value: unknown = JSON.parse(new TextDecoder().decode(payload));
		if (typeof value !== 'object' || value === null) return null;
		const { principalId, inviteId } = value as Record<string, unknown>;
		return {
			principalId: typeof principalId === 'string' ? principalId : undefined,
			inviteId: typeof inviteId === 'string' ? inviteId : undefined
		};
	} catch {
		return null;
	}
}
