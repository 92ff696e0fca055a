import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isPlanRole } from '$lib/contract/roles';
import { errorResponse, authorize, resultResponse, storageUnavailable } from '$lib/server/http';
import { optStr } from '$lib/server/input';
import { publicOrigin } from '$lib/contract/request-origin';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { paginated } from '$lib/server/api/pagination';

/** GET /api/plans/<planId>/invites – Invite[] (owner). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	try {
		return await paginated(url, () => locals.backend.access.listInvites(access.planId));
	} catch {
		return storageUnavailable();
	}
};

/**
 * POST /api/plans/<planId>/invites {role, expiresAt, maxUses, allowGuests, label?} – 201
 * `{invite, token, url}`; the token and link are shown only now (owner).
 */
export const POST: RequestHandler = async (event) => {
	const { locals, params, request } = event;
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.inviteCreate.body, 8 * 1024);
	if (!body.ok) return body.response;
	const { role, expiresAt, maxUses, allowGuests, label } = body.value;
	if (!isPlanRole(role)) {
		return errorResponse(400, 'invalid_invite', 'Rolle muss editor, reviewer oder viewer sein.');
	}
	const result = await locals.backend.access.createInvite(access.planId, access.principal, {
		role,
		expiresAt: typeof expiresAt === 'number' ? expiresAt : NaN,
		maxUses: typeof maxUses === 'number' ? maxUses : NaN,
		allowGuests: allowGuests === true,
		label: optStr(label)
	});
	if (!result.ok) return resultResponse(result);
	const origin = publicOrigin(event, locals.backend.settings.origin);
	return json(
		{ ...result.value, url: `${origin}/einladung/${encodeURIComponent(result.value.token)}` },
		{ status: 201 }
	);
};
