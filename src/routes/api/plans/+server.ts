import type { RequestHandler } from './$types';
import { scopedRole } from '$lib/contract/api-token';
import type { PlanRole } from '$lib/contract/roles';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import {
	requirePrincipal,
	requireAccount,
	resultResponse,
	storageUnavailable
} from '$lib/server/http';
import { readPage, pageResponse } from '$lib/server/api/pagination';

/**
 * GET /api/plans – the plans the caller may access, as PlanSummary[] with `role` (by title);
 * paginated. With an API token: only its plans, each role bounded by the token.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const who = await requirePrincipal(locals);
	if (!who.ok) return who.response;
	const page = readPage(url);
	if (!page.ok) return page.response;
	const { access } = locals.backend;
	try {
		const p = who.principal;
		const roles =
			p.kind === 'guest' ? [{ planId: p.planId, role: p.role }] : await access.plansOf(p.id);
		const roleOf = new Map<string, PlanRole>();
		for (const r of roles) {
			const role = scopedRole(p, r.planId, r.role);
			if (role) roleOf.set(r.planId, role);
		}
		const summaries = await locals.backend.listPlans([...roleOf.keys()]);
		const rows = summaries.map((s) => ({ ...s, role: roleOf.get(s.id) }));
		return pageResponse(url, rows, page.page);
	} catch {
		return storageUnavailable();
	}
};

/**
 * POST /api/plans {title, municipality?, fundingNotice?, example?} – creates a plan (with the Beispielplan's
 * content if `example` is true); the caller becomes its owner. 201 with its PlanSummary (incl. id).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	// 'plan.create' in ACCOUNT_POLICY: PLAN_CREATORS or the account's flag "darf Pläne anlegen".
	const user = await requireAccount(locals, 'plan.create');
	if (!user.ok) return user.response;
	const body = await parseBody(request, ROUTES.planCreate.body);
	if (!body.ok) return body.response;
	const { title, municipality, fundingNotice, example } = body.value;
	const created = await locals.backend.commands.createPlanWithOwner(user.principal, {
		title,
		municipality,
		fundingNotice,
		example: example === true
	});
	return resultResponse(created, 201);
};
