/**
 * The mail outbox: every mail is first written to the KV store (storage room), then sent by a
 * background worker with retries and exponential backoff. A request that causes a mail only waits
 * for that write, never for SMTP; a restart loses nothing (the queue is read again); several
 * instances on one Redis send each mail once (a lease key taken with set-if-absent decides who).
 *
 * Keys: mail:out:<id> (the queued mail as JSON), mail:queue (set of queued ids),
 * mail:lease:<id> (who is sending it, expires), mail:failed (newest given-up mails, capped).
 */
import { randomUUID } from 'node:crypto';
import type { KvStore } from '../storage/kv';
import type { Logger } from '../log';
import type { MailTransport } from './transport';

export interface QueuedMail {
	id: string;
	to: string;
	subject: string;
	text: string;
	html: string;
	/** What it is about (log lines, never the content). */
	kind: string;
	createdAt: number;
	attempts: number;
	/** Not before this time (ms); moved on by each failed attempt. */
	nextAt: number;
	lastError?: string;
}

export type NewMail = Pick<QueuedMail, 'to' | 'subject' | 'text' | 'html' | 'kind'>;

export interface OutboxOptions {
	kv: KvStore;
	transport: MailTransport;
	from: string;
	log: Logger;
	instanceId: string;
	maxAttempts: number;
	/** First retry after this long; each further one waits twice as long (at most 6 hours). */
	retryBaseMs: number;
	/** How often the worker looks for due mail (default: min(retryBaseMs, 15 s)). */
	pollMs?: number;
	now?: () => number;
}

export interface Outbox {
	/** Queues a mail durably (resolves once stored) and wakes the worker. */
	enqueue(mail: NewMail): Promise<string>;
	/** Sends what is due now (the worker calls it; tests may too). Resolves with the sent count. */
	flush(): Promise<number>;
	/** Number of mails waiting. */
	size(): Promise<number>;
	close(): Promise<void>;
}

const K = {
	out: (id: string) => `mail:out:${id}`,
	queue: 'mail:queue',
	lease: (id: string) => `mail:lease:${id}`,
	failed: 'mail:failed'
};

/** Long enough for one attempt with nodemailer's timeouts (15 s + 15 s + 60 s). */
const LEASE_MS = 5 * 60_000;
const MAX_DELAY_MS = 6 * 3600_000;
const FAILED_KEPT = 200;

export function backoffMs(baseMs: number, attempts: number): number {
	return Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

export function createOutbox(options: OutboxOptions): Outbox {
	const { kv, transport, log, maxAttempts, retryBaseMs } = options;
	const now = options.now ?? Date.now;
	const pollMs = options.pollMs ?? Math.min(retryBaseMs, 15_000);
	let running: Promise<number> | null = null;
	let again = false;
	let closed = false;

	const read = async (id: string): Promise<QueuedMail | null> => {
		const raw = await kv.get(K.out(id));
		if (raw === null) return null;
		try {
			return JSON.parse(raw) as QueuedMail;
		} catch {
			return null;
		}
	};

	async function attempt(id: string): Promise<boolean> {
		const waiting = await read(id);
		if (!waiting) {
			await kv.sRem(K.queue, id);
			return false;
		}
		if (waiting.nextAt > now()) return false;
		// One instance sends it: the lease is taken atomically; the others skip it.
		const leased = await kv.set(K.lease(id), options.instanceId, {
			ifAbsent: true,
			ttlMs: LEASE_MS
		});
		if (!leased) return false;
		try {
			// Read again under the lease: another instance may have sent it a moment ago.
			const mail = await read(id);
			if (!mail || mail.nextAt > now()) return false;
			try {
				await transport.send({
					from: options.from,
					to: mail.to,
					subject: mail.subject,
					text: mail.text,
					html: mail.html
				});
			} catch (error) {
				await failed(mail, error);
				return false;
			}
			await kv.del(K.out(id));
			await kv.sRem(K.queue, id);
			log.info('mail sent', { mailId: id, kind: mail.kind, attempts: mail.attempts + 1 });
			return true;
		} finally {
			await kv.del(K.lease(id)).catch(() => {});
		}
	}

	async function failed(mail: QueuedMail, error: unknown): Promise<void> {
		const attempts = mail.attempts + 1;
		const reason = error instanceof Error ? error.message : String(error);
		if (attempts >= maxAttempts) {
			log.error('mail given up', { mailId: mail.id, kind: mail.kind, attempts, error: reason });
			await kv.listPush(
				K.failed,
				JSON.stringify({ ...mail, attempts, lastError: reason, text: '', html: '' }),
				FAILED_KEPT
			);
			await kv.del(K.out(mail.id));
			await kv.sRem(K.queue, mail.id);
			return;
		}
		const next: QueuedMail = {
			...mail,
			attempts,
			nextAt: now() + backoffMs(retryBaseMs, attempts),
			lastError: reason
		};
		await kv.set(K.out(mail.id), JSON.stringify(next));
		log.warn('mail not sent, will retry', {
			mailId: mail.id,
			kind: mail.kind,
			attempts,
			retryInMs: next.nextAt - now(),
			error: reason
		});
	}

	async function sendDue(): Promise<number> {
		let sent = 0;
		const ids = await kv.sMembers(K.queue);
		for (const id of ids) {
			if (closed) break;
			try {
				if (await attempt(id)) sent++;
			} catch (error) {
				log.warn('mail outbox: store error', { mailId: id, error });
			}
		}
		return sent;
	}

	function flush(): Promise<number> {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			let total = 0;
			do {
				again = false;
				total += await sendDue();
			} while (again && !closed);
			return total;
		})().finally(() => {
			running = null;
		});
		return running;
	}

	const tick = () => {
		if (closed) return;
		flush().catch((error) => log.warn('mail outbox failed', { error }));
	};
	const timer = setInterval(tick, pollMs);
	timer.unref();
	// Mail left from before a restart goes out soon after the start.
	setTimeout(tick, 0).unref();

	return {
		async enqueue(mail) {
			const id = randomUUID();
			const t = now();
			const queued: QueuedMail = { ...mail, id, createdAt: t, attempts: 0, nextAt: t };
			await kv.set(K.out(id), JSON.stringify(queued));
			await kv.sAdd(K.queue, id);
			setImmediate(tick);
			return id;
		},
		flush,
		size: async () => (await kv.sMembers(K.queue)).length,
		async close() {
			closed = true;
			clearInterval(timer);
			await running?.catch(() => {});
			transport.close();
		}
	};
}
