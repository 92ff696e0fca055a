/**
 * The SMTP connection (nodemailer) behind one small interface, so the outbox can be driven by
 * any sender. Timeouts are short and bounded: a hanging SMTP server fails the attempt (which the
 * outbox retries later) instead of holding the mail's lease.
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
	from: string;
	to: string;
	subject: string;
	text: string;
	html: string;
}

export interface MailTransport {
	send(mail: OutgoingMail): Promise<void>;
	close(): void;
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
	const transporter = nodemailer.createTransport({
		url: smtpUrl,
		connectionTimeout: 15_000,
		greetingTimeout: 15_000,
		socketTimeout: 60_000
	});
	return {
		async send(mail) {
			await transporter.sendMail({
				...mail,
				// No tracking: no read receipts, no images, plain and simple HTML alternative.
				headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' }
			});
		},
		close: () => transporter.close()
	};
}
