import { redirect } from '@sveltejs/kit';
import { api, loginHref } from '$lib/components/api';
import { isPublicPath } from '$lib/auth/session.svelte';
import { guestEndedPath, isGuestEndedReason } from '$lib/auth/guest-ended';
import type { LayoutLoad } from './$types';

/**
 * Rendered in the browser only. Every page needs JavaScript to do anything (live board, forms,
 * socket), and a server-rendered page shows buttons and forms before they work: a click before
 * hydration did nothing or submitted a login form natively (`/anmelden?`). Access is still
 * enforced on the server (hooks.server.ts redirects pages without a session to /anmelden).
 */
export const ssr = false;

/**
 * Who is signed in (`GET /api/auth/me`, 401 = nobody). Pages other than the public ones
 * (login, first start, invitations) send people who are not signed in to the login page.
 */
export const load: LayoutLoad = async ({ fetch, url, depends }) => {
	depends('app:session');
	const result = await api.me(fetch);
	const principal = result.ok ? result.value.principal : null;
	// A guest whose access ended (invite revoked or expired, removed by the owner): say why.
	const ended = result.ok ? null : result.error.code.replace(/^guest_/, '');
	if (
		!result.ok &&
		result.error.code.startsWith('guest_') &&
		isGuestEndedReason(ended) &&
		url.pathname !== '/gast-beendet'
	) {
		redirect(303, guestEndedPath(ended));
	}
	const canCreatePlans = result.ok && result.value.canCreatePlans === true;
	if (!principal && !isPublicPath(url.pathname)) {
		redirect(303, loginHref(url.pathname + url.search));
	}
	// A password the Administration set must be replaced before anything else (server: same rule).
	if (principal?.kind === 'user' && principal.mustChangePassword && url.pathname !== '/konto') {
		redirect(303, '/konto');
	}
	return { principal, canCreatePlans };
};
