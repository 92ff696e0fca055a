/** The e-mail settings of server/config.ts: SMTP_URL, MAIL_FROM, MAIL_MAX_ATTEMPTS, MAIL_RETRY_SECONDS. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const ORIGIN = 'https://mitplan.stadt.de';

describe('mail settings', () => {
	it('sends no mail without SMTP_URL', () => {
		expect(loadConfig({}).mail).toBeUndefined();
		expect(loadConfig({ SMTP_URL: '  ', MAIL_FROM: 'x' }).mail).toBeUndefined();
	});

	it('reads SMTP_URL with defaults for the sender, attempts and retry delay', () => {
		expect(loadConfig({ SMTP_URL: 'smtp://mail.stadt.de:587', ORIGIN }).mail).toEqual({
			smtpUrl: 'smtp://mail.stadt.de:587',
			from: 'Mitplan <mitplan@mitplan.stadt.de>',
			maxAttempts: 10,
			retryBaseMs: 60_000
		});
		expect(
			loadConfig({
				SMTP_URL: 'smtps://u:p@mail.stadt.de',
				ORIGIN,
				MAIL_FROM: 'Stadt Musterstadt <beteiligung@stadt.de>',
				MAIL_MAX_ATTEMPTS: '3',
				MAIL_RETRY_SECONDS: '5'
			}).mail
		).toMatchObject({
			from: 'Stadt Musterstadt <beteiligung@stadt.de>',
			maxAttempts: 3,
			retryBaseMs: 5000
		});
	});

	it('refuses a bad SMTP_URL, a missing ORIGIN, a bad sender and out-of-range retries', () => {
		expect(() => loadConfig({ SMTP_URL: 'http://mail.stadt.de', ORIGIN })).toThrow(/SMTP_URL/);
		expect(() => loadConfig({ SMTP_URL: 'smtp://mail.stadt.de' })).toThrow(/ORIGIN/);
		expect(() =>
			loadConfig({ SMTP_URL: 'smtp://mail.stadt.de', ORIGIN, MAIL_FROM: 'niemand' })
		).toThrow(/MAIL_FROM/);
		expect(() =>
			loadConfig({ SMTP_URL: 'smtp://m', ORIGIN, MAIL_FROM: 'a@b.de\r\nBcc: x@y.de' })
		).toThrow(/MAIL_FROM/);
		expect(() => loadConfig({ SMTP_URL: 'smtp://m', ORIGIN, MAIL_MAX_ATTEMPTS: '0' })).toThrow(
			/MAIL_MAX_ATTEMPTS/
		);
		expect(() => loadConfig({ SMTP_URL: 'smtp://m', ORIGIN, MAIL_RETRY_SECONDS: 'bald' })).toThrow(
			/MAIL_RETRY_SECONDS/
		);
	});
});
