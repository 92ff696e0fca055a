/**
 * Zeitplan service (issue 16): a plan's phases and milestones in the access KV, the default
 * schedule, and the members' calendar feeds (iCal subscriptions). Automatic entries (feedback
 * rounds, review requests) are read live through `automatic`, never copied.
 *
 * Keys (Redis: under `mitplan:app:`):
 *   zp:plan:<planId>            JSON    Schedule (phases, milestones)
 *   zp:feed:<sha256(token)>     JSON    FeedRecord (planId, userId, createdAt, revokedAt)
 *   zp:member:<planId>:<userId> string  sha256 of the member's current feed token
 *   zp:feeds:<planId>           set     every feed hash of the plan (also revoked ones)
 * Only the hash of a feed token is stored; a revoked record stays (with revokedAt) for
 * REVOKED_KEEP_MS so the feed can say "widerrufen" instead of "unbekannt".
 */
import { randomBytes } from 'node:crypto';
import type { ApiError, ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { Principal } from '../../src/lib/contract/access';
import type { ScheduleService } from '../../src/lib/contract/schedule';
import {
	checkScheduleSize,
	isIsoDate,
	sortSchedule,
	validateMilestone,
	validatePhase,
	type Schedule
} from '../../src/lib/domain/schedule';
import { defaultSchedule } from '../../src/lib/domain/schedule-default';
import { todayIn } from '../../src/lib/domain/time-zone';
import { isKvError } from '../storage/kv';
import { UNTITLED } from '../../src/lib/export/text';
import { buildCalendar } from './ical';
import {
	E,
	K,
	REVOKED_KEEP_MS,
	TOKEN,
	bad,
	fail,
	hashOf,
	newId,
	parseFeed,
	parseSchedule,
	type FeedRecord,
	type ScheduleDeps
} from './common';

export type { PlanFields, ScheduleDeps } from './common';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function createScheduleService(deps: ScheduleDeps): ScheduleService {
	const { kv, log } = deps;
	const now = deps.now ?? Date.now;

	async function guarded<T>(what: string, fn: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) log.warn(`[schedule] ${what}: storage unavailable`, { error });
			else log.error(`[schedule] ${what} failed`, { error });
			return { ok: false, error: PLAN_ERRORS.unavailable() };
		}
	}

	/** Atomic change of the plan's schedule; `change` returns the new schedule or a refusal. */
	async function change<T>(
		planId: string,
		fn: (s: Schedule) => Outcome<{ schedule: Schedule | null; result: T }>
	): Promise<ApiResult<T>> {
		return kv.update<ApiResult<T>>(K.plan(planId), (raw) => {
			const out = fn(parseSchedule(raw));
			if (!out.ok) return { result: out };
			if (out.value.schedule === null) return { result: { ok: true, value: out.value.result } };
			const size = checkScheduleSize(out.value.schedule);
			if (!size.ok) return { result: bad(size.error) };
			const sorted = sortSchedule(out.value.schedule);
			const empty = sorted.phases.length === 0 && sorted.milestones.length === 0;
			return {
				value: empty ? null : JSON.stringify(sorted),
				result: { ok: true, value: out.value.result }
			};
		});
	}

	async function fieldsOf(planId: string) {
		const plan = await deps.readFields(planId);
		return plan ? { plan, ids: new Set(plan.fields.map((f) => f.id)) } : null;
	}

	async function load(planId: string) {
		return sortSchedule(parseSchedule(await kv.get(K.plan(planId))));
	}

	function entryOps<K2 extends 'phases' | 'milestones'>(key: K2) {
		const what = key === 'phases' ? 'Phase' : 'Termin';
		const validate = (body: Record<string, unknown>, ids: ReadonlySet<string>) =>
			key === 'phases' ? validatePhase(body, ids) : validateMilestone(body, ids);
		type Entry = Schedule[K2][number];
		return {
			add: (planId: string, body: Record<string, unknown>) =>
				guarded(`add ${what}`, async () => {
					const f = await fieldsOf(planId);
					if (!f) return E.notFound();
					const v = validate(body, f.ids);
					if (!v.ok) return bad(v.error);
					const entry = { ...v.value, id: newId(key === 'phases' ? 'phase' : 'termin') } as Entry;
					return change<Entry>(planId, (s) => ({
						ok: true,
						value: { schedule: { ...s, [key]: [...s[key], entry] }, result: entry }
					}));
				}),
			update: (planId: string, id: string, body: Record<string, unknown>) =>
				guarded(`update ${what}`, async () => {
					const f = await fieldsOf(planId);
					if (!f) return E.notFound();
					const current = (await load(planId))[key] as Entry[];
					const before = current.find((e) => e.id === id);
					if (!before) return E.entryNotFound(what);
					const v = validate({ ...before, ...body, id }, f.ids);
					if (!v.ok) return bad(v.error);
					const entry = { ...v.value, id } as Entry;
					return change<Entry>(planId, (s) => {
						const list = s[key] as Entry[];
						if (!list.some((e) => e.id === id)) return E.entryNotFound(what);
						return {
							ok: true,
							value: {
								schedule: { ...s, [key]: list.map((e) => (e.id === id ? entry : e)) },
								result: entry
							}
						};
					});
				}),
			remove: (planId: string, id: string) =>
				guarded(`delete ${what}`, async () =>
					change<null>(planId, (s) => {
						const list = s[key] as Entry[];
						if (!list.some((e) => e.id === id)) return E.entryNotFound(what);
						return {
							ok: true,
							value: { schedule: { ...s, [key]: list.filter((e) => e.id !== id) }, result: null }
						};
					})
				)
		};
	}

	const phases = entryOps('phases');
	const milestones = entryOps('milestones');

	async function feedOf(planId: string, principal: Principal): Promise<FeedRecord | null> {
		const hash = await kv.get(K.member(planId, principal.id));
		if (!hash) return null;
		const rec = parseFeed(await kv.get(K.feed(hash)));
		return rec && rec.planId === planId && rec.userId === principal.id && !rec.revokedAt
			? rec
			: null;
	}

	async function revokeCurrent(planId: string, userId: string) {
		const hash = await kv.get(K.member(planId, userId));
		if (!hash) return false;
		const revokedAt = new Date(now()).toISOString();
		const done = await kv.update(K.feed(hash), (raw) => {
			const rec = parseFeed(raw);
			if (!rec || rec.revokedAt) return { result: false };
			return { value: JSON.stringify({ ...rec, revokedAt }), result: true };
		});
		// The revoked record is kept a while to answer "widerrufen" (it expires by itself).
		const rec = await kv.get(K.feed(hash));
		if (rec) await kv.set(K.feed(hash), rec, { ttlMs: REVOKED_KEEP_MS });
		await kv.del(K.member(planId, userId));
		return done;
	}

	return {
		view: (planId) =>
			guarded('view', async () => {
				const f = await fieldsOf(planId);
				if (!f) return E.notFound();
				const [schedule, automatic] = await Promise.all([load(planId), deps.automatic(planId)]);
				return {
					ok: true,
					value: {
						...schedule,
						automatic,
						fields: f.plan.fields,
						today: todayIn(deps.timeZone, now())
					}
				};
			}),

		replace: (planId, body) =>
			guarded('replace', async () => {
				const f = await fieldsOf(planId);
				if (!f) return E.notFound();
				const extra = Object.keys(body).find((k) => k !== 'phases' && k !== 'milestones');
				if (extra || !Array.isArray(body.phases) || !Array.isArray(body.milestones))
					return fail(
						400,
						'invalid_value',
						'Erwartet werden genau die Listen „phases“ und „milestones“.'
					);
				const size = checkScheduleSize({
					phases: body.phases,
					milestones: body.milestones
				} as Schedule);
				if (!size.ok) return bad(size.error);
				const out: Schedule = { phases: [], milestones: [] };
				const usedIds = new Set<string>();
				const lists = [
					['phases', body.phases],
					['milestones', body.milestones]
				] as const;
				for (const [key, list] of lists) {
					for (const [i, raw] of list.entries()) {
						if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
							return fail(400, 'invalid_value', `Eintrag ${i + 1} ist kein Objekt.`);
						const v =
							key === 'phases'
								? validatePhase(raw as Record<string, unknown>, f.ids)
								: validateMilestone(raw as Record<string, unknown>, f.ids);
						if (!v.ok) {
							const label = key === 'phases' ? 'Phase' : 'Termin';
							return fail(
								v.error.code === 'schedule_full' ? 409 : 400,
								v.error.code,
								`${label} ${i + 1}: ${v.error.message}`
							);
						}
						const id = (raw as { id?: unknown }).id;
						const keep =
							typeof id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(id) && !usedIds.has(id);
						if (keep) usedIds.add(id);
						(out[key] as Array<object>).push({
							...v.value,
							id: keep ? id : newId(key === 'phases' ? 'phase' : 'termin')
						});
					}
				}
				return change<Schedule>(planId, () => ({
					ok: true,
					value: { schedule: out, result: sortSchedule(out) }
				}));
			}),

		addPhase: phases.add,
		updatePhase: phases.update,
		deletePhase: phases.remove,
		addMilestone: milestones.add,
		updateMilestone: milestones.update,
		deleteMilestone: milestones.remove,

		applyDefault: (planId, body) =>
			guarded('apply default', async () => {
				const f = await fieldsOf(planId);
				if (!f) return E.notFound();
				if (!isIsoDate(body.start))
					return fail(
						400,
						'invalid_date',
						'Bitte geben Sie das Datum der Auftaktveranstaltung an (JJJJ-MM-TT), z. B. 2027-03-10.'
					);
				const meetings = body.meetingsPerField ?? 2;
				if (meetings !== 2 && meetings !== 3)
					return fail(400, 'invalid_value', 'Je Arbeitsgruppe sind 2 oder 3 Sitzungen möglich.');
				// The default schedule is German content; an untitled field is named as before.
				const named = f.plan.fields.map((x) => ({ ...x, title: x.title || UNTITLED }));
				const std = defaultSchedule(body.start, named, { meetingsPerField: meetings });
				const withIds: Schedule = {
					phases: std.phases.map((p) => ({ ...p, id: newId('phase') })),
					milestones: std.milestones.map((m) => ({ ...m, id: newId('termin') }))
				};
				return change<Schedule>(planId, (s) =>
					s.phases.length + s.milestones.length > 0
						? E.notEmpty()
						: { ok: true, value: { schedule: withIds, result: sortSchedule(withIds) } }
				);
			}),

		feedStatus: (planId, principal) =>
			guarded('feed status', async () => {
				if (principal.kind !== 'user')
					return { ok: true, value: { active: false, createdAt: null } };
				const rec = await feedOf(planId, principal);
				return { ok: true, value: { active: rec !== null, createdAt: rec?.createdAt ?? null } };
			}),

		createFeed: (planId, principal) =>
			guarded('create feed', async () => {
				if (principal.kind !== 'user') return E.guest();
				await revokeCurrent(planId, principal.id);
				const token = randomBytes(24).toString('base64url');
				const hash = hashOf(token);
				const rec: FeedRecord = {
					planId,
					userId: principal.id,
					createdAt: new Date(now()).toISOString(),
					revokedAt: null
				};
				await kv.sAdd(K.feeds(planId), hash);
				await kv.set(K.feed(hash), JSON.stringify(rec));
				await kv.set(K.member(planId, principal.id), hash);
				return { ok: true, value: { active: true, createdAt: rec.createdAt, token } };
			}),

		revokeFeed: (planId, principal) =>
			guarded('revoke feed', async () => {
				if (principal.kind !== 'user') return E.guest();
				const done = await revokeCurrent(planId, principal.id);
				return done
					? { ok: true, value: null }
					: fail(404, 'feed_not_found', 'Sie haben für diesen Plan keinen aktiven Kalender-Link.');
			}),

		calendar: (token, locale = 'de') =>
			guarded('calendar', async () => {
				if (typeof token !== 'string' || !TOKEN.test(token)) return E.feedUnknown();
				const rec = parseFeed(await kv.get(K.feed(hashOf(token))));
				if (!rec) return E.feedUnknown();
				if (rec.revokedAt) return E.feedRevoked();
				const user = await deps.access.getUser(rec.userId);
				if (!user || user.disabled) return E.feedNoAccess();
				const role = await deps.access.roleFor(
					{ kind: 'user', id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin },
					rec.planId
				);
				if (!role) return E.feedNoAccess();
				const f = await fieldsOf(rec.planId);
				if (!f) return E.feedUnknown();
				const [schedule, automatic] = await Promise.all([
					load(rec.planId),
					deps.automatic(rec.planId)
				]);
				const ics = buildCalendar({
					planId: rec.planId,
					planTitle: f.plan.title,
					fields: f.plan.fields,
					schedule,
					automatic,
					timeZone: deps.timeZone,
					locale
				});
				return { ok: true, value: { ics, planId: rec.planId } };
			}),

		async forgetPlan(planId) {
			const hashes = await kv.sMembers(K.feeds(planId));
			const members: string[] = [];
			for (const hash of hashes) {
				const rec = parseFeed(await kv.get(K.feed(hash)));
				if (rec) members.push(K.member(planId, rec.userId));
			}
			await kv.del([...hashes.map(K.feed), ...members, K.feeds(planId), K.plan(planId)]);
		}
	};
}
