import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { allows } from '$lib/contract/policy';
import { authorize } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/access – `{role, principal, translates}`: what the caller may do in
 * this plan (`translates`: the content languages a member below editor was named translator for).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	const translates = allows(access.role, 'plan.edit')
		? []
		: await locals.backend.access.translatorLanguages(access.principal, access.planId);
	return json({ role: access.role, principal: access.principal, translates });
};
