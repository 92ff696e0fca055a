import type { RequestHandler } from './$types';
import { authorize, errorResponse, resultResponse } from '$lib/server/http';
import { pdfFailure, pdfDownload } from '$lib/server/plan-pdf';
import { allows } from '$lib/contract/policy';
import { todayIn } from '$lib/domain/time-zone';
import { LANGUAGE_PARAM } from '$lib/domain/reader-language';
import { labelLocale } from '$lib/export/labels';
import { buildUmsetzungsbericht, defaultPeriod, parseReportPeriod } from '$lib/monitoring/report';

/**
 * GET /api/plans/<planId>/umsetzung/bericht.pdf?von=YYYY-MM-DD&bis=YYYY-MM-DD – the
 * Umsetzungsbericht as PDF (status tables, indicator charts, Sachstände of the period, changes
 * since the last report); every member (monitoring.read). Default period: the day after the last
 * report (or the adoption) to today. The model is built here (cheap), the PDF is rendered in the
 * export worker pool. Reports of the Prozesssteuerung (monitoring.manage) are recorded (period;
 * the next report's "since the last report"); every download is audited. `&sprache=<code>`:
 * as the public report PDF (titles translated, fallbacks marked, English labels for `en`; 400
 * invalid_language).
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'monitoring.read');
	if (!access.ok) return access.response;
	const { monitoring, indicators, exports, settings } = locals.backend;
	const language = url.searchParams.get(LANGUAGE_PARAM);
	const source = await monitoring.reportSource(access.planId, language);
	if (!source.ok) return resultResponse(source);
	const { plan, impls, adoption, reports, marks } = source.value;
	const today = todayIn(settings.timeZone);
	const period = parseReportPeriod(
		{ von: url.searchParams.get('von'), bis: url.searchParams.get('bis') },
		defaultPeriod(reports, adoption?.date ?? null, today)
	);
	if (!period.ok) return errorResponse(400, period.error.code, period.error.message);
	const list = await indicators
		.list(access.planId)
		.then((r) => (r.ok ? r.value : []))
		.catch(() => []);
	const model = buildUmsetzungsbericht({
		plan,
		impls,
		adoption,
		indicators: list,
		reports,
		period: period.value,
		today,
		timeZone: settings.timeZone,
		marks,
		locale: labelLocale(language)
	});
	const result = await exports.render(access.principal.id, { report: model });
	if (!result.ok) return pdfFailure(result.error);
	const { bytes, fileName } = result.value;
	// The Prozesssteuerung's reports count as "the last report"; a member's download does not.
	if (allows(access.role, 'monitoring.manage')) {
		await monitoring
			.recordReport(access.planId, { ...period.value, generatedAt: new Date().toISOString() })
			.catch(() => {});
	}
	await locals.backend.access
		.audit(access.planId, access.principal, 'export', {
			type: 'umsetzungsbericht',
			via: 'api',
			from: period.value.from,
			to: period.value.to,
			bytes: bytes.byteLength
		})
		.catch(() => {});
	return pdfDownload(bytes, fileName);
};
