/**
 * The interface language (issue „Sprachen“): which locales exist, the current one, and the Intl
 * locale that dates and numbers are formatted with. Texts come from `m` (messages/<locale>.json,
 * compiled by Paraglide into src/lib/paraglide); import it from here so the generated folder stays
 * an implementation detail.
 */
import { getLocale, locales, setLocale, type Locale } from '$lib/paraglide/runtime';
import { isInterfaceLocale } from '$lib/contract/languages';

export { m } from '$lib/paraglide/messages';
export { getLocale, locales, setLocale, type Locale };

/** Intl locale per interface language: English uses British day-month order, as in Europe. */
const INTL: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

export function intlLocale(locale: Locale = getLocale()): string {
	return INTL[locale] ?? 'de-DE';
}

/** The name of each interface language in that language (shown in the switch). */
export const LANGUAGE_NAMES: Record<Locale, string> = { de: 'Deutsch', en: 'English' };

/** The contract's check (the same list; contract.test.ts keeps Paraglide and it equal). */
export function isLocale(value: unknown): value is Locale {
	return isInterfaceLocale(value);
}
