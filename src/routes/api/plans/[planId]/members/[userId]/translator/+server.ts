import type { RequestHandler } from './$types';
import { allows } from '$lib/contract/policy';
import { errorResponse, authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * PUT /api/plans/<planId>/members/<userId>/translator {languages} – names a member below editor
 * translator for some content languages (owner; issue 15). `[]` ends the assignment. Open sync
 * connections of that person reconnect with the new rights (AccessChange).
 */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'translators.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.memberTranslator.body, 8 * 1024);
	if (!body.ok) return body.response;
	// members added by e-mail without an account yet count too (their entry keeps the languages)
	const [members, pending] = await Promise.all([
		locals.backend.access.listMembers(access.planId),
		locals.backend.access.listPendingMembers(access.planId)
	]);
	const member = [...members, ...pending].find((m) => m.userId === params.userId);
	if (!member) {
		return errorResponse(404, 'member_not_found', 'Diese Person ist kein Mitglied des Plans.');
	}
	if (allows(member.role, 'plan.edit') && body.value.languages.length > 0) {
		return errorResponse(
			409,
			'translator_not_needed',
			'Wer Inhalte bearbeiten darf, darf auch übersetzen.'
		);
	}
	return resultResponse(
		await locals.backend.access.setTranslator(
			access.planId,
			access.principal,
			params.userId,
			body.value.languages
		)
	);
};
