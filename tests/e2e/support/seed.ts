/**
 * Fill a plan on a running server through the sync protocol (like a browser would), using the
 * domain's `buildPlan` factory. Used by the e2e tests for large plans.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { buildPlan, type BuildPlanOptions } from '../../../src/lib/domain/index';

/** `token`: a sync token of an editor or owner (POST /api/plans/<id>/sync-token). */
export async function seedPlan(
	baseUrl: string,
	planId: string,
	token: string,
	options: BuildPlanOptions
): Promise<void> {
	const doc = new Y.Doc();
	const wsUrl = baseUrl.replace(/^http/, 'ws') + '/sync';
	const provider = new WebsocketProvider(wsUrl, planId, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		params: { token }
	});
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('seedPlan: sync timeout')), 15_000);
			provider.on('sync', (synced: boolean) => {
				if (!synced) return;
				clearTimeout(timer);
				resolve();
			});
		});
		buildPlan(doc, options);
		// wait until the server has everything: ask for its state and compare
		await new Promise((r) => setTimeout(r, 500));
		const ws = provider.ws;
		const deadline = Date.now() + 15_000;
		while (ws && ws.bufferedAmount > 0 && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 50));
		}
		await new Promise((r) => setTimeout(r, 500));
	} finally {
		provider.destroy();
		doc.destroy();
	}
}
