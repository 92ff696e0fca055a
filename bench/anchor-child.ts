/**
 * A reference sync server for the throughput benchmark (bench/throughput.ts), in its own process:
 * `ywebsocket` (the y-websocket 2.1 server, devDependency alias y-websocket-server-2) or
 * `hocuspocus` (@hocuspocus/server 3.x), both in memory only. Prints `READY <port>`; answers
 * 'cpu' with its process.cpuUsage() and 'rss' with its resident memory.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { WebSocketServer } from 'ws';

const kind = process.argv[2];
const require = createRequire(import.meta.url);
let port = 0;

if (kind === 'ywebsocket') {
	const { setupWSConnection } = require('y-websocket-server-2/bin/utils') as {
		setupWSConnection: (ws: unknown, req: http.IncomingMessage) => void;
	};
	const server = http.createServer((_req, res) => res.end('ok'));
	const wss = new WebSocketServer({ server });
	wss.on('connection', (ws, req) => setupWSConnection(ws, req));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as { port: number }).port;
} else if (kind === 'hocuspocus') {
	const { Server } = await import('@hocuspocus/server');
	const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
	await server.listen();
	port = server.address.port;
} else {
	throw new Error(`unknown anchor ${kind}`);
}

process.stdout.write(`READY ${port}\n`);
process.on('SIGTERM', () => process.exit(0));
process.on('message', (message: unknown) => {
	if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
	if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
