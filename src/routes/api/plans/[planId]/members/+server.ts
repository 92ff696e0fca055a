import { allows } from '$lib/contract/policy';
import type { RequestHandler } from './$types';
import { isPlanRole, type PlanRole } from '$lib/contract/roles';
import { errorResponse, authorize, resultResponse, storageUnavailable } from '$lib/server/http';
import { str } from '$lib/server/input';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { readPage, pageResponse } from '$lib/server/api/pagination';

/**
 * GET /api/plans/<planId>/members – Member[]: every member may see who else is in the plan;
 * e-mail addresses only the owner (guests of a public link must not collect them). Members added
 * by e-mail who have not signed in since, and those added by an e-mail without account, look the
 * same (e-mail, role, `invited: true`, no name), so the list does not reveal who has an account.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	const page = readPage(url);
	if (!page.ok) return page.response;
	try {
		const [members, pending] = await Promise.all([
			locals.backend.access.listMembers(access.planId),
			locals.backend.access.listPendingMembers(access.planId)
		]);
		const rank: Record<PlanRole, number> = { owner: 0, editor: 1, reviewer: 2, viewer: 3 };
		const manager = allows(access.role, 'members.manage');
		const rows = [...members, ...pending]
			.map((m) => (m.invited ? { ...m, name: '', invited: true } : m))
			.map((m) => (manager ? m : { ...m, email: '' }))
			.sort(
				(a, b) =>
					rank[a.role] - rank[b.role] ||
					a.name.localeCompare(b.name, 'de') ||
					a.email.localeCompare(b.email, 'de')
			);
		return pageResponse(url, rows, page.page);
	} catch {
		return storageUnavailable();
	}
};

/**
 * POST /api/plans/<planId>/members {email, role} – adds a member by e-mail (owner). Always
 * 201 `{ status: 'added', email, role }` for a valid e-mail, whether or not an account exists:
 * with an account the membership is effective at once, without one it becomes effective when an
 * account with that e-mail is created.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.memberAdd.body, 8 * 1024);
	if (!body.ok) return body.response;
	if (!isPlanRole(body.value.role)) return invalidRole();
	return resultResponse(
		await locals.backend.access.addMemberByEmail(
			access.planId,
			access.principal,
			str(body.value.email),
			body.value.role
		),
		201
	);
};

const invalidRole = () =>
	errorResponse(400, 'invalid_role', 'Rolle muss owner, editor, reviewer oder viewer sein.');
