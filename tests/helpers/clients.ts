/**
 * Real y-websocket clients for integration tests: the same `WebsocketProvider` the browser uses,
 * with the `ws` package as WebSocket implementation.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

export interface TestClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Resolves when the provider is synced with the server. */
	synced: Promise<void>;
	destroy(): void;
}

/**
 * @param token sync token (`POST /api/plans/<id>/sync-token` or tests/helpers/auth.ts); sent as
 *   `?token=` like a script would. Without it the connection is refused (4001).
 */
export function connectClient(
	baseUrl: string,
	planId: string,
	name = 'Test',
	token?: string
): TestClient {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${baseUrl}/sync`, planId, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 200,
		params: token ? { token } : {}
	});
	provider.awareness.setLocalStateField('user', { name, color: '#0b5d4b' });
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) return resolve();
		const onSync = (isSynced: boolean) => {
			if (!isSynced) return;
			provider.off('sync', onSync);
			resolve();
		};
		provider.on('sync', onSync);
	});
	return {
		doc,
		provider,
		synced,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** Polls until `check` returns true (or throws after `timeoutMs` with `what` in the message). */
export async function waitFor(
	check: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs = 5_000
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 20));
	}
	throw new Error(`Timed out waiting for: ${what}`);
}

/**
 * Opens a raw websocket (no Yjs client) and resolves with its close code and reason. `token` is
 * appended as `?token=`; `headers` (e.g. origin, cookie) are sent with the upgrade.
 */
export function rawSocket(
	url: string,
	token?: string,
	headers?: Record<string, string>
): {
	ws: WebSocket;
	opened: Promise<void>;
	closed: Promise<{ code: number; reason: string }>;
} {
	const ws = new WebSocket(
		token ? `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : url,
		{ headers }
	);
	const opened = new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) => {
		ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
	});
	ws.on('error', () => {});
	return { ws, opened, closed };
}
