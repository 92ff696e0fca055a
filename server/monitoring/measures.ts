/**
 * Implementation data per measure: read, report (status with reason, progress, milestones,
 * office, contact, budget, next update), Sachstand notes, bulk status updates and the dashboard
 * overview with roll-up. Who may report: the measure's responsible people (monitoring.report)
 * and the owner (monitoring.manage). Every write is one atomic KV update of the measure's record,
 * so two instances never lose each other's changes; the measure must still exist in the plan.
 */
import type { Principal } from '../../src/lib/contract/access';
import type {
	BulkStatusResult,
	MonitoredMeasure,
	MonitoringCaller,
	MonitoringService
} from '../../src/lib/contract/monitoring';
import type { ApiResult } from '../../src/lib/contract/result';
import { allows } from '../../src/lib/contract/policy';
import { newId } from '../../src/lib/domain/ids';
import {
	MAX_RESPONSIBLE,
	addNote,
	applyImplPatch,
	checkNote,
	checkStatusChange,
	isImplStatus,
	isOverdue,
	parseImplementation,
	progressOf,
	rollUp,
	type Implementation
} from '../../src/lib/domain/monitoring';
import { readPlan } from '../../src/lib/domain/index';
import type { PlanJson } from '../../src/lib/domain/types';
import type * as Y from 'yjs';
import { todayIn } from '../../src/lib/domain/time-zone';
import { UNTITLED } from '../../src/lib/export/text';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import { E, K, fail, guard, parse, readImpl, type MonitoringDeps } from './common';

const MAX_BULK = 500;

/** A measure with its goal and field; titles trimmed, '' = untitled (each reader words it). */
export interface MeasurePlace {
	measureId: string;
	title: string;
	goalId: string;
	goalTitle: string;
	fieldId: string;
	fieldTitle: string;
}

/** The plan's measures with their goal and field, from the live room (null: no such plan). */
export async function readPlaces(
	deps: Pick<MonitoringDeps, 'rooms'>,
	planId: string,
	/** with `localize`, the plan comes in that reader language (the places stay German) */
	localize?: (doc: Y.Doc, plan: PlanJson) => PlanJson
): Promise<{ plan: PlanJson; places: Map<string, MeasurePlace> } | null> {
	const room = await deps.rooms.acquire(planId);
	if (!room) return null;
	try {
		const german = readPlan(room.doc, planId);
		const plan = localize ? localize(room.doc, german) : german;
		const places = new Map<string, MeasurePlace>();
		for (const f of german.fields) {
			for (const g of f.goals) {
				for (const m of g.measures) {
					places.set(m.id, {
						measureId: m.id,
						title: m.title.trim(),
						goalId: g.id,
						goalTitle: g.title.trim(),
						fieldId: f.id,
						fieldTitle: f.title.trim()
					});
				}
			}
		}
		return { plan, places };
	} finally {
		deps.rooms.release(room);
	}
}

export function mayReport(caller: MonitoringCaller, impl: Implementation): boolean {
	if (allows(caller.role, 'monitoring.manage')) return true;
	return (
		allows(caller.role, 'monitoring.report') && impl.responsibleIds.includes(caller.principal.id)
	);
}

const person = (p: Principal) => ({ id: p.id, name: p.name });

