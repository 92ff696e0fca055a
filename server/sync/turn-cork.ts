/**
 * Batches a socket's writes per event-loop turn: the first write of a turn corks the socket, and
 * one setImmediate for all sockets uncorks them after the poll phase, so every frame a socket
 * gets while the server handles that turn's incoming messages leaves in one writev instead of
 * one syscall each (issue 18: writev was the top cost of relaying updates). Nothing waits longer
 * than the current turn.
 */

/** The part of a socket this needs (net.Socket has it). */
export interface Corkable {
	cork(): void;
	uncork(): void;
	readonly destroyed?: boolean;
}

const corked = new Set<Corkable>();
let scheduled = false;

function uncorkAll(): void {
	scheduled = false;
	const sockets = [...corked];
	corked.clear();
	for (const socket of sockets) if (!socket.destroyed) socket.uncork();
}

/** Corks `socket` until the end of this event-loop turn (once per turn, however often it is called). */
export function corkForTurn(socket: Corkable): void {
	if (corked.has(socket)) return;
	socket.cork();
	corked.add(socket);
	if (!scheduled) {
		scheduled = true;
		setImmediate(uncorkAll);
	}
}

/** Sockets corked right now (for tests). */
export function corkedCount(): number {
	return corked.size;
}
