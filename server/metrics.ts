/**
 * Prometheus metrics (`GET /metrics`, prom-client): sync connections, open plans, socket.io
 * clients, accepted updates and store append latency, PDF exports running and waiting, HTTP
 * requests, logged errors and warnings, plus Node's process metrics. Off unless METRICS_TOKEN is
 * set; then only a request with `Authorization: Bearer <token>` gets them (401 otherwise).
 * Nothing here names a plan, a person or an address.
 */
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from './log';
import type { DocStore } from './storage/types';

export interface MetricsSources {
	syncConnections(): number;
	openPlans(): number;
	socketIoClients(): number;
	exportLoad(): { running: number; queued: number };
}

export interface Metrics {
	readonly registry: Registry;
	/** The store with `append` timed and counted (everything else passes through). */
	instrumentStore<S extends DocStore>(store: S): S;
	/** The logger with errors and warnings counted (children too). */
	instrumentLogger(log: Logger): Logger;
	/** Counts one HTTP request once it is answered. */
	observeRequest(req: http.IncomingMessage, res: http.ServerResponse): void;
	/** Answers `/metrics` (token checked); false if the path is not `/metrics`. */
	handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
	setSources(sources: MetricsSources): void;
}

export function createMetrics(token: string | undefined): Metrics {
	const registry = new Registry();
	collectDefaultMetrics({ register: registry, prefix: 'mitplan_' });
	let sources: MetricsSources | null = null;
	const gauge = (name: string, help: string, read: (s: MetricsSources) => number) =>
		new Gauge({
			name,
			help,
			registers: [registry],
			collect() {
				if (sources) this.set(read(sources));
			}
		});
	gauge('mitplan_sync_connections', 'Open /sync websocket connections on this instance.', (s) =>
		s.syncConnections()
	);
	gauge('mitplan_open_plans', 'Plans loaded in memory (rooms) on this instance.', (s) =>
		s.openPlans()
	);
	gauge('mitplan_socketio_clients', 'Open socket.io connections on this instance.', (s) =>
		s.socketIoClients()
	);
	gauge(
		'mitplan_export_running',
		'PDF exports running in worker threads.',
		(s) => s.exportLoad().running
	);
	gauge('mitplan_export_queued', 'PDF exports waiting for a worker.', (s) => s.exportLoad().queued);

	const appends = new Counter({
		name: 'mitplan_store_appends_total',
		help: 'Document updates the store was asked to append (accepted edits), by result.',
		labelNames: ['result'],
		registers: [registry]
	});
	const appendSeconds = new Histogram({
		name: 'mitplan_store_append_seconds',
		help: 'Time until an update is durable in the store.',
		buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
		registers: [registry]
	});
	const requests = new Counter({
		name: 'mitplan_http_requests_total',
		help: 'HTTP requests answered, by status class.',
		labelNames: ['status'],
		registers: [registry]
	});
	const requestSeconds = new Histogram({
		name: 'mitplan_http_request_seconds',
		help: 'Time to answer an HTTP request.',
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
		registers: [registry]
	});
	const logged = new Counter({
		name: 'mitplan_log_messages_total',
		help: 'Errors and warnings written to the log, by level.',
		labelNames: ['level'],
		registers: [registry]
	});
	for (const level of ['error', 'warn']) logged.inc({ level }, 0);
	for (const result of ['ok', 'error']) appends.inc({ result }, 0);

	const expected = token ? Buffer.from(`Bearer ${token}`) : null;
	const authorised = (header: string | undefined) => {
		if (!expected || !header) return false;
		const given = Buffer.from(header);
		return given.length === expected.length && timingSafeEqual(given, expected);
	};

	const metrics: Metrics = {
		registry,
		instrumentStore(store) {
			const original = store.append.bind(store);
			const append: DocStore['append'] = (planId, update) => {
				const end = appendSeconds.startTimer();
				return original(planId, update).then(
					(result) => {
						end();
						appends.inc({ result: 'ok' });
						return result;
					},
					(error: unknown) => {
						appends.inc({ result: 'error' });
						throw error;
					}
				);
			};
			// Someone replacing `append` (a test simulating a full disk) replaces it for real; the
			// timed wrapper always calls the store's own append, so putting it back cannot loop.
			let replaced = false;
			return new Proxy(store, {
				get(target, prop, receiver) {
					if (prop === 'append' && !replaced) return append;
					const value = Reflect.get(target, prop, receiver) as unknown;
					return typeof value === 'function' ? value.bind(target) : value;
				},
				set(target, prop, value, receiver) {
					if (prop === 'append') replaced = true;
					return Reflect.set(target, prop, value, receiver);
				}
			});
		},
		instrumentLogger(log) {
			const wrap = (inner: Logger): Logger => ({
				error: (m, d) => {
					logged.inc({ level: 'error' });
					inner.error(m, d);
				},
				warn: (m, d) => {
					logged.inc({ level: 'warn' });
					inner.warn(m, d);
				},
				info: (m, d) => inner.info(m, d),
				debug: (m, d) => inner.debug(m, d),
				child: (fields) => wrap(inner.child(fields))
			});
			return wrap(log);
		},
		observeRequest(req, res) {
			if (req.url === '/metrics') return;
			const end = requestSeconds.startTimer();
			res.once('finish', () => {
				end();
				requests.inc({ status: `${Math.floor(res.statusCode / 100)}xx` });
			});
		},
		handle(req, res) {
			if ((req.url ?? '').split('?')[0] !== '/metrics') return false;
			if (!expected) {
				res.statusCode = 404;
				res.end('Not found');
				return true;
			}
			if (!authorised(req.headers.authorization)) {
				res.statusCode = 401;
				res.setHeader('www-authenticate', 'Bearer realm="mitplan-metrics"');
				res.end('METRICS_TOKEN fehlt oder ist falsch.');
				return true;
			}
			registry.metrics().then(
				(text) => {
					res.setHeader('content-type', registry.contentType);
					res.setHeader('cache-control', 'no-store');
					res.end(text);
				},
				() => {
					res.statusCode = 500;
					res.end('metrics failed');
				}
			);
			return true;
		},
		setSources(next) {
			sources = next;
		}
	};
	return metrics;
}
