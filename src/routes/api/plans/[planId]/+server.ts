import type { RequestHandler } from './$types';
import { readJsonObject, authorize, resultResponse } from '$lib/server/http';
import { actorOf } from '$lib/contract/actor';
import { PLAN_META_ITEM } from '$lib/versions/types';

/** GET /api/plans/<planId> – the whole plan as PlanJson (docs/data-model.md); any member. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.getPlan(access.planId));
};

/** PATCH /api/plans/<planId> {title?, municipality?, status?} – owner only. */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'plan.settings');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const result = await locals.backend.updatePlanMeta(access.planId, body.value);
	if (result.ok) {
		const fields = Object.keys(body.value);
		locals.backend.versions.recordServerEdit(
			access.planId,
			actorOf(access.principal),
			PLAN_META_ITEM,
			'changed',
			fields
		);
		await locals.backend.access
			.audit(access.planId, access.principal, 'settings_changed', {
				fields: Object.keys(body.value).join(', ').slice(0, 200)
			})
			.catch(() => {});
	}
	return resultResponse(result);
};

/** DELETE /api/plans/<planId> – owner only; connected clients are disconnected (4410). */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.delete');
	if (!access.ok) return access.response;
	const result = await locals.backend.deletePlan(access.planId);
	if (result.ok) {
		// Members last: the review clean-up still needs them (their inboxes), and audit entries the
		// clean-ups write go with the access data.
		await locals.backend.feedback.forgetPlan(access.planId).catch(() => {});
		await locals.backend.review.forgetPlan(access.planId).catch(() => {});
		await locals.backend.access.forgetPlan(access.planId).catch(() => {});
	}
	return resultResponse(result, 204);
};
