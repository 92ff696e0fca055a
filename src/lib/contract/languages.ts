/**
 * Interface languages shared by server and browser: the locales Mitplan's interface speaks, the
 * cookie that carries the choice (read by Paraglide's cookie strategy, scripts/paraglide-options.mjs)
 * and the check of a value sent by a client.
 */
export const INTERFACE_LOCALES = ['de', 'en'] as const;
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number];

/** Same name as `cookieName` in scripts/paraglide-options.mjs (a test keeps them equal). */
export const LANGUAGE_COOKIE = 'mitplan_lang';

export function isInterfaceLocale(value: unknown): value is InterfaceLocale {
	return typeof value === 'string' && (INTERFACE_LOCALES as readonly string[]).includes(value);
}

export interface LanguagePreferenceService {
	/** The account's interface language, or null when it never chose one (then: the browser's). */
	get(userId: string): Promise<InterfaceLocale | null>;
	set(userId: string, language: InterfaceLocale): Promise<void>;
}
