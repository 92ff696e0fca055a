/**
 * Error messages in the request's language (issue 15 „Sprachen“, item 1). Services keep building
 * their ApiError with the German message (German is the default and stays byte-identical); the
 * response boundaries — `errorResponse` in $lib/server/http (every JSON API error) and the
 * socket.io acks in server/realtime/socket-server.ts — pass the error through `localizeError`,
 * which replaces the message by the English text of its code (messages/server/en.json,
 * `server_error_<code>`, with `params` from the ApiError where the text has numbers). Unknown
 * codes and unknown locales keep the German message.
 *
 * Imports are relative (not `$lib`): the custom server (server/) bundles this file as well. The
 * request's locale for the API (AsyncLocalStorage) lives in $lib/server/error-language.
 */
import * as messages from '../paraglide/messages/_index.js';
import { extractLocaleFromRequest } from '../paraglide/runtime.js';
import { isInterfaceLocale, type InterfaceLocale } from '../contract/languages';

export type ErrorParams = Record<string, string | number>;

type MessageFn = (
	inputs?: Record<string, unknown>,
	options?: { locale?: InterfaceLocale }
) => string;
const catalogue = messages as unknown as Record<string, MessageFn | undefined>;

/** The message key of an error code (messages/server/*.json). */
export const errorMessageKey = (code: string) => `server_error_${code}`;

/**
 * Codes with several German messages: `server_error_<code>__<variant>` whose German text is one
 * of them exactly gets its own English text (German → key, built once).
 */
let variants: Map<string, string> | undefined;
function variantKey(code: string, german: string): string | undefined {
	if (!variants) {
		variants = new Map();
		for (const [key, fn] of Object.entries(catalogue)) {
			if (!key.startsWith('server_error_') || !key.includes('__') || !fn) continue;
			const code = key.slice('server_error_'.length, key.indexOf('__'));
			variants.set(`${code}\n${fn({}, { locale: 'de' })}`, key);
		}
	}
	return variants.get(`${code}\n${german}`);
}

/** Does `code` have a text in messages/server (English and German)? */
export function hasErrorText(code: string): boolean {
	return /^[a-z][a-z0-9_]*$/.test(code) && typeof catalogue[errorMessageKey(code)] === 'function';
}

/** „in 30 seconds“ / „a minute“ / „5 minutes“: the waiting time of a 429 in that language. */
export function waitText(seconds: number, locale: InterfaceLocale): string {
	if (seconds < 90) return messages.server_wait_seconds({ count: seconds }, { locale });
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1
		? messages.server_wait_minute({}, { locale })
		: messages.server_wait_minutes({ count: minutes }, { locale });
}

/**
 * The message of an error in `locale`: German (and any unknown locale) keeps `german` exactly;
 * otherwise the text of `code`, or `german` again when the code has none.
 */
export function errorText(
	code: string,
	german: string,
	locale: unknown,
	params: ErrorParams = {}
): string {
	if (!isInterfaceLocale(locale) || locale === 'de' || !hasErrorText(code)) return german;
	const inputs: Record<string, unknown> = { ...params };
	inputs.wait =
		typeof params.seconds === 'number'
			? waitText(params.seconds, locale)
			: messages.server_wait_moment({}, { locale });
	try {
		const key = variantKey(code, german) ?? errorMessageKey(code);
		const text = catalogue[key]!(inputs, { locale });
		// A producer that did not pass a number the text needs: German is better than "undefined".
		return text.includes('undefined') && !german.includes('undefined') ? german : text;
	} catch {
		return german;
	}
}

/** The same error with its message in `locale` (see errorText). */
export function localizeError<E extends { code: string; message: string; params?: ErrorParams }>(
	error: E,
	locale: unknown
): E {
	const message = errorText(error.code, error.message, locale, error.params);
	return message === error.message ? error : { ...error, message };
}

/**
 * The interface language a request asks for (cookie `mitplan_lang`, else Accept-Language, else
 * German) — the same rules as Paraglide's middleware, without touching the body.
 */
export function localeOfRequest(request: Request): InterfaceLocale {
	try {
		const locale = extractLocaleFromRequest(request);
		return isInterfaceLocale(locale) ? locale : 'de';
	} catch {
		return 'de';
	}
}

/** The same for a socket.io handshake (plain Node headers). */
export function localeOfHeaders(
	headers: Record<string, string | string[] | undefined>
): InterfaceLocale {
	const plain = new Headers();
	for (const name of ['cookie', 'accept-language']) {
		const value = headers[name];
		if (typeof value === 'string') plain.set(name, value);
		else if (Array.isArray(value)) plain.set(name, value.join(name === 'cookie' ? '; ' : ', '));
	}
	return localeOfRequest(new Request('http://localhost/', { headers: plain }));
}
