import { allows } from '$lib/contract/policy';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isPlanRole } from '$lib/contract/roles';
import {
	errorResponse,
	readJsonObject,
	authorize,
	resultResponse,
	storageUnavailable
} from '$lib/server/http';
import { str } from '$lib/server/input';

/**
 * GET /api/plans/<planId>/members – Member[]: every member may see who else is in the plan;
 * e-mail addresses only the owner (guests of a public link must not collect them).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	try {
		const members = await locals.backend.access.listMembers(access.planId);
		if (allows(access.role, 'members.manage')) return json(members);
		return json(members.map((m) => ({ ...m, email: '' })));
	} catch {
		return storageUnavailable();
	}
};

/** POST /api/plans/<planId>/members {email, role} – adds an existing account (owner). */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request, 8 * 1024);
	if (!body.ok) return body.response;
	if (!isPlanRole(body.value.role)) return invalidRole();
	return resultResponse(
		await locals.backend.access.setMember(
			access.planId,
			access.principal,
			{ email: str(body.value.email) },
			body.value.role
		),
		201
	);
};

const invalidRole = () =>
	errorResponse(400, 'invalid_role', 'Rolle muss owner, editor, reviewer oder viewer sein.');
