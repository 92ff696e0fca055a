/**
 * The interface language of an API request (issue 15 „Sprachen“): hooks.server.ts runs every
 * /api request with it (`withRequestLocale`), so `getLocale()` and message functions answer in it
 * inside +server.ts, and `errorResponse` ($lib/server/http) sends error messages in it
 * ($lib/i18n/error-text).
 */
import {
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage
} from '$lib/paraglide/runtime';
import { isInterfaceLocale, type InterfaceLocale } from '$lib/contract/languages';

export { errorText, localeOfRequest, type ErrorParams } from '$lib/i18n/error-text';

/**
 * Runs `fn` with `locale` as Paraglide's request locale, so `getLocale()` and message functions
 * answer in it inside API endpoints (+server.ts) as they do on pages. Paraglide's own middleware
 * is not used for the API: it clones the request, and endpoints read the original body.
 */
export async function withRequestLocale<T>(
	locale: InterfaceLocale,
	origin: string,
	fn: () => Promise<T>
): Promise<T> {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		const { AsyncLocalStorage } = await import('node:async_hooks');
		storage = getServerAsyncLocalStorage();
		if (!storage) {
			storage = new AsyncLocalStorage() as NonNullable<typeof storage>;
			overwriteServerAsyncLocalStorage(storage);
		}
	}
	return storage.run({ locale, origin, messageCalls: new Set() }, fn);
}

/** The locale of the request being handled (withRequestLocale or Paraglide's middleware), else German. */
export function currentRequestLocale(): InterfaceLocale {
	const locale = getServerAsyncLocalStorage()?.getStore()?.locale;
	return isInterfaceLocale(locale) ? locale : 'de';
}
