/**
 * Keep-alive (found in CI): a client that reuses an idle connection after Node's default 5 s
 * got ECONNRESET when the server closed it at that moment. The server now keeps idle
 * connections open for KEEP_ALIVE_MS, so a second request on the same socket after 6 s is
 * answered.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import net from 'node:net';
import { KEEP_ALIVE_MS } from '../server/main';
import { startInProcess, tempDir } from './helpers/server';

let server: Awaited<ReturnType<typeof startInProcess>>;
const data = tempDir();

beforeAll(async () => {
	server = await startInProcess({ DATA_DIR: data.dir });
});
afterAll(async () => {
	await server.close();
	data.remove();
});

function request(path: string): string {
	return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`;
}

/** Reads until one full response head has arrived (or the socket closes). */
function nextResponse(socket: net.Socket): Promise<string> {
	return new Promise((resolve) => {
		let text = '';
		const onData = (chunk: Buffer) => {
			text += chunk.toString('latin1');
			if (text.includes('\r\n\r\n')) done();
		};
		const done = () => {
			socket.off('data', onData);
			socket.off('close', done);
			resolve(text);
		};
		socket.on('data', onData);
		socket.on('close', done);
	});
}

test('an idle keep-alive connection still answers after six seconds', async () => {
	expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000);
	const socket = net.connect(server.port, '127.0.0.1');
	await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
	let closed = false;
	socket.on('close', () => (closed = true));
	socket.write(request('/metrics-none'));
	expect(await nextResponse(socket)).toMatch(/^HTTP\/1\.1 \d{3}/);
	await new Promise((resolve) => setTimeout(resolve, 6_000));
	expect(closed).toBe(false);
	socket.write(request('/metrics-none'));
	expect(await nextResponse(socket)).toMatch(/^HTTP\/1\.1 \d{3}/);
	socket.destroy();
}, 20_000);
