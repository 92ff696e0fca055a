/** The offline queue: order, client ids, dedupe by key, retry on 5xx/network, drop on 4xx, persistence. */
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '$lib/contract/result';
import { OfflineQueue, retryDelay, type QueuedAction, type QueueDeps } from './offline-queue';

function memoryStorage() {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		removeItem: (k: string) => void data.delete(k)
	};
}

function harness(answers: Array<number | 'network'> = []) {
	const storage = memoryStorage();
	const sent: QueuedAction[] = [];
	const retries: Array<{ fn: () => void; ms: number }> = [];
	let online = false;
	let n = 0;
	const deps: QueueDeps = {
		storage,
		isOnline: () => online,
		now: () => 1_000,
		newId: () => `c${++n}`,
		later: (fn, ms) => {
			retries.push({ fn, ms });
			return () => undefined;
		},
		send: async (action): Promise<ApiResult<unknown>> => {
			sent.push(action);
			const next = answers.shift() ?? 200;
			if (next === 'network')
				return { ok: false, error: { status: 0, code: 'network', message: 'weg' } };
			if (next >= 400)
				return {
					ok: false,
					error: { status: next, code: 'x', message: `Abgelehnt (${next}).` }
				};
			return { ok: true, value: { echo: action.body } };
		}
	};
	return {
		storage,
		sent,
		retries,
		deps,
		goOnline: () => (online = true),
		make: () => new OfflineQueue('mitplan:offline:plan-1', deps)
	};
}

describe('OfflineQueue', () => {
	it('keeps actions while offline, in order, persisted, and sends them once online', async () => {
		const h = harness();
		const q = h.make();
		q.enqueue('idea', '/api/plans/p/sitzungen/s/ideen', { text: 'Eins' });
		q.enqueue('idea', '/api/plans/p/sitzungen/s/ideen', { text: 'Zwei' });
		await q.flush();
		expect(h.sent).toHaveLength(0);
		expect(q.state.pending).toBe(2);
		// a reload of the page (new instance) still has them
		const again = h.make();
		expect(again.queued.map((a) => a.body.text)).toEqual(['Eins', 'Zwei']);
		// POST bodies carry the client id for the server's idempotency
		expect(again.queued.map((a) => a.body.clientId)).toEqual(['c1', 'c2']);
		h.goOnline();
		const sentValues: unknown[] = [];
		again.onSent((_, v) => sentValues.push(v));
		await again.flush();
		expect(h.sent.map((a) => a.body.text)).toEqual(['Eins', 'Zwei']);
		expect(sentValues).toHaveLength(2);
		expect(again.state.pending).toBe(0);
		expect(h.storage.data.size).toBe(0);
	});

	it('keeps the client id of an attempt already sent, and the body unchanged otherwise', async () => {
		const h = harness();
		const q = h.make();
		const body = { clientId: 'c-first-try', text: 'Idee', anonymous: true, fieldId: 'f1' };
		const a = q.enqueue('idea', '/api/plans/p/sitzungen/s/ideen', body, {
			clientId: 'c-first-try'
		});
		expect(a.id).toBe('c-first-try');
		h.goOnline();
		await q.flush();
		expect(h.sent.map((s) => s.body)).toEqual([body]);
		expect(q.state.pending).toBe(0);
	});

	it('replaces a queued action with the same key (the newest ballot wins), PUT without clientId', async () => {
		const h = harness();
		const q = h.make();
		const url = '/api/plans/p/votes/v/ballot';
		q.enqueue('ballot', url, { dots: { a: 1 }, revision: 0 }, { method: 'PUT', key: 'ballot:v' });
		q.enqueue('idea', '/api/plans/p/sitzungen/s/ideen', { text: 'Idee' });
		q.enqueue('ballot', url, { dots: { a: 2 }, revision: 0 }, { method: 'PUT', key: 'ballot:v' });
		expect(q.state.pending).toBe(2);
		h.goOnline();
		await q.flush();
		expect(h.sent.map((a) => a.kind)).toEqual(['ballot', 'idea']);
		expect(h.sent[0].body).toEqual({ dots: { a: 2 }, revision: 0 });
	});

	it('keeps the action on 5xx or no network and retries with back-off, in order', async () => {
		const h = harness([503, 'network', 200, 200]);
		h.goOnline();
		const q = h.make();
		const states: number[] = [];
		q.subscribe((s) => states.push(s.pending));
		const settle = () => new Promise((r) => setTimeout(r, 0));
		q.enqueue('idea', '/api/plans/p/sitzungen/s/ideen', { text: 'A' });
		await settle();
		expect(h.sent.map((a) => a.body.text)).toEqual(['A']);
		expect(q.state.pending).toBe(1);
		expect(h.retries.at(-1)?.ms).toBe(retryDelay(1));
		q.enqueue('idea', '/api/plans/p/sitzungen/s/ideen', { text: 'B' });
		await settle(); // network failure: A again, B waits behind it
		expect(h.sent.map((a) => a.body.text)).toEqual(['A', 'A']);
		expect(h.retries.at(-1)?.ms).toBe(retryDelay(2));
		expect(q.queued.map((a) => a.attempts)).toEqual([2, 0]);
		h.retries.at(-1)!.fn();
		await settle();
		expect(h.sent.map((a) => a.body.text)).toEqual(['A', 'A', 'A', 'B']);
		// the same client id every time: the server can tell a resend
		expect(new Set(h.sent.slice(0, 3).map((a) => a.body.clientId)).size).toBe(1);
		expect(q.state.pending).toBe(0);
		expect(states).toContain(2);
		expect(retryDelay(20)).toBe(60_000);
	});

	it('drops an action the server refuses (4xx) with its message and goes on with the next', async () => {
		const h = harness([409, 200]);
		const q = h.make();
		q.enqueue('ballot', '/api/plans/p/votes/v/ballot', { dots: {} }, { method: 'PUT', key: 'b' });
		q.enqueue('idea', '/api/plans/p/sitzungen/s/ideen', { text: 'C' });
		h.goOnline();
		await q.flush();
		expect(q.state.pending).toBe(0);
		expect(q.state.dropped).toEqual([{ id: 'c1', kind: 'ballot', message: 'Abgelehnt (409).' }]);
		expect(h.sent.map((a) => a.kind)).toEqual(['ballot', 'idea']);
		q.dismissDropped();
		expect(q.state.dropped).toEqual([]);
	});

	it('ignores damaged storage and foreign URLs', () => {
		const h = harness();
		h.storage.setItem('mitplan:offline:plan-1', '{kaputt');
		expect(h.make().state.pending).toBe(0);
		h.storage.setItem(
			'mitplan:offline:plan-1',
			JSON.stringify([
				{
					id: 'x',
					kind: 'idea',
					method: 'POST',
					url: 'https://evil.example/',
					body: {},
					attempts: 0
				},
				{ id: 'y', kind: 'idea', method: 'POST', url: '/api/plans/p/x', body: {}, attempts: 0 }
			])
		);
		expect(h.make().queued.map((a) => a.id)).toEqual(['y']);
	});
});
