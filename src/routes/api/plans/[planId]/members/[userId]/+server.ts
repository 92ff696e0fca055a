import type { RequestHandler } from './$types';
import { isPlanRole } from '$lib/contract/roles';
import { errorResponse, authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * PATCH /api/plans/<planId>/members/<userId> {role} – changes a member's role (owner); also for
 * members added by an e-mail without account (their `userId` in the list).
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.memberRole.body, 8 * 1024);
	if (!body.ok) return body.response;
	if (!isPlanRole(body.value.role)) {
		return errorResponse(
			400,
			'invalid_role',
			'Rolle muss owner, editor, reviewer oder viewer sein.'
		);
	}
	const [members, pending] = await Promise.all([
		locals.backend.access.listMembers(access.planId),
		locals.backend.access.listPendingMembers(access.planId)
	]);
	if (![...members, ...pending].some((m) => m.userId === params.userId)) {
		return errorResponse(404, 'member_not_found', 'Diese Person ist kein Mitglied des Plans.');
	}
	return resultResponse(
		await locals.backend.access.setMember(
			access.planId,
			access.principal,
			{ userId: params.userId },
			body.value.role
		)
	);
};

/** DELETE /api/plans/<planId>/members/<userId> – removes a member, pending ones too (owner); 204. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.access.removeMember(access.planId, access.principal, params.userId),
		204
	);
};
