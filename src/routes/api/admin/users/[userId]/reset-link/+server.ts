import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireAccount, resultResponse } from '$lib/server/http';
import { publicOrigin } from '$lib/contract/request-origin';

/**
 * POST /api/admin/users/<userId>/reset-link – 201 `{url, expiresAt}`: a one-time link (24 h) with
 * which the person sets an own password; the Administration never learns it. A newer link
 * replaces an older one.
 */
export const POST: RequestHandler = async (event) => {
	const { locals, params } = event;
	const admin = await requireAccount(locals, 'admin.users');
	if (!admin.ok) return admin.response;
	const result = await locals.backend.access.createResetLink(params.userId);
	if (!result.ok) return resultResponse(result);
	const origin = publicOrigin(event, locals.backend.settings.origin);
	return json(
		{
			url: `${origin}/passwort-neu/${encodeURIComponent(result.value.token)}`,
			expiresAt: result.value.expiresAt
		},
		{ status: 201 }
	);
};
