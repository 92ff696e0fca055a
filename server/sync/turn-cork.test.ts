/** corkForTurn: writes of one event-loop turn leave together, and nothing stays corked after it. */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { corkForTurn, corkedCount } from './turn-cork';

const open: net.Socket[] = [];
const servers: net.Server[] = [];

/** A connected pair of real TCP sockets on loopback. */
async function pair(): Promise<{ writer: net.Socket; reader: net.Socket }> {
	let server!: net.Server;
	const accepted = new Promise<net.Socket>((resolve) => {
		server = net.createServer(resolve);
	});
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	const writer = net.connect(port, '127.0.0.1');
	await new Promise((resolve) => writer.once('connect', resolve));
	const reader = await accepted;
	open.push(writer, reader);
	return { writer, reader };
}

/** Counts the write syscalls libuv makes for the socket (one per writev/write). */
function countWrites(socket: net.Socket): () => number {
	const handle = (socket as unknown as { _handle: Record<string, (...a: unknown[]) => unknown> })
		._handle;
	let calls = 0;
	for (const name of ['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String']) {
		const original = handle[name];
		if (typeof original !== 'function') continue;
		handle[name] = (...args: unknown[]) => {
			calls++;
			return original.apply(handle, args);
		};
	}
	return () => calls;
}

afterEach(async () => {
	for (const s of open.splice(0)) s.destroy();
	await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('corkForTurn', () => {
	it('sends the frames of one turn in one write and uncorks after the turn', async () => {
		const { writer, reader } = await pair();
		const writes = countWrites(writer);
		const received: Buffer[] = [];
		reader.on('data', (chunk: Buffer) => received.push(chunk));

		for (const frame of ['a', 'b', 'c']) {
			corkForTurn(writer);
			writer.write(Buffer.from(frame));
		}
		expect(writer.writableCorked).toBe(1); // corked once however often it was asked
		expect(corkedCount()).toBe(1);
		expect(writes()).toBe(0);

		await new Promise((resolve) => setImmediate(resolve));
		expect(writer.writableCorked).toBe(0);
		expect(corkedCount()).toBe(0);
		expect(writes()).toBe(1);
		await expect.poll(() => Buffer.concat(received).toString()).toBe('abc');
	});

	it('corks again in the next turn, and a socket destroyed meanwhile is skipped', async () => {
		const first = await pair();
		corkForTurn(first.writer);
		first.writer.destroy();
		await new Promise((resolve) => setImmediate(resolve));
		expect(corkedCount()).toBe(0);

		const second = await pair();
		const writes = countWrites(second.writer);
		corkForTurn(second.writer);
		second.writer.write('x');
		await new Promise((resolve) => setImmediate(resolve));
		corkForTurn(second.writer);
		second.writer.write('y');
		expect(second.writer.writableCorked).toBe(1);
		await new Promise((resolve) => setImmediate(resolve));
		expect(second.writer.writableCorked).toBe(0);
		expect(writes()).toBe(2);
	});
});
