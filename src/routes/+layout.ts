import { redirect } from '@sveltejs/kit';
import { api, loginHref } from '$lib/components/api';
import { isPublicPath } from '$lib/auth/session.svelte';
import type { LayoutLoad } from './$types';

/**
 * Who is signed in (`GET /api/auth/me`, 401 = nobody). Pages other than the public ones
 * (login, first start, invitations) send people who are not signed in to the login page.
 */
export const load: LayoutLoad = async ({ fetch, url, depends }) => {
	depends('app:session');
	const result = await api.me(fetch);
	const principal = result.ok ? result.value.principal : null;
	if (!principal && !isPublicPath(url.pathname)) {
		redirect(303, loginHref(url.pathname + url.search));
	}
	return { principal };
};
