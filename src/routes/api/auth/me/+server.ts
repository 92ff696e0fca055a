import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { unauthenticated } from '$lib/server/http';

/** GET /api/auth/me – `{principal}` of the current session; 401 when not signed in. */
export const GET: RequestHandler = async ({ locals }) =>
	locals.principal ? json({ principal: locals.principal }) : unauthenticated();
