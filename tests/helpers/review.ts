/**
 * Review test helpers: plan content made through the live room (as an editor's client would),
 * sessions for socket.io handshakes and socket.io clients.
 */
import { io, type Socket } from 'socket.io-client';
import { createItem } from '../../src/lib/domain/index';
import type {
	ClientToServerEvents,
	ServerToClientEvents
} from '../../src/lib/contract/realtime-events';
import type { Principal } from '../../server/auth/types';
import type { Core } from '../../server/core';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Password of accounts made by createTestUser (tests/helpers/auth.ts). */
export const TEST_USER_PASSWORD = 'passwort-1234567';

/** Adds a field with a goal and a measure (through the plan's room); returns their ids. */
export async function addContent(
	core: Core,
	planId: string,
	titles = { field: 'Bildung', goal: 'Mehr Kita-Plätze', measure: 'Sprachkurse für Eltern' }
): Promise<{ fieldId: string; goalId: string; measureId: string }> {
	const room = await core.rooms.acquire(planId);
	if (!room) throw new Error('plan missing');
	try {
		let fieldId = '';
		let goalId = '';
		let measureId = '';
		room.transact((doc) => {
			const f = createItem(doc, { type: 'field', values: { title: titles.field } });
			fieldId = f.ok ? f.value : '';
			const g = createItem(doc, {
				type: 'goal',
				parentId: fieldId,
				values: { title: titles.goal }
			});
			goalId = g.ok ? g.value : '';
			const m = createItem(doc, {
				type: 'measure',
				parentId: goalId,
				values: { title: titles.measure }
			});
			measureId = m.ok ? m.value : '';
		});
		await room.flush();
		return { fieldId, goalId, measureId };
	} finally {
		core.rooms.release(room);
	}
}

/** `mitplan_session=<token>` for an account made by createTestUser. */
export async function sessionCookie(core: Core, user: Principal & { kind: 'user' }) {
	const result = await core.access.login(user.email, TEST_USER_PASSWORD, '127.0.0.1');
	if (!result.ok) throw new Error(result.error.message);
	return `mitplan_session=${encodeURIComponent(result.value.token)}`;
}

const sockets: TestSocket[] = [];

/** A socket.io client like the browser's (websocket transport), not connected automatically. */
export function socketClient(
	baseUrl: string,
	options: { cookie?: string; token?: string; origin?: string; polling?: boolean } = {}
): TestSocket {
	const headers: Record<string, string> = {};
	if (options.cookie) headers.cookie = options.cookie;
	if (options.origin) headers.origin = options.origin;
	const socket: TestSocket = io(baseUrl, {
		path: '/socket.io',
		transports: options.polling ? ['polling'] : ['websocket'],
		extraHeaders: headers,
		auth: options.token ? { token: options.token } : {},
		reconnection: false,
		forceNew: true
	});
	sockets.push(socket);
	return socket;
}

export function closeSockets(): void {
	for (const s of sockets.splice(0)) s.close();
}

export function connected(socket: TestSocket): Promise<void> {
	return new Promise((resolve, reject) => {
		if (socket.connected) return resolve();
		socket.once('connect', () => resolve());
		socket.once('connect_error', (error) => reject(error));
	});
}

/** The connect_error's `data` ({code, message}). */
export function refused(socket: TestSocket): Promise<{ code: string; message: string }> {
	return new Promise((resolve, reject) => {
		socket.once('connect', () => reject(new Error('connected, expected a refusal')));
		socket.once('connect_error', (error) =>
			resolve((error as Error & { data: { code: string; message: string } }).data)
		);
	});
}

export function join(socket: TestSocket, planId: string) {
	return socket.timeout(5000).emitWithAck('plan:join', planId);
}

/** Collects every event of one kind a socket receives. */
export function collect<E extends keyof ServerToClientEvents>(
	socket: TestSocket,
	event: E
): Array<Parameters<ServerToClientEvents[E]>> {
	const seen: Array<Parameters<ServerToClientEvents[E]>> = [];
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	socket.on(event, ((...args: any[]) => seen.push(args as never)) as any);
	return seen;
}
