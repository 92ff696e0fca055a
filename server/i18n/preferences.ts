/**
 * Each account's interface language (issue „Sprachen“), kept in the KV store so it follows the
 * person to every device: set on the account page or by the header switch, applied at sign-in
 * (the `mitplan_lang` cookie).
 *
 * Keys (Redis: under `mitplan:app:`):
 *   acct:lang:<userId>   string   'de' | 'en'
 */
import {
	isInterfaceLocale,
	type InterfaceLocale,
	type LanguagePreferenceService
} from '../../src/lib/contract/languages';
import type { KvStore } from '../storage/kv';

const key = (userId: string) => `acct:lang:${userId}`;

export function createLanguagePreferences(kv: KvStore): LanguagePreferenceService {
	return {
		async get(userId) {
			const value = await kv.get(key(userId));
			return isInterfaceLocale(value) ? value : null;
		},
		async set(userId, language: InterfaceLocale) {
			await kv.set(key(userId), language);
		}
	};
}
