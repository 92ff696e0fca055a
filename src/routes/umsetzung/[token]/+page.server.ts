import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/**
 * The public progress page (issue 14, item 6), rendered on the server without JavaScript (see
 * +layout.ts here). The link is the key; an unknown or revoked link gives the same German 404
 * page (+error.svelte here). Not cached (a revoked link is gone at once), not for search engines.
 */

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const result = await locals.backend.monitoring.publicProgress(params.token);
	if (!result.ok)
		error(result.error.status, { message: result.error.message, code: result.error.code });
	return { progress: result.value, token: params.token };
};
