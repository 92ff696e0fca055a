/**
 * The browser side of the live notifications (src/lib/realtime/events.ts): one shared socket.io
 * connection per tab, created lazily on first use (same origin, session cookie), a reactive
 * `inbox` (unread count and notifications; loaded from the REST API, updated by events) and
 * `subscribePlan` for a plan's review events (re-joined after every reconnect).
 */
import { io, type Socket } from 'socket.io-client';
import { reviewApi } from '$lib/review/api';
import type {
	AdminCheck,
	Notification,
	ReviewDecision,
	ReviewRequest,
	Thread
} from '$lib/review/types';
import { MAX_INBOX_ENTRIES } from '$lib/review/types';
import type {
	ClientToServerEvents,
	JoinAck,
	ServerToClientEvents
} from '../contract/realtime-events';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: RealtimeSocket | null = null;

/** The shared socket (connects on first call). Only in the browser. */
export function getSocket(): RealtimeSocket {
	if (socket) return socket;
	socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
	socket.on('notification', (notification, unread) => inbox.add(notification, unread));
	socket.on('notifications:unread', (unread) => (inbox.unread = unread));
	socket.on('connect', () => {
		realtimeStatus.connected = true;
		realtimeStatus.error = null;
		// Events may have been missed while disconnected: reload the inbox.
		if (inbox.loaded) void inbox.load();
	});
	socket.on('disconnect', () => (realtimeStatus.connected = false));
	socket.on('connect_error', (error) => {
		const data = (error as Error & { data?: { code?: string; message?: string } }).data;
		realtimeStatus.connected = false;
		realtimeStatus.error = data?.message ?? 'Live-Benachrichtigungen sind gerade nicht verbunden.';
		// Refused by the server (not signed in): socket.io does not retry by itself then.
		if (data?.code === 'unauthenticated') socket?.disconnect();
	});
	return socket;
}

/** Closes the shared socket (e.g. on logout); the next `getSocket` opens a new one. */
export function closeSocket(): void {
	socket?.disconnect();
	socket?.removeAllListeners();
	socket = null;
	realtimeStatus.connected = false;
	inbox.reset();
}

export const realtimeStatus = $state({ connected: false, error: null as string | null });

class InboxState {
	notifications = $state.raw<Notification[]>([]);
	unread = $state(0);
	loaded = $state(false);
	error = $state<string | null>(null);

	/** Loads the inbox from the server and connects the socket for live updates. */
	async load(): Promise<void> {
		getSocket();
		const result = await reviewApi.inbox();
		if (!result.ok) {
			this.error = result.error.message;
			return;
		}
		this.error = null;
		this.notifications = result.value.notifications;
		this.unread = result.value.unread;
		this.loaded = true;
	}

	add(notification: Notification, unread: number): void {
		if (this.notifications.some((n) => n.id === notification.id)) return;
		this.notifications = [notification, ...this.notifications].slice(0, MAX_INBOX_ENTRIES);
		this.unread = unread;
	}

	/** Marks these notifications (or all) as read. */
	async markRead(ids?: string[]): Promise<boolean> {
		const result = await reviewApi.markRead(ids ? { ids } : { all: true });
		if (!result.ok) {
			this.error = result.error.message;
			return false;
		}
		const set = ids ? new Set(ids) : null;
		this.notifications = this.notifications.map((n) =>
			!set || set.has(n.id) ? { ...n, read: true } : n
		);
		this.unread = result.value.unread;
		return true;
	}

	reset(): void {
		this.notifications = [];
		this.unread = 0;
		this.loaded = false;
		this.error = null;
	}
}

/** The signed-in person's notifications (call `inbox.load()` once, e.g. in the layout). */
export const inbox = new InboxState();

export interface PlanHandlers {
	thread?: (thread: Thread) => void;
	request?: (request: ReviewRequest) => void;
	decision?: (decision: ReviewDecision) => void;
	check?: (check: AdminCheck) => void;
	checkRemoved?: (checkId: string) => void;
	/** The join was refused (e.g. no access any more) – with the server's German message. */
	refused?: (ack: Extract<JoinAck, { ok: false }>) => void;
	/** After a reconnect: events may have been missed, reload the review state. */
	rejoined?: () => void;
}

/** How many subscriptions each plan has in this tab (leave the room after the last one). */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not rendered
const subscriptions = new Map<string, number>();

/** Receives a plan's review events until the returned function is called. */
export function subscribePlan(planId: string, handlers: PlanHandlers): () => void {
	const s = getSocket();
	subscriptions.set(planId, (subscriptions.get(planId) ?? 0) + 1);
	let first = true;
	const join = () => {
		s.emit('plan:join', planId, (ack) => {
			if (!ack.ok) handlers.refused?.(ack);
			else if (!first) handlers.rejoined?.();
			first = false;
		});
	};
	const mine =
		<A extends unknown[]>(fn: ((...args: A) => void) | undefined) =>
		(id: string, ...args: A) => {
			if (id === planId) fn?.(...args);
		};
	const onThread = mine(handlers.thread);
	const onRequest = mine(handlers.request);
	const onDecision = mine(handlers.decision);
	const onCheck = mine(handlers.check);
	const onCheckRemoved = mine(handlers.checkRemoved);
	s.on('review:thread', onThread);
	s.on('review:request', onRequest);
	s.on('review:decision', onDecision);
	s.on('review:check', onCheck);
	s.on('review:check-removed', onCheckRemoved);
	s.on('connect', join);
	if (s.connected) join();
	return () => {
		s.off('review:thread', onThread);
		s.off('review:request', onRequest);
		s.off('review:decision', onDecision);
		s.off('review:check', onCheck);
		s.off('review:check-removed', onCheckRemoved);
		s.off('connect', join);
		const left = (subscriptions.get(planId) ?? 1) - 1;
		if (left > 0) subscriptions.set(planId, left);
		else {
			subscriptions.delete(planId);
			if (s.connected) s.emit('plan:leave', planId);
		}
	};
}
