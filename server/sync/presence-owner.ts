/**
 * Which presence (awareness) entries a connection may speak for: its own, a new one (a few per
 * connection), or one of the same person's older connection that it really renews. y-websocket
 * clients also echo the entries of others; those are left out.
 */
import type { Awareness } from 'y-protocols/awareness';
import { MAX_AWARENESS_CLIENTS_PER_CONNECTION, ProtocolError, filterAwareness } from './protocol';

interface PresencePeer {
	readonly principalId?: string;
	readonly displayName?: string;
}

/**
 * Filters a connection's awareness update down to the entries it owns (taking over entries of
 * the same person's older connection in `peers`). `announced` counts the new entries this
 * connection announced so far; throws ProtocolError past the per-connection cap.
 */
export function ownPresence<P extends PresencePeer>(
	peers: Map<P, Set<number>>,
	awareness: Awareness,
	peer: P,
	update: Uint8Array,
	announcedBefore: number
): { filtered: ReturnType<typeof filterAwareness>; announced: number } {
	const ownerOf = (id: number) => {
		for (const [other, ids] of peers) if (ids.has(id)) return other;
		return undefined;
	};
	let announced = announcedBefore;
	const filtered = filterAwareness(
		update,
		({ id, clock }) => {
			const owner = ownerOf(id);
			if (owner === peer) return true;
			const current = awareness.meta.get(id)?.clock;
			const newer = current === undefined || clock > current;
			// Unowned here: a new client, or an echo of another instance's user (not newer).
			if (owner === undefined && !newer) return false;
			if (owner !== undefined) {
				if (!newer || owner.principalId === undefined) return false;
				if (owner.principalId !== peer.principalId) return false;
			}
			// A new presence entry of this connection: only a few per connection.
			if (++announced > MAX_AWARENESS_CLIENTS_PER_CONNECTION) {
				throw new ProtocolError('zu viele Anwesenheits-Einträge');
			}
			if (owner !== undefined) peers.get(owner)?.delete(id);
			return true;
		},
		peer.displayName
	);
	return { filtered, announced };
}
