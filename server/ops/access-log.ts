/**
 * The access log: one `request` line per answered HTTP request (method, path, status, duration
 * in ms, bytes). Never cookies, headers or bodies; secrets in the URL are replaced by `…` — the
 * token segment of invitation, reset, participation and calendar links and the value of query
 * parameters whose name suggests a secret.
 */
import type http from 'node:http';
import type { Logger } from '../log';

/** Paths whose segment after the prefix is a bearer secret. */
const SECRET_SEGMENT =
	/^(\/(?:einladung|beteiligung|umsetzung|passwort-neu|api\/invites|api\/auth\/reset|api\/public\/rounds|api\/public\/umsetzung|api\/kalender)\/)([^/]+)/;
const SECRET_PARAM = /token|secret|key|pass|code|state|sig|auth|session|nonce/i;

/** The request target with secrets replaced; at most 300 characters. */
export function loggablePath(url: string | undefined): string {
	const raw = url ?? '';
	const q = raw.indexOf('?');
	const pathname = (q < 0 ? raw : raw.slice(0, q)).replace(
		SECRET_SEGMENT,
		(_m, prefix: string, seg: string) => prefix + (seg.endsWith('.ics') ? '….ics' : '…')
	);
	let query = '';
	if (q >= 0) {
		const params = new URLSearchParams(raw.slice(q + 1));
		const parts: string[] = [];
		for (const [name, value] of params) {
			parts.push(
				`${encodeURIComponent(name)}=${SECRET_PARAM.test(name) ? '…' : encodeURIComponent(value)}`
			);
		}
		if (parts.length > 0) query = '?' + parts.join('&');
	}
	return (pathname + query).slice(0, 300);
}

/** Logs the request once it is answered (or the connection closed before that). */
export function logAccess(log: Logger, req: http.IncomingMessage, res: http.ServerResponse): void {
	const started = process.hrtime.bigint();
	let done = false;
	const finish = () => {
		if (done) return;
		done = true;
		const length = Number(res.getHeader('content-length'));
		log.info('request', {
			method: req.method,
			path: loggablePath(req.url),
			status: res.writableFinished ? res.statusCode : 499,
			durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
			...(Number.isFinite(length) ? { bytes: length } : {})
		});
	};
	res.once('finish', finish);
	res.once('close', finish);
}
