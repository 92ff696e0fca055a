import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import {
	readJsonObject,
	requirePrincipal,
	requireAccount,
	resultResponse,
	storageUnavailable
} from '$lib/server/http';

/** GET /api/plans – the plans the caller may access, as PlanSummary[] with `role` (by title). */
export const GET: RequestHandler = async ({ locals }) => {
	const who = await requirePrincipal(locals);
	if (!who.ok) return who.response;
	const { access } = locals.backend;
	try {
		const p = who.principal;
		const roles =
			p.kind === 'guest' ? [{ planId: p.planId, role: p.role }] : await access.plansOf(p.id);
		const roleOf = new Map(roles.map((r) => [r.planId, r.role]));
		const summaries = await locals.backend.listPlans([...roleOf.keys()]);
		return json(summaries.map((s) => ({ ...s, role: roleOf.get(s.id) })));
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
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const { title, municipality, fundingNotice, example } = body.value;
	const created = await locals.backend.commands.createPlanWithOwner(user.principal, {
		title: typeof title === 'string' ? title : '',
		municipality: typeof municipality === 'string' ? municipality : undefined,
		// not a string (e.g. a number) is refused by the domain, not silently dropped
		fundingNotice: fundingNotice as string | undefined,
		example: example === true
	});
	return resultResponse(created, 201);
};
