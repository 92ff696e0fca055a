/**
 * Unexpected errors in the browser (loaders of the client-rendered pages, unknown client routes):
 * a message without details in the interface language ($lib/i18n/error-page); logged to the
 * console except for 404s.
 */
import type { HandleClientError } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { errorPageText } from '$lib/i18n/error-page';

export const handleError: HandleClientError = ({ error, status }) => {
	if (status !== 404) console.error('[mitplan]', error);
	const code = status === 404 ? 'not_found' : 'internal_error';
	return { message: errorPageText(status, { code }, getLocale()), code };
};
