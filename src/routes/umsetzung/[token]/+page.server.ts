import { error } from '@sveltejs/kit';
import { LANGUAGE_PARAM } from '$lib/domain/reader-language';
import type { PageServerLoad } from './$types';

/**
 * The public progress page (issue 14, item 6), rendered on the server without JavaScript (see
 * +layout.ts here). The link is the key; an unknown or revoked link gives the same 404 page
 * (+error.svelte here, in the reader's interface language). Not cached (a revoked link is gone at once), not for search engines.
 * `?sprache=<code>`: content in one of the plan's languages (issue 15, item 5); a code the plan
 * does not offer shows German with a notice.
 */

export const load: PageServerLoad = async ({ locals, params, setHeaders, url }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const language = url.searchParams.get(LANGUAGE_PARAM);
	const monitoring = locals.backend.monitoring;
	let result = await monitoring.publicProgress(params.token, language);
	let languageNotice: string | null = null;
	if (!result.ok && result.error.code === 'invalid_language') {
		languageNotice = language;
		result = await monitoring.publicProgress(params.token);
	}
	if (!result.ok)
		error(result.error.status, { message: result.error.message, code: result.error.code });
	return { progress: result.value, token: params.token, languageNotice };
};
