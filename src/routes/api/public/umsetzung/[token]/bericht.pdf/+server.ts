import type { RequestHandler } from './$types';
import { resultResponse } from '$lib/server/http';
import { pdfDownload, pdfFailure } from '$lib/server/plan-pdf';
import { isPubliclyVisible } from '$lib/domain/monitoring-public';
import { todayIn } from '$lib/domain/time-zone';
import { buildUmsetzungsbericht } from '$lib/monitoring/report';
import { publicReport } from '$lib/monitoring/public-report';
import { LANGUAGE_PARAM } from '$lib/domain/reader-language';
import { labelLocale } from '$lib/export/labels';

/**
 * GET /api/public/umsetzung/<token>/bericht.pdf – no sign-in: the Umsetzungsbericht from the
 * council decision to today as the public may see it (measures marked „nicht öffentlich“ left
 * out everywhere, latest Sachstand only, no reasons; src/lib/monitoring/public-report.ts).
 * Unknown or withdrawn link: the page's 404. Rendered in the export worker pool like every PDF.
 * `?sprache=<code>` (issue 15): titles in one of the plan's languages (German fallbacks marked),
 * English labels for `en`; a language the plan does not offer: 400 invalid_language (as the page's
 * JSON).
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { monitoring, indicators, exports, settings } = locals.backend;
	const planId = await monitoring.publicPlanId(params.token);
	if (!planId.ok) return resultResponse(planId);
	const language = url.searchParams.get(LANGUAGE_PARAM);
	const source = await monitoring.reportSource(planId.value, language);
	if (!source.ok) return resultResponse(source);
	const { plan, impls, adoption, marks } = source.value;
	const today = todayIn(settings.timeZone);
	const list = await indicators
		.list(planId.value)
		.then((r) => (r.ok ? r.value : []))
		.catch(() => []);
	const from =
		adoption?.date && adoption.date <= today ? adoption.date : `${today.slice(0, 4)}-01-01`;
	const model = buildUmsetzungsbericht({
		plan,
		impls,
		adoption,
		indicators: list,
		reports: [],
		period: { from, to: today },
		today,
		timeZone: settings.timeZone,
		includeMeasure: (id) => isPubliclyVisible(impls[id]),
		marks,
		locale: labelLocale(language)
	});
	// One export at a time per public link (the per-person limit of the worker pool).
	const result = await exports.render(`public:${planId.value}`, { report: publicReport(model) });
	if (!result.ok) return pdfFailure(result.error);
	const response = pdfDownload(result.value.bytes, result.value.fileName);
	response.headers.set('x-robots-tag', 'noindex');
	return response;
};