export function measureOperations(
	deps: MonitoringDeps
): Pick<MonitoringService, 'overview' | 'get' | 'update' | 'addNote' | 'bulkStatus'> {
	const { kv, log } = deps;
	const guarded = guard(log);
	const now = deps.now ?? Date.now;
	const today = () => todayIn(deps.timeZone, now());

	const read = (planId: string, measureId: string) => readImpl(kv, planId, measureId);

	/** One atomic change of a measure's record; `fn` returns the new record or a refusal. */
	async function change(
		planId: string,
		measureId: string,
		fn: (current: Implementation) => ApiResult<Implementation>
	): Promise<ApiResult<Implementation>> {
		const result = await kv.update<ApiResult<Implementation>>(K.impl(planId, measureId), (raw) => {
			const current = parseImplementation(measureId, parse<unknown>(raw, null));
			const out = fn(current);
			if (!out.ok) return { result: out };
			const next = { ...out.value, updatedAt: new Date(now()).toISOString() };
			return { value: JSON.stringify(next), result: { ok: true, value: next } };
		});
		if (result.ok) {
			await kv.sAdd(K.ids(planId), measureId);
			await kv.sAdd(K.plans, planId);
		}
		return result;
	}

	/** Status change (with reason) and data patch for one caller, inside `change`. */
	function applyReport(
		caller: MonitoringCaller,
		current: Implementation,
		body: Record<string, unknown>,
		memberIds: ReadonlySet<string> | null
	): ApiResult<Implementation> {
		if (!mayReport(caller, current)) return E.notResponsible();
		let next = current;
		if (body.status !== undefined) {
			const s = checkStatusChange(current.status, body.status, body.reason);
			if (!s.ok) return E.bad(s.error);
			next = {
				...next,
				status: s.value.to,
				history: [
					{
						from: current.status,
						to: s.value.to,
						reason: s.value.reason,
						by: person(caller.principal),
						at: new Date(now()).toISOString()
					},
					...current.history
				].slice(0, 200)
			};
		}
		const patched = applyImplPatch(next, body, () => newId(10));
		if (!patched.ok) return E.bad(patched.error);
		next = patched.value;
		if (body.responsibleIds !== undefined) {
			if (!allows(caller.role, 'monitoring.manage')) return E.manageOnly();
			const ids = body.responsibleIds;
			if (
				!Array.isArray(ids) ||
				ids.length > MAX_RESPONSIBLE ||
				!ids.every((id) => typeof id === 'string' && memberIds?.has(id))
			) {
				return fail(
					400,
					'invalid_input',
					'Zuständig sein können nur Mitglieder des Plans (höchstens 20 Personen).'
				);
			}
			next = { ...next, responsibleIds: [...new Set(ids as string[])] };
		}
		if (body.public !== undefined) {
			if (!allows(caller.role, 'monitoring.manage')) return E.publicManageOnly();
			if (typeof body.public !== 'boolean') {
				return fail(400, 'invalid_input', '„Öffentlich“ ist entweder ja oder nein.');
			}
			next = { ...next, public: body.public };
		}
		return { ok: true, value: next };
	}

	return {
		overview: (caller, planId) =>
			guarded('overview', async () => {
				const read0 = await readPlaces(deps, planId);
				if (!read0) return { ok: false, error: PLAN_ERRORS.notFound() };
				const { plan, places } = read0;
				const day = today();
				const [adoptionRaw, members] = await Promise.all([
					kv.get(K.adoption(planId)),
					deps.access.listMembers(planId)
				]);
				const measures: MonitoredMeasure[] = [];
				const ids = [...places.keys()];
				const records = await Promise.all(ids.map((id) => read(planId, id)));
				for (const [i, id] of ids.entries()) {
					const impl = records[i];
					measures.push({
						...places.get(id)!,
						impl,
						progress: progressOf(impl),
						overdue: isOverdue(impl, day),
						mayReport: mayReport(caller, impl)
					});
				}
				return {
					ok: true,
					value: {
						planTitle: plan.meta.title,
						adoption: parse(adoptionRaw, null),
						today: day,
						measures,
						rollUp: rollUp(measures, day),
						people: members
							.filter((m) => !m.invited && allows(m.role, 'monitoring.report'))
							.map((m) => ({ id: m.userId, name: m.name }))
					}
				};
			}),

		get: (caller, planId, measureId) =>
			guarded('get', async () => {
				const places = await readPlaces(deps, planId);
				if (!places) return { ok: false, error: PLAN_ERRORS.notFound() };
				if (!places.places.has(measureId)) return E.measureGone();
				const impl = await read(planId, measureId);
				const mayManage = allows(caller.role, 'monitoring.manage');
				const people = mayManage
					? (await deps.access.listMembers(planId))
							.filter((m) => !m.invited && allows(m.role, 'monitoring.report'))
							.map((m) => ({ id: m.userId, name: m.name }))
					: [];
				return {
					ok: true,
					value: {
						impl,
						progress: progressOf(impl),
						overdue: isOverdue(impl, today()),
						mayReport: mayReport(caller, impl),
						mayManage,
						people
					}
				};
			}),

		update: (caller, planId, measureId, body) =>
			guarded('update', async () => {
				const places = await readPlaces(deps, planId);
				if (!places) return { ok: false, error: PLAN_ERRORS.notFound() };
				if (!places.places.has(measureId)) return E.measureGone();
				const memberIds =
					body.responsibleIds !== undefined
						? new Set(
								(await deps.access.listMembers(planId))
									.filter((m) => !m.invited && allows(m.role, 'monitoring.report'))
									.map((m) => m.userId)
							)
						: null;
				return change(planId, measureId, (current) =>
					applyReport(caller, current, body ?? {}, memberIds)
				);
			}),

		addNote: (caller, planId, measureId, body) =>
			guarded('add note', async () => {
				const places = await readPlaces(deps, planId);
				if (!places) return { ok: false, error: PLAN_ERRORS.notFound() };
				if (!places.places.has(measureId)) return E.measureGone();
				const day = today();
				const note = checkNote(body ?? {}, day);
				if (!note.ok) return E.bad(note.error);
				const entry = {
					id: newId(12),
					...note.value,
					author: person(caller.principal),
					createdAt: new Date(now()).toISOString()
				};
				return change(planId, measureId, (current) => {
					if (!mayReport(caller, current)) return E.notResponsible();
					if (current.notes.length >= 500) {
						return fail(409, 'too_many_notes', 'Diese Maßnahme hat bereits 500 Sachstände.');
					}
					return { ok: true, value: addNote(current, entry, day) };
				});
			}),

		bulkStatus: (caller, planId, body) =>
			guarded('bulk status', async () => {
				const ids = body?.measureIds;
				if (
					!Array.isArray(ids) ||
					ids.length === 0 ||
					ids.length > MAX_BULK ||
					!ids.every((x) => typeof x === 'string')
				) {
					return fail(
						400,
						'invalid_input',
						`Bitte wählen Sie 1 bis ${MAX_BULK} Maßnahmen für die Sammeländerung aus.`
					);
				}
				const places = await readPlaces(deps, planId);
				if (!places) return { ok: false, error: PLAN_ERRORS.notFound() };
				// `{measureIds, public}` without a status: only "öffentlich" / "nicht öffentlich".
				const visibility = body.status === undefined && typeof body.public === 'boolean';
				// The reason is checked once, before anything is written.
				if (!visibility && (typeof body.reason !== 'string' || body.reason.trim().length < 3)) {
					return fail(
						400,
						'invalid_input',
						'Bitte begründen Sie die Änderung des Umsetzungsstands kurz (mindestens 3 Zeichen).'
					);
				}
				if (!visibility && !isImplStatus(body.status)) {
					return fail(400, 'invalid_input', 'Diesen Umsetzungsstand gibt es nicht.');
				}
				const patch = visibility
					? { public: body.public }
					: { status: body.status, reason: body.reason };
				const out: BulkStatusResult = { updated: [], refused: [] };
				for (const id of [...new Set(ids as string[])]) {
					const place = places.places.get(id);
					if (!place) {
						out.refused.push({ measureId: id, message: E.measureGone().error.message });
						continue;
					}
					const r = await change(planId, id, (current) =>
						applyReport(caller, current, patch, null)
					);
					if (r.ok) out.updated.push(id);
					else
						out.refused.push({
							measureId: id,
							message: `${place.title || UNTITLED}: ${r.error.message}`
						});
				}
				if (out.updated.length === 0 && out.refused.length > 0 && ids.length === 1) {
					return fail(400, 'invalid_input', out.refused[0].message);
				}
				return { ok: true, value: out };
			})
	};
}
