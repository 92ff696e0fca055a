import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { INTERFACE_LOCALES, isInterfaceLocale } from '$lib/contract/languages';
import { errorResponse, requireAccount, storageUnavailable } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { setLanguageCookie } from '$lib/server/session-cookie';

/** GET /api/auth/language – {language: 'de'|'en'|null}: my interface language (accounts only). */
export const GET: RequestHandler = async ({ locals }) => {
	const user = await requireAccount(locals, 'account.language');
	if (!user.ok) return user.response;
	try {
		return json({ language: await locals.backend.languages.get(user.principal.id) });
	} catch {
		return storageUnavailable();
	}
};

/**
 * PUT /api/auth/language {language: 'en'} – keeps my choice for every device and sets the
 * `mitplan_lang` cookie for this browser; 400 invalid_language for a language Mitplan does not speak.
 */
export const PUT: RequestHandler = async (event) => {
	const { locals } = event;
	const user = await requireAccount(locals, 'account.language');
	if (!user.ok) return user.response;
	const body = await parseBody(event.request, ROUTES.languageSet.body, 1024);
	if (!body.ok) return body.response;
	const { language } = body.value;
	if (!isInterfaceLocale(language))
		return errorResponse(
			400,
			'invalid_language',
			`Diese Sprache gibt es für die Oberfläche nicht. Möglich: ${INTERFACE_LOCALES.join(', ')}.`
		);
	try {
		await locals.backend.languages.set(user.principal.id, language);
	} catch {
		return storageUnavailable();
	}
	setLanguageCookie(event, language, locals.backend.settings);
	return json({ language });
};
