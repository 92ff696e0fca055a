import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * GET /api/auth/sso – whether single sign-on is offered: `{ sso: { label } }` (the login page
 * shows „Mit <label> anmelden“) or `{ sso: null }`. Public.
 */
export const GET: RequestHandler = ({ locals }) =>
	json({ sso: locals.backend.sso ? { label: locals.backend.sso.info.label } : null });
