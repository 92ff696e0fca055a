import { feedbackApi } from '$lib/feedback/api';
import { LANGUAGE_PARAM } from '$lib/domain/reader-language';
import type { PageLoad } from './$types';

/**
 * The public page of a feedback round: no sign-in, the token is the key. `?sprache=<code>` shows
 * the content in one of the plan's languages; a code the plan does not offer shows German with a
 * notice (`languageNotice`) instead of an error page.
 */
export const load: PageLoad = async ({ fetch, params, url }) => {
	const language = url.searchParams.get(LANGUAGE_PARAM);
	let result = await feedbackApi.publicRound(params.token, fetch, language);
	let languageNotice: string | null = null;
	if (!result.ok && result.error.code === 'invalid_language') {
		languageNotice = language;
		result = await feedbackApi.publicRound(params.token, fetch);
	}
	return result.ok
		? { token: params.token, round: result.value, error: null, languageNotice }
		: { token: params.token, round: null, error: result.error, languageNotice };
};
