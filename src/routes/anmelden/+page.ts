import { redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/auth/session.svelte';
import { api } from '$lib/components/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url, fetch }) => {
	const { principal } = await parent();
	const next = safeNext(url.searchParams.get('next'));
	if (principal?.kind === 'user') redirect(303, next);
	const [setup, sso] = await Promise.all([api.setupNeeded(fetch), api.sso(fetch)]);
	if (setup.ok && setup.value.needed) redirect(303, '/einrichten');
	return { next, sso: sso.ok ? sso.value.sso : null };
};
