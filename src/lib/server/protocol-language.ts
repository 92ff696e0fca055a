/**
 * The language of the documents an API request asks for (Sitzungsprotokoll, its PDF, the decision
 * log; the CSV/XLSX tables of the Umsetzung and the Abwägung; issue 15): `?sprache=de|en` when
 * given, else the request's interface language (cookie `mitplan_lang`, then `Accept-Language`;
 * $lib/server/error-language). Anything else in `sprache` is answered with 400 invalid_language
 * (German message naming `documents`, default „Protokolle“).
 */
import {
	INTERFACE_LOCALES,
	isInterfaceLocale,
	type InterfaceLocale
} from '$lib/contract/languages';
import { currentRequestLocale } from '$lib/server/error-language';
import { errorResponse } from '$lib/server/http';

export function documentLocale(
	url: URL,
	documents = 'Protokolle'
): { ok: true; locale: InterfaceLocale } | { ok: false; response: Response } {
	const asked = url.searchParams.get('sprache');
	if (asked === null) return { ok: true, locale: currentRequestLocale() };
	if (isInterfaceLocale(asked)) return { ok: true, locale: asked };
	return {
		ok: false,
		response: errorResponse(
			400,
			'invalid_language',
			`Diese Sprache gibt es für ${documents} nicht. Möglich: ${INTERFACE_LOCALES.join(', ')}.`,
			undefined,
			'sprache'
		)
	};
}
