import type { Handle } from '@sveltejs/kit';
import { getBackend } from '$lib/server/backend';

/** Puts the backend registered by the custom server (see $lib/server/backend) on locals. */
export const handle: Handle = async ({ event, resolve }) => {
	const backend = getBackend();
	if (!backend) {
		return new Response(
			JSON.stringify({
				error: { code: 'backend_unavailable', message: 'Der Mitplan-Server startet noch.' }
			}),
			{ status: 503, headers: { 'content-type': 'application/json' } }
		);
	}
	event.locals.backend = backend;
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};
