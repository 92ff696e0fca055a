import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { errorResponse, readJsonObject, resultResponse } from '$lib/server/http';

/** GET /api/plans – all plans as PlanSummary[] (sorted by title). */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		return json(await locals.backend.listPlans());
	} catch {
		return errorResponse(
			503,
			'storage_unavailable',
			'Der Speicher ist gerade nicht erreichbar. Bitte gleich erneut versuchen.'
		);
	}
};

/**
 * POST /api/plans {title, municipality?, example?} – creates a plan (with the Beispielplan's
 * content if `example` is true); 201 with its PlanSummary (incl. id).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const { title, municipality, example } = body.value;
	return resultResponse(
		await locals.backend.createPlan({
			title: typeof title === 'string' ? title : '',
			municipality: typeof municipality === 'string' ? municipality : undefined,
			example: example === true
		}),
		201
	);
};
