/**
 * Trust items enforced by the access gate on the sync websocket (issue 12, items 14 and 18), with
 * raw clients: refused upgrades hold no connection slot, and a session's /sync connection ends
 * when the session does (logout).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnedPlan, syncToken } from './helpers/auth';
import { rawSocket } from './helpers/clients';
import { sessionCookie } from './helpers/review';
import { startInProcess, tempDir } from './helpers/server';

/** Sends an unauthenticated upgrade and then never reads or answers (like a flooding client). */
function silentUpgrade(port: number, planId: string): net.Socket {
	const socket = net.connect(port, '127.0.0.1');
	socket.write(
		`GET /sync/${planId} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
			'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
			'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
	);
	socket.pause();
	socket.on('error', () => {});
	return socket;
}

describe('sync gate trust items', () => {
	const data = tempDir();
	let server: Awaited<ReturnType<typeof startInProcess>>;
	beforeAll(async () => {
		server = await startInProcess({
			DATA_DIR: data.dir,
			SYNC_MAX_CONNECTIONS: '3',
			SYNC_SESSION_RECHECK_SECONDS: '1'
		});
	});
	afterAll(async () => {
		await server.close();
		data.remove();
	});

	it('refused upgrades do not hold SYNC_MAX_CONNECTIONS slots', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Flut');
		const flood = Array.from({ length: 10 }, () => silentUpgrade(server.port, planId));
		await new Promise((r) => setTimeout(r, 500));
		const token = await syncToken(server.core, owner, planId);
		const legit = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
		await legit.opened;
		const outcome = await Promise.race([
			legit.closed.then((c) => c.code),
			new Promise((r) => setTimeout(() => r('open'), 700))
		]);
		expect(outcome).toBe('open');
		legit.ws.close();
		for (const s of flood) s.destroy();
	});

	it('closes a session /sync connection after logout (4001 or 4005)', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Abmelden');
		const cookie = await sessionCookie(server.core, owner);
		const client = rawSocket(`${server.wsUrl}/sync/${planId}`, undefined, { cookie });
		await client.opened;
		await server.core.access.logout(decodeURIComponent(cookie.split('=')[1]));
		const closed = await Promise.race([
			client.closed,
			new Promise<{ code: number }>((r) => setTimeout(() => r({ code: -1 }), 5000))
		]);
		expect([4001, 4005]).toContain(closed.code);
	});
});
