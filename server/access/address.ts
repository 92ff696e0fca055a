/**
 * The client address of a raw Node request (websocket upgrades), read the way adapter-node reads
 * it for HTTP: ADDRESS_HEADER (e.g. X-Forwarded-For with XFF_DEPTH) behind a proxy, else the
 * socket's peer address. Used for per-address limits in the gate.
 */
import type { IncomingMessage } from 'node:http';

export function clientAddressOf(
	req: Pick<IncomingMessage, 'headers' | 'socket'>,
	options: { addressHeader: string | undefined; xffDepth: number }
): string {
	const header = options.addressHeader;
	if (header) {
		const raw = req.headers[header];
		const value = Array.isArray(raw) ? raw.join(',') : raw;
		if (value) {
			if (header !== 'x-forwarded-for') return value.trim();
			const addresses = value.split(',').map((a) => a.trim());
			return addresses[Math.max(0, addresses.length - options.xffDepth)] ?? 'unknown';
		}
	}
	return req.socket?.remoteAddress ?? 'unknown';
}

/** Counts events per key in fixed windows (one map, pruned at each new window). */
export function createWindowCounter(windowMs: number, now: () => number = Date.now) {
	let windowStart = now();
	let counts = new Map<string, number>();
	return {
		/** Counts one event for `key`; returns the count in the current window. */
		hit(key: string): number {
			const t = now();
			if (t - windowStart >= windowMs) {
				windowStart = t;
				counts = new Map();
			}
			const n = (counts.get(key) ?? 0) + 1;
			counts.set(key, n);
			return n;
		}
	};
}
