/**
 * The outbox on the real embedded KV store: backoff, giving up after MAIL_MAX_ATTEMPTS (kept in
 * `mail:failed` without the text), and the rendered parts (escaped HTML, one-line subject).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { createFileKv } from '../storage/kv-file';
import type { KvStore } from '../storage/kv';
import { backoffMs, createOutbox } from './outbox';
import { renderMail } from './render';
import type { MailTransport, OutgoingMail } from './transport';

let dir = '';
let kv: KvStore | undefined;
afterEach(async () => {
	await kv?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A sender that refuses the first `failures` attempts, then accepts. */
function flakySender(failures: number) {
	const sent: OutgoingMail[] = [];
	let attempts = 0;
	const transport: MailTransport = {
		async send(mail) {
			attempts++;
			if (attempts <= failures) throw new Error('connect ECONNREFUSED');
			sent.push(mail);
		},
		close() {}
	};
	return { transport, sent, attempts: () => attempts };
}

async function setup(failures: number, maxAttempts: number) {
	dir = mkdtempSync(path.join(os.tmpdir(), 'mitplan-outbox-'));
	kv = await createFileKv({ dir });
	let clock = Date.parse('2026-03-01T09:00:00Z');
	const sender = flakySender(failures);
	const outbox = createOutbox({
		kv,
		transport: sender.transport,
		from: 'mitplan@stadt.test',
		log: createLogger('error'),
		instanceId: 'a',
		maxAttempts,
		retryBaseMs: 60_000,
		pollMs: 3_600_000,
		now: () => clock
	});
	return { outbox, sender, advance: (ms: number) => (clock += ms) };
}

const mail = {
	to: 'a@stadt.test',
	subject: 'Betreff',
	text: 'Text',
	html: '<p>Text</p>',
	kind: 'due'
};

describe('mail outbox', () => {
	it('doubles the delay between attempts, at most 6 hours', () => {
		expect([1, 2, 3, 4].map((n) => backoffMs(60_000, n))).toEqual([
			60_000, 120_000, 240_000, 480_000
		]);
		expect(backoffMs(60_000, 30)).toBe(6 * 3600_000);
	});

	it('retries only after the backoff and sends once the server accepts', async () => {
		const { outbox, sender, advance } = await setup(2, 5);
		await outbox.enqueue(mail);
		await outbox.flush();
		expect(sender.attempts()).toBe(1);
		await outbox.flush(); // not due yet
		expect(sender.attempts()).toBe(1);
		advance(60_000);
		await outbox.flush();
		expect(sender.attempts()).toBe(2);
		advance(119_000);
		await outbox.flush();
		expect(sender.attempts()).toBe(2);
		advance(1_000);
		expect(await outbox.flush()).toBe(1);
		const { kind: _kind, ...parts } = mail;
		expect(sender.sent).toEqual([{ from: 'mitplan@stadt.test', ...parts }]);
		expect(await outbox.size()).toBe(0);
		await outbox.close();
	});

	it('gives up after the last attempt and keeps a note without the text', async () => {
		const { outbox, sender, advance } = await setup(10, 2);
		await outbox.enqueue(mail);
		await outbox.flush();
		advance(60_000);
		await outbox.flush();
		expect(sender.attempts()).toBe(2);
		expect(await outbox.size()).toBe(0);
		const [note] = await kv!.listRange('mail:failed', 0, 0);
		expect(JSON.parse(note)).toMatchObject({
			to: 'a@stadt.test',
			attempts: 2,
			text: '',
			lastError: 'connect ECONNREFUSED'
		});
		await outbox.close();
	});
});

describe('renderMail', () => {
	it('escapes HTML, keeps the subject on one line and builds links from ORIGIN', () => {
		const out = renderMail(
			{
				category: 'mention',
				subject: 'Plan „<b>X</b>“\r\nBcc: jemand@example.org',
				paragraphs: ['A & B <script>alert(1)</script>'],
				link: { path: '/plans/p1?eintrag=i1', label: 'Öffnen' }
			},
			'https://mitplan.stadt.test'
		);
		expect(out.subject).toBe('Plan „<b>X</b>“ Bcc: jemand@example.org');
		expect(out.html).toContain('A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;');
		expect(out.html).toContain(
			'<a href="https://mitplan.stadt.test/plans/p1?eintrag=i1">Öffnen</a>'
		);
		expect(out.text).toContain('Öffnen:\nhttps://mitplan.stadt.test/plans/p1?eintrag=i1');
		expect(out.text).toContain('https://mitplan.stadt.test/konto');
	});
});
