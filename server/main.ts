/**
 * Production entry point (`npm start` runs the bundle build/server/main.js): one HTTP server on
 * one port serves the built SvelteKit app (adapter-node's handler) and the /sync websocket.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config';
import { createCore, type Core } from './core';
import { createLogger } from './log';
import { logAccess } from './ops/access-log';
import { describeStartupError } from './startup-error';
import { REAL_SCHEME_HEADER, isHttps, markRealScheme } from '../src/lib/contract/request-origin';
import { setRawSecurityHeaders } from '../src/lib/contract/security-headers';

/** How long an idle keep-alive connection stays open (see startServer). */
export const KEEP_ALIVE_MS = 65_000;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

export interface RunningServer {
	core: Core;
	server: http.Server;
	port: number;
	close(): Promise<void>;
}

/** Starts a full server. `handlerPath` is the built SvelteKit handler (omit for sync/API-less tests). */
export async function startServer(config: Config, handlerPath?: string): Promise<RunningServer> {
	const core = await createCore(config);
	let handler: Handler | undefined;
	if (handlerPath) {
		// adapter-node would assume https: it reads the scheme the server marks on each request.
		process.env.PROTOCOL_HEADER = REAL_SCHEME_HEADER;
		// Imported after the backend is registered: SvelteKit's hooks read it on every request.
		handler = ((await import(pathToFileURL(handlerPath).href)) as { handler: Handler }).handler;
	}
	const accessLog = core.log.child({ log: 'access' });
	const server = http.createServer((req, res) => {
		const scheme = markRealScheme(req, config.trustProxy);
		setRawSecurityHeaders(res, isHttps(scheme, req.headers.host, config.origin));
		if (core.metrics.handle(req, res)) return;
		core.metrics.observeRequest(req, res);
		logAccess(accessLog, req, res);
		if (handler) return handler(req, res);
		res.statusCode = 404;
		res.end('Not found');
	});
	// socket.io (`/socket.io`, live review events and notifications) wraps the request handler.
	await core.attachRealtime(server);
	server.on('upgrade', (req, socket, head) => {
		if (!core.handleUpgrade(req, socket, head)) socket.destroy();
	});
	server.on('clientError', (_error, socket) => socket.destroy());
	// Node closes an idle keep-alive connection after 5 s; a client (or proxy) that sends its next
	// request on it just then gets ECONNRESET. Idle connections stay open longer than the usual
	// client and proxy idle times (nginx 60 s), so the client is the one that closes them.
	server.keepAliveTimeout = KEEP_ALIVE_MS;
	server.headersTimeout = KEEP_ALIVE_MS + 1_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	let closing: Promise<void> | undefined;
	return {
		core,
		server,
		port,
		close() {
			closing ??= (async () => {
				server.closeAllConnections?.();
				await core.close();
				await new Promise<void>((resolve) => server.close(() => resolve()));
			})();
			return closing;
		}
	};
}

export async function main(): Promise<void> {
	const log = createLogger('info');
	let config: Config;
	try {
		config = loadConfig();
	} catch (error) {
		if (error instanceof ConfigError) {
			log.error(error.message);
			process.exit(1);
		}
		throw error;
	}
	if (config.origin && !process.env.ADDRESS_HEADER) {
		log.warn(
			'ORIGIN ist gesetzt, ADDRESS_HEADER nicht: hinter einem Proxy sieht Mitplan für alle ' +
				'Besucher dieselbe Adresse (Anmeldebegrenzung je Adresse). Siehe README, „Mehrere Instanzen“.'
		);
	}
	const here = path.dirname(fileURLToPath(import.meta.url));
	let running: RunningServer;
	try {
		running = await startServer(config, path.join(here, '..', 'handler.js'));
	} catch (error) {
		const line = describeStartupError(error, config);
		if (!line) throw error;
		log.error(line);
		process.exit(1);
	}
	running.core.log.info(
		`Mitplan läuft auf http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${running.port}`
	);

	let stopping = false;
	const stop = (signal: string, exitCode = 0) => {
		if (stopping) return;
		stopping = true;
		running.core.log.info('shutting down', { signal });
		const force = setTimeout(() => process.exit(1), 10_000);
		force.unref();
		running.close().then(
			() => process.exit(exitCode),
			() => process.exit(1)
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('unhandledRejection', (error) =>
		running.core.log.error('unhandled rejection', { error })
	);
	// A failed static-file stream (e.g. build/ replaced while running) or a dropped socket must
	// not take every user's session down; anything else is a bug: log it and exit.
	process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
		running.core.log.error('uncaught exception', { error, code: error.code });
		if (
			!error.code ||
			!['ENOENT', 'EPIPE', 'ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE'].includes(error.code)
		) {
			stop('uncaughtException', 1);
		}
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
