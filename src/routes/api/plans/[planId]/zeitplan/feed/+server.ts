import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { publicOrigin } from '$lib/contract/request-origin';
import { currentRequestLocale } from '$lib/server/error-language';

/**
 * The own calendar subscription on this plan (every member with an account, `schedule.read`):
 * GET – `{active, createdAt}`; POST – a new link `{active, createdAt, url}` (shown once; an
 * older link stops working; made from the English interface it carries `?sprache=en`, so the
 * calendar's own words are English), 201; DELETE – revoke, 204.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'schedule.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.schedule.feedStatus(access.planId, access.principal));
};

export const POST: RequestHandler = async (event) => {
	const { locals, params } = event;
	const access = await authorize(locals, params.planId, 'schedule.read');
	if (!access.ok) return access.response;
	const result = await locals.backend.schedule.createFeed(access.planId, access.principal);
	if (!result.ok) return resultResponse(result);
	const origin = publicOrigin(event, locals.backend.settings.origin);
	const { token, ...status } = result.value;
	const locale = currentRequestLocale();
	const lang = locale === 'de' ? '' : `?sprache=${locale}`;
	return json({ ...status, url: `${origin}/api/kalender/${token}.ics${lang}` }, { status: 201 });
};

export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'schedule.read');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.schedule.revokeFeed(access.planId, access.principal),
		204
	);
};
