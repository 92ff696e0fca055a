/**
 * How the review service pushes live events without knowing socket.io: the realtime server
 * (server/realtime) implements this; unit tests and servers without it use `silentEmitter` or a
 * recorder.
 */
import type { ServerToClientEvents } from '../../src/lib/contract/realtime-events';

export type EventName = keyof ServerToClientEvents;
export type EventArgs<E extends EventName> = Parameters<ServerToClientEvents[E]>;

export interface ReviewEmitter {
	/** To everyone who joined the plan's room (`plan:<planId>`), on every instance. */
	toPlan<E extends EventName>(planId: string, event: E, ...args: EventArgs<E>): void;
	/** To every socket of this account (`user:<userId>`), on every instance. */
	toUser<E extends EventName>(userId: string, event: E, ...args: EventArgs<E>): void;
}

export const silentEmitter: ReviewEmitter = {
	toPlan() {},
	toUser() {}
};

/** Forwards to whichever emitter is attached later (the socket.io server starts after the core). */
export function createSwitchableEmitter(): ReviewEmitter & {
	attach(e: ReviewEmitter | null): void;
} {
	let target: ReviewEmitter = silentEmitter;
	return {
		attach(e) {
			target = e ?? silentEmitter;
		},
		toPlan(planId, event, ...args) {
			target.toPlan(planId, event, ...args);
		},
		toUser(userId, event, ...args) {
			target.toUser(userId, event, ...args);
		}
	};
}
