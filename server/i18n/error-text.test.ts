/**
 * Every error code the server can send has an English text (issue 15, item 1): the catalogues
 * (auth MESSAGES, PLAN_ERRORS, DOMAIN_ERROR_CODES, REVIEW_MESSAGES, SSO_ERRORS, GATE_ERRORS) and
 * every literal code in the server's source (`code: '…'`, `fail(400, '…'`, `err('…'`,
 * `refusal('…'`). German stays exactly what the service wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiError, MESSAGES, rateLimited, tooManyAttempts } from '../auth/messages';
import { REVIEW_MESSAGES } from '../review/model';
import { GATE_ERRORS } from '../access/gate';
import { SSO_ERRORS } from '../../src/lib/contract/sso';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import { DOMAIN_ERROR_CODES } from '../../src/lib/domain/errors';
import {
	errorText,
	hasErrorText,
	localeOfHeaders,
	localeOfRequest,
	localizeError,
	waitText
} from '../../src/lib/i18n/error-text';
import de from '../../messages/server/de.json';
import en from '../../messages/server/en.json';

/** Literal codes that are not error codes of the server. */
const NOT_SERVER_ERRORS = new Set([
	// language codes (src/lib/domain/translations.ts, reader-language.ts: `{ code: 'en', … }`)
	...['de', 'en', 'tr', 'ar', 'uk', 'ru', 'ls'],
	// made by the browser's API client when the server cannot be reached (src/lib/components/api.ts)
	'network'
]);

function sourceFiles(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'paraglide' && entry.name !== 'node_modules') sourceFiles(full, out);
		} else if (/\.ts$/.test(entry.name) && !/\.(test|spec|support)\.ts$/.test(entry.name)) {
			out.push(full);
		}
	}
	return out;
}

function codesInSource(): Map<string, string> {
	const found = new Map<string, string>();
	const patterns = [
		/\bcode:\s*'([a-z][a-z0-9_]*)'/g,
		/\b[1-5]\d\d,\s*'([a-z][a-z0-9_]*)'/g,
		/\berr\(\s*'([a-z][a-z0-9_]*)'/g,
		/\brefusal\(\s*'([a-z][a-z0-9_]*)'/g,
		/\bconst code = '([a-z][a-z0-9_]*)'/g
	];
	for (const file of [...sourceFiles('server'), ...sourceFiles('src')]) {
		const text = readFileSync(file, 'utf8');
		for (const pattern of patterns) {
			for (const match of text.matchAll(pattern)) {
				if (!found.has(match[1])) found.set(match[1], file);
			}
		}
	}
	return found;
}

function allCodes(): Map<string, string> {
	const codes = codesInSource();
	const add = (code: string, where: string) => codes.set(code, where);
	for (const key of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
		add(apiError(key).code, 'server/auth/messages.ts');
	}
	for (const make of Object.values(PLAN_ERRORS)) add(make().code, 'PLAN_ERRORS');
	for (const make of Object.values(GATE_ERRORS)) add(make('owner').code, 'GATE_ERRORS');
	for (const code of DOMAIN_ERROR_CODES) add(code, 'DOMAIN_ERROR_CODES');
	for (const code of Object.keys(REVIEW_MESSAGES)) add(code, 'REVIEW_MESSAGES');
	for (const code of Object.keys(SSO_ERRORS)) add(code, 'SSO_ERRORS');
	for (const code of NOT_SERVER_ERRORS) codes.delete(code);
	return codes;
}

describe('error messages in English', () => {
	it('finds the codes of the source (the scan itself works)', () => {
		const codes = allCodes();
		expect(codes.size).toBeGreaterThan(150);
		for (const code of ['plan_not_found', 'invalid_json', 'too_many_connections', 'vote_closed'])
			expect(codes.has(code), code).toBe(true);
	});

	it('has an English text for every code the server can send', () => {
		const missing = [...allCodes()]
			.filter(([code]) => !hasErrorText(code))
			.map(([code, where]) => `${code} (${where})`);
		expect(missing).toEqual([]);
	});

	it('has the same keys in German and English, and English differs from German', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
		const same = Object.entries(en).filter(
			([key, text]) => (de as Record<string, string>)[key] === text
		);
		expect(same).toEqual([]);
	});

	it('a code with several German messages: each listed one has its own English text', () => {
		const source = [...sourceFiles('server'), ...sourceFiles('src')]
			.map((file) => readFileSync(file, 'utf8'))
			.join('\n');
		const variants = Object.entries(de).filter(([key]) => key.includes('__'));
		expect(variants.length).toBeGreaterThan(5);
		for (const [key, german] of variants) {
			// The German text must still be what a service sends, or the variant is never used.
			expect(source.includes(german), key).toBe(true);
			const code = key.slice('server_error_'.length, key.indexOf('__'));
			expect(errorText(code, german, 'en')).toBe((en as Record<string, string>)[key]);
		}
		expect(errorText('forbidden', 'Dafür ist ein Konto nötig; Gäste können das nicht.', 'en')).toBe(
			'This needs an account; guests cannot do it.'
		);
		expect(errorText('forbidden', 'Irgendein anderer Grund.', 'en')).toBe(
			'You are not allowed to do this.'
		);
	});

	it('keeps the German message byte for byte, also for unknown locales', () => {
		const { code, message } = PLAN_ERRORS.notFound();
		expect(errorText(code, message, 'de')).toBe(message);
		expect(errorText(code, message, 'xx')).toBe(message);
		expect(errorText(code, message, undefined)).toBe(message);
		expect(errorText('no_such_code', 'Etwas', 'en')).toBe('Etwas');
		expect(errorText(code, message, 'en')).toBe('This plan does not exist.');
	});

	it('fills in numbers: the waiting time of a 429, the size limit', () => {
		const blocked = tooManyAttempts(30).error;
		expect(localizeError(blocked, 'en').message).toContain('please try again in 30 seconds.');
		expect(localizeError(blocked, 'de')).toBe(blocked);
		expect(localizeError(rateLimited(600).error, 'en').message).toBe(
			'Too many attempts from this address. Please try again in 10 minutes.'
		);
		expect(waitText(60, 'en')).toBe('60 seconds');
		expect(waitText(91, 'en')).toBe('2 minutes');
		expect(waitText(91, 'de')).toBe('2 Minuten');
		expect(errorText('body_too_large', 'zu groß', 'en', { max: 64 })).toBe(
			'The request is too large (at most 64 KiB).'
		);
		// Without the numbers: no "undefined" in the text.
		expect(errorText('too_many_attempts', 'Zu viele', 'en')).toMatch(/try again in a moment\.$/);
		expect(errorText('body_too_large', 'Zu groß', 'en')).toBe('Zu groß');
	});

	it('reads the locale like Paraglide: cookie, then Accept-Language, else German', () => {
		const request = (headers: Record<string, string>) =>
			new Request('http://localhost/api/x', { headers });
		expect(localeOfRequest(request({}))).toBe('de');
		expect(localeOfRequest(request({ 'accept-language': 'en-GB,en;q=0.9' }))).toBe('en');
		expect(localeOfRequest(request({ cookie: 'mitplan_lang=en' }))).toBe('en');
		expect(localeOfRequest(request({ cookie: 'mitplan_lang=de', 'accept-language': 'en' }))).toBe(
			'de'
		);
		expect(localeOfRequest(request({ cookie: 'mitplan_lang=xx', 'accept-language': 'tlh' }))).toBe(
			'de'
		);
		expect(localeOfHeaders({ cookie: ['a=1', 'mitplan_lang=en'] })).toBe('en');
		expect(localeOfHeaders({})).toBe('de');
	});
});
