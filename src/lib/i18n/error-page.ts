/**
 * The text of an error page (src/routes/+error.svelte, handleError in the hooks) in the interface
 * language (issue 15): a known `code` has its own message (messages/notices `notices_error_…`, or
 * the API's `server_error_<code>`), otherwise the status decides (404, 401, 403, 5xx). Messages
 * thrown by loaders in German are never shown as they are to an English reader.
 */
import * as t from '../paraglide/messages/_index.js';
import type { InterfaceLocale } from '../contract/languages';
import { errorText, hasErrorText } from './error-text';

const BY_CODE: Record<string, (i: object, o: { locale: InterfaceLocale }) => string> = {
	not_found: t.notices_error_not_found,
	internal_error: t.notices_error_internal,
	invalid_plan_id: t.notices_error_invalid_plan_id
};

export function errorPageText(
	status: number,
	error: { message?: string; code?: string } | null | undefined,
	locale: InterfaceLocale
): string {
	const o = { locale };
	const code = error?.code;
	if (code && BY_CODE[code]) return BY_CODE[code]({}, o);
	const message = error?.message ?? '';
	// A message from the API (a known error code): its text in this language.
	if (code && message && hasErrorText(code)) return errorText(code, message, locale);
	if (status === 404) return t.notices_error_not_found({}, o);
	if (status === 401) return t.notices_error_unauthorized({}, o);
	if (status === 403) return t.notices_error_forbidden({}, o);
	if (status >= 500) return t.notices_error_internal({}, o);
	// Other statuses: a German loader message only for German readers.
	return locale === 'de' && message ? message : t.notices_error_generic({}, o);
}
