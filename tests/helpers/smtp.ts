/**
 * A real local SMTP server for mail tests (smtp-server on a free port): every message is parsed
 * with mailparser and kept for the test to read. It can be stopped and started again on the same
 * port to play an unreachable mail server.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort } from './redis-server';
import { waitFor } from './clients';

export interface ReceivedMail {
	to: string[];
	from: string;
	subject: string;
	text: string;
	html: string;
	raw: ParsedMail;
}

export interface TestSmtp {
	port: number;
	url: string;
	received: ReceivedMail[];
	/** Mails to this address (lower-case compare). */
	to(address: string): ReceivedMail[];
	/** Waits until `count` mails to `address` arrived (generous timeout). */
	waitFor(address: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
	stop(): Promise<void>;
	start(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
	const port = await freePort();
	const received: ReceivedMail[] = [];
	let server: SMTPServer | null = null;

	const start = () =>
		new Promise<void>((resolve, reject) => {
			server = new SMTPServer({
				disabledCommands: ['STARTTLS', 'AUTH'],
				logger: false,
				onData(stream, session, callback) {
					simpleParser(stream)
						.then((mail) => {
							received.push({
								to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
								from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
								subject: mail.subject ?? '',
								text: mail.text ?? '',
								html: typeof mail.html === 'string' ? mail.html : '',
								raw: mail
							});
							callback();
						})
						.catch((error: Error) => callback(error));
				}
			});
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => resolve());
		});
	await start();

	const to = (address: string) => received.filter((m) => m.to.includes(address.toLowerCase()));
	return {
		port,
		url: `smtp://127.0.0.1:${port}`,
		received,
		to,
		async waitFor(address, count = 1, timeoutMs = 30_000) {
			await waitFor(() => to(address).length >= count, `${count} mail(s) to ${address}`, timeoutMs);
			return to(address);
		},
		stop: () =>
			new Promise<void>((resolve) => {
				const s = server;
				server = null;
				if (!s) return resolve();
				s.close(() => resolve());
			}),
		start
	};
}
