import type { RequestHandler } from './$types';
import { authorize, errorResponse, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/fortschreibung – the plan's predecessor (links per item) and successors. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.editions.view(access.planId));
};

/**
 * POST /api/plans/<planId>/fortschreibung – owner of an adopted plan; 201 with the new plan
 * (the caller owns it); 409 `plan_not_adopted` unless the plan is "beschlossen".
 */
export const POST: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.continue');
	if (!access.ok) return access.response;
	const principal = locals.principal;
	if (principal?.kind !== 'user')
		return errorResponse(
			403,
			'needs_account',
			'Eine Fortschreibung kann nur eine Person mit eigenem Konto starten.'
		);
	return resultResponse(
		await locals.backend.commands.startNextEdition(principal, access.planId),
		201
	);
};
