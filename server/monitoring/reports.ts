/**
 * Monitoring data for documents built from it. The Umsetzungsbericht (issue 14, item 7): the plan with every measure's implementation
 * record and the adoption (what the report model is built from, src/lib/monitoring/report.ts),
 * and the list of generated reports (`um:report:<planId>`, newest first, at most 200), which gives
 * the next report its default period and its "Änderungen seit dem letzten Bericht". The
 * Fortschreibung (item 8): the recorded implementation status per measure.
 */
import type { MonitoringService } from '../../src/lib/contract/monitoring';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import { isDate, type Implementation, type ImplStatus } from '../../src/lib/domain/monitoring';
import type { ReportRecord } from '../../src/lib/monitoring/report';
import { K, guard, parse, readImpl, type MonitoringDeps } from './common';
import { readPlaces } from './measures';
import {
	chooseLanguage,
	localizePlan,
	type ContentMarks
} from '../../src/lib/domain/reader-language';
import { planLanguages } from '../../src/lib/domain/translations';

const MAX_REPORTS = 200;

function isRecord(r: unknown): r is ReportRecord {
	const x = r as ReportRecord | null;
	return !!x && isDate(x.from) && isDate(x.to) && typeof x.generatedAt === 'string';
}

export function reportOperations(
	deps: MonitoringDeps
): Pick<MonitoringService, 'reportSource' | 'reports' | 'recordReport' | 'implementationStatuses'> {
	const { kv, log } = deps;
	const guarded = guard(log);
	const reports = async (planId: string) =>
		(await kv.listRange(K.reports(planId), 0, MAX_REPORTS - 1))
			.map((raw) => parse<unknown>(raw, null))
			.filter(isRecord);
	return {
		reportSource: (planId, language) =>
			guarded('report source', async () => {
				// the reader language (`?sprache=`): checked and applied on the live document
				let refused: { code: 'invalid_language'; message: string } | null = null;
				let marks: ContentMarks | null = null;
				const read = await readPlaces(
					deps,
					planId,
					language
						? (doc, plan) => {
								const choice = chooseLanguage(language, planLanguages(doc));
								if (!choice.ok) {
									refused = choice;
									return plan;
								}
								if (!choice.language) return plan;
								const localized = localizePlan(doc, plan, choice.language);
								marks = localized.marks;
								return localized.plan;
							}
						: undefined
				);
				if (!read) return { ok: false, error: PLAN_ERRORS.notFound() };
				if (refused) {
					const r = refused as { code: 'invalid_language'; message: string };
					return { ok: false, error: { status: 400, code: r.code, message: r.message } };
				}
				const ids = [...read.places.keys()];
				const [records, adoptionRaw, list] = await Promise.all([
					Promise.all(ids.map((id) => readImpl(kv, planId, id))),
					kv.get(K.adoption(planId)),
					reports(planId)
				]);
				const impls: Record<string, Implementation> = {};
				ids.forEach((id, i) => (impls[id] = records[i]));
				return {
					ok: true,
					value: {
						plan: read.plan,
						impls,
						adoption: parse(adoptionRaw, null),
						reports: list,
						marks
					}
				};
			}),
		implementationStatuses: (planId) =>
			guarded('implementation statuses', async () => {
				const ids = await kv.sMembers(K.ids(planId));
				const records = await Promise.all(ids.map((id) => readImpl(kv, planId, id)));
				const value: Record<string, ImplStatus> = {};
				for (const r of records) value[r.measureId] = r.status;
				return { ok: true, value };
			}),
		reports: (planId) =>
			guarded('reports', async () => ({ ok: true, value: await reports(planId) })),
		recordReport: (planId, record) =>
			guarded('record report', async () => {
				await kv.listPush(K.reports(planId), JSON.stringify(record), MAX_REPORTS);
				return { ok: true, value: null };
			})
	};
}
