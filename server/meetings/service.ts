/**
 * Sitzungsmodus service (issue 13, items 1–3): a plan's sessions (title, date, place, field,
 * agenda, Moderation) in the KV, their live state (agenda step with actual times, the
 * server-authoritative timer, "Alle zu mir", the structure lock, the hand-raise queue) and the
 * attendance (connections recorded by socket.io, people in the room added by the facilitator).
 * Every live change is an atomic KV update and then pushed to everyone in the session
 * (socket.io, across instances through the Redis adapter). Keys: see ./common.ts.
 */
import type { ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type {
	Attendance,
	Meeting,
	MeetingCaller,
	MeetingLive,
	MeetingService
} from '../../src/lib/contract/meetings';
import type { Principal } from '../../src/lib/contract/access';
import { allows } from '../../src/lib/contract/policy';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import {
	MEETING_LIMITS,
	lineText,
	lockExempt,
	validateMeetingInput
} from '../../src/lib/meetings/model';
import { isKvError } from '../storage/kv';
import { guestLinkKey, sessionGuestLink } from './guest-link';
import { lockKey, type LockRecord } from './locks';
import { applyControl, applyHand, parseControl, type Step } from './live';
import {
	E,
	K,
	MAX_ONLINE,
	SESSION_ID,
	fail,
	newId,
	parseAttendance,
	parseLive,
	parseMeeting,
	type MeetingDeps,
	type StoredAttendance
} from './common';

export type { MeetingDeps } from './common';

/** The service plus what socket.io calls when people connect to a session. */
export interface MeetingServer extends MeetingService {
	/** A connection joined the session: opens an attendance entry; returns the view. */
	joined(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		conn: string
	): Promise<ApiResult<import('../../src/lib/contract/meetings').MeetingView>>;
	/** The connection left (or dropped): closes its attendance entry. */
	left(planId: string, sessionId: string, conn: string): Promise<void>;
	/** Connects the live pushes (socket.io) once realtime is attached. */
	setPush(push: MeetingDeps['push']): void;
}

/** Owner, or an editor named as this session's Moderation. */
export function canFacilitate(caller: MeetingCaller, meeting: Meeting): boolean {
	if (caller.role === 'owner') return true;
	return allows(caller.role, 'plan.edit') && meeting.facilitatorId === caller.principal.id;
}

export function createMeetingService(deps: MeetingDeps): MeetingServer {
	const { kv, log } = deps;
	const now = deps.now ?? Date.now;
	let push = deps.push;

	async function guarded<T>(what: string, fn: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) log.warn(`[meetings] ${what}: storage unavailable`, { error });
			else log.error(`[meetings] ${what} failed`, { error });
			return { ok: false, error: PLAN_ERRORS.unavailable() };
		}
	}

	async function load(planId: string, sessionId: string): Promise<Meeting | null> {
		if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) return null;
		const m = parseMeeting(await kv.get(K.meeting(planId, sessionId)));
		return m && m.planId === planId ? m : null;
	}

	function publish(planId: string, sessionId: string, live: MeetingLive) {
		try {
			push?.({ planId, sessionId, live, serverNow: now() });
		} catch (error) {
			log.warn('[meetings] push failed', { error });
		}
	}

	function viewAttendance(a: StoredAttendance): Attendance {
		return {
			online: a.online.map(({ conn: _conn, ...rest }) => rest),
			inRoom: a.inRoom,
			headCount: a.headCount
		};
	}

	/** Stores the plan's structure lock and tells the other instances. */
	async function setLock(planId: string, record: LockRecord | null) {
		if (record) await kv.set(lockKey(planId), JSON.stringify(record));
		else await kv.del(lockKey(planId));
		deps.locks.remember(planId, record);
		await deps.bus
			.publish(planId, { kind: 'meeting', payload: new Uint8Array() })
			.catch((error) => log.warn('[meetings] lock announcement failed', { error }));
	}

	/** Lifts the plan's lock if this session holds it. */
	async function liftLockOf(planId: string, sessionId: string) {
		const current = deps.locks.current(planId);
		if (current?.sessionId === sessionId) await setLock(planId, null);
	}

	async function validated(
		planId: string,
		body: Record<string, unknown>,
		locale: InterfaceLocale = 'de'
	): Promise<ApiResult<ReturnType<typeof validateMeetingInput> & { ok: true }>> {
		const v = validateMeetingInput(body, locale);
		if (!v.ok) return E.invalid(v.message, v.field);
		if (v.value.fieldId !== null) {
			const plan = await deps.readFields(planId);
			if (!plan) return { ok: false, error: PLAN_ERRORS.notFound() };
			if (!plan.fields.some((f) => f.id === v.value.fieldId)) return E.noField();
		}
		return { ok: true, value: v };
	}

	async function facilitatorName(
		planId: string,
		facilitatorId: unknown
	): Promise<ApiResult<{ id: string | null; name: string | null }>> {
		if (facilitatorId === null || facilitatorId === undefined || facilitatorId === '')
			return { ok: true, value: { id: null, name: null } };
		if (typeof facilitatorId !== 'string') return E.noFacilitator();
		const member = (await deps.access.listMembers(planId)).find(
			(m) => m.userId === facilitatorId && !m.invited
		);
		if (!member || !allows(member.role, 'plan.edit')) return E.noFacilitator();
		return { ok: true, value: { id: member.userId, name: member.name } };
	}

	function withAgendaIds(agenda: Array<{ id?: string; title: string; minutes: number }>) {
		const seen = new Set<string>();
		return agenda.map((s) => {
			const id = s.id && !seen.has(s.id) ? s.id : newId('schritt');
			seen.add(id);
			return { id, title: s.title, minutes: s.minutes };
		});
	}

	async function changeLive(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		fn: (live: MeetingLive, meeting: Meeting) => Step,
		needsFacilitator: boolean
	): Promise<ApiResult<MeetingLive>> {
		const meeting = await load(planId, sessionId);
		if (!meeting) return E.notFound();
		if (needsFacilitator && !canFacilitate(caller, meeting)) return E.notFacilitator();
		const step = await kv.update<Step>(K.live(planId, sessionId), (raw) => {
			const out = fn(parseLive(raw), meeting);
			return out.ok ? { value: JSON.stringify(out.live), result: out } : { result: out };
		});
		if (!step.ok) return fail(step.status, step.code, step.message);
		const live = step.live;
		// Keep the record's status and times in step with the live state.
		if (live.status !== meeting.status) {
			const at = new Date(now()).toISOString();
			await kv.update(K.meeting(planId, sessionId), (raw) => {
				const m = parseMeeting(raw);
				if (!m) return { result: null };
				const next: Meeting = {
					...m,
					status: live.status,
					startedAt: live.status === 'laufend' ? (m.startedAt ?? at) : m.startedAt,
					endedAt: live.status === 'beendet' ? at : m.endedAt
				};
				return { value: JSON.stringify(next), result: null };
			});
		}
		const holdsLock = deps.locks.current(planId)?.sessionId === sessionId;
		if (live.locked && !holdsLock) {
			await setLock(planId, { sessionId, exempt: lockExempt(meeting.facilitatorId) });
		} else if (!live.locked && holdsLock) await liftLockOf(planId, sessionId);
		// An ended session has no guest link: its token is not kept (the invite expires by itself).
		if (live.status === 'beendet') await kv.del(guestLinkKey(planId, sessionId));
		publish(planId, sessionId, live);
		return { ok: true, value: live };
	}

	const service: MeetingServer = {
		setPush(p) {
			push = p;
		},

		list: (planId) =>
			guarded('list', async () => {
				const ids = await kv.sMembers(K.plan(planId));
				const all = await Promise.all(ids.map((id) => load(planId, id)));
				const meetings = all.filter((m): m is Meeting => m !== null);
				meetings.sort(
					(a, b) =>
						`${b.date} ${b.time}`.localeCompare(`${a.date} ${a.time}`) ||
						a.title.localeCompare(b.title)
				);
				return { ok: true, value: meetings };
			}),

		view: (caller, planId, sessionId) =>
			guarded('view', async () => {
				const meeting = await load(planId, sessionId);
				if (!meeting) return E.notFound();
				const [live, attendance] = await Promise.all([
					kv.get(K.live(planId, sessionId)).then(parseLive),
					kv.get(K.attendance(planId, sessionId)).then(parseAttendance)
				]);
				return {
					ok: true,
					value: {
						meeting,
						live,
						attendance: viewAttendance(attendance),
						serverNow: now(),
						canFacilitate: canFacilitate(caller, meeting)
					}
				};
			}),

		create: (caller, planId, body, locale = 'de') =>
			guarded('create', async () => {
				if (caller.role !== 'owner') return E.notFacilitator();
				const v = await validated(planId, body, locale);
				if (!v.ok) return v;
				const fac = await facilitatorName(planId, body.facilitatorId);
				if (!fac.ok) return fac;
				const ids = await kv.sMembers(K.plan(planId));
				if (ids.length >= MEETING_LIMITS.sessionsPerPlan)
					return E.full(MEETING_LIMITS.sessionsPerPlan);
				const input = v.value.value;
				const meeting: Meeting = {
					id: newId('sitzung'),
					planId,
					...input,
					agenda: withAgendaIds(input.agenda),
					facilitatorId: fac.value.id,
					facilitatorName: fac.value.name,
					status: 'geplant',
					createdAt: new Date(now()).toISOString(),
					createdBy: caller.principal.id,
					startedAt: null,
					endedAt: null
				};
				await kv.set(K.meeting(planId, meeting.id), JSON.stringify(meeting));
				await kv.sAdd(K.plan(planId), meeting.id);
				return { ok: true, value: meeting };
			}),

		update: (caller, planId, sessionId, body) =>
			guarded('update', async () => {
				const before = await load(planId, sessionId);
				if (!before) return E.notFound();
				if (!canFacilitate(caller, before)) return E.notFacilitator();
				const naming = 'facilitatorId' in body;
				if (naming && caller.role !== 'owner') return E.ownerOnly();
				const v = await validated(planId, { ...before, ...body });
				if (!v.ok) return v;
				const fac = naming
					? await facilitatorName(planId, body.facilitatorId)
					: {
							ok: true as const,
							value: { id: before.facilitatorId, name: before.facilitatorName }
						};
				if (!fac.ok) return fac;
				const input = v.value.value;
				const updated = await kv.update<Meeting | null>(K.meeting(planId, sessionId), (raw) => {
					const m = parseMeeting(raw);
					if (!m) return { result: null };
					// A running session keeps its steps (the live state points into them).
					const agenda = m.status === 'geplant' ? withAgendaIds(input.agenda) : m.agenda;
					const next: Meeting = {
						...m,
						...input,
						agenda,
						facilitatorId: fac.value.id,
						facilitatorName: fac.value.name
					};
					return { value: JSON.stringify(next), result: next };
				});
				if (!updated) return E.notFound();
				if (naming && updated.status === 'laufend') {
					const lock = deps.locks.current(planId);
					if (lock?.sessionId === sessionId) {
						await setLock(planId, { sessionId, exempt: lockExempt(updated.facilitatorId) });
					}
				}
				return { ok: true, value: updated };
			}),

		remove: (caller, planId, sessionId) =>
			guarded('remove', async () => {
				const meeting = await load(planId, sessionId);
				if (!meeting) return E.notFound();
				if (caller.role !== 'owner') return E.notFacilitator();
				if (meeting.status === 'laufend') return E.running();
				await liftLockOf(planId, sessionId);
				await kv.del([
					K.meeting(planId, sessionId),
					K.live(planId, sessionId),
					K.attendance(planId, sessionId),
					K.minutes(planId, sessionId),
					guestLinkKey(planId, sessionId)
				]);
				await kv.sRem(K.plan(planId), sessionId);
				return { ok: true, value: null };
			}),

		control: (caller, planId, sessionId, body) =>
			guarded('control', async () => {
				const control = parseControl(body);
				if (typeof control === 'string') return E.invalid(control, 'action');
				return changeLive(
					caller,
					planId,
					sessionId,
					(live, meeting) => applyControl(live, meeting.agenda, control, now()),
					true
				);
			}),

		hand: (caller, planId, sessionId, raised) =>
			guarded('hand', async () => {
				if (typeof raised !== 'boolean')
					return E.invalid('Bitte „raised“ als true oder false senden.');
				const hand = { principalId: caller.principal.id, name: caller.principal.name, at: now() };
				return changeLive(
					caller,
					planId,
					sessionId,
					(live) => applyHand(live, hand, raised),
					false
				);
			}),

		addAttendance: (caller, planId, sessionId, body) =>
			guarded('add attendance', async () => {
				const meeting = await load(planId, sessionId);
				if (!meeting) return E.notFound();
				if (!canFacilitate(caller, meeting)) return E.notFacilitator();
				let change: (a: StoredAttendance) => StoredAttendance | string;
				if ('headCount' in body) {
					const n = body.headCount;
					if (
						typeof n !== 'number' ||
						!Number.isInteger(n) ||
						n < 0 ||
						n > MEETING_LIMITS.headCount
					)
						return E.invalid(
							`Die Zahl der Personen im Raum muss eine ganze Zahl von 0 bis ${MEETING_LIMITS.headCount.toLocaleString('de-DE')} sein.`,
							'headCount'
						);
					change = (a) => ({ ...a, headCount: n });
				} else {
					const name = lineText(
						body.name,
						'name',
						'Der Name',
						MEETING_LIMITS.name,
						'Bitte geben Sie einen Namen an.'
					);
					if (!name.ok) return E.invalid(name.message, name.field);
					const org = lineText(
						body.organisation,
						'organisation',
						'Die Organisation',
						MEETING_LIMITS.organisation
					);
					if (!org.ok) return E.invalid(org.message, org.field);
					const person = { id: newId('person'), name: name.value, organisation: org.value };
					change = (a) =>
						a.inRoom.length >= MEETING_LIMITS.inRoom
							? `Höchstens ${MEETING_LIMITS.inRoom} Personen lassen sich einzeln eintragen; für mehr nutzen Sie bitte die Personenzahl.`
							: { ...a, inRoom: [...a.inRoom, person] };
				}
				const out = await kv.update<StoredAttendance | string>(
					K.attendance(planId, sessionId),
					(raw) => {
						const next = change(parseAttendance(raw));
						return typeof next === 'string'
							? { result: next }
							: { value: JSON.stringify(next), result: next };
					}
				);
				if (typeof out === 'string') return fail(409, 'too_many_attendees', out);
				return { ok: true, value: viewAttendance(out) };
			}),

		removeAttendee: (caller, planId, sessionId, attendeeId) =>
			guarded('remove attendee', async () => {
				const meeting = await load(planId, sessionId);
				if (!meeting) return E.notFound();
				if (!canFacilitate(caller, meeting)) return E.notFacilitator();
				const out = await kv.update<StoredAttendance | null>(
					K.attendance(planId, sessionId),
					(raw) => {
						const a = parseAttendance(raw);
						if (!a.inRoom.some((p) => p.id === attendeeId)) return { result: null };
						const next = { ...a, inRoom: a.inRoom.filter((p) => p.id !== attendeeId) };
						return { value: JSON.stringify(next), result: next };
					}
				);
				if (!out)
					return fail(
						404,
						'attendee_not_found',
						'Diese Person steht nicht (mehr) in der Anwesenheitsliste.'
					);
				return { ok: true, value: viewAttendance(out) };
			}),

		joined: (caller, planId, sessionId, conn) =>
			guarded('join', async () => {
				const meeting = await load(planId, sessionId);
				if (!meeting) return E.notFound();
				// Past sessions stay readable, but joining them is not attending.
				if (meeting.status !== 'beendet') {
					const p: Principal = caller.principal;
					const entry = {
						conn,
						principalId: p.id,
						name: p.name,
						kind: p.kind,
						from: now(),
						to: null
					};
					await kv.update(K.attendance(planId, sessionId), (raw) => {
						const a = parseAttendance(raw);
						if (a.online.some((o) => o.conn === conn)) return { result: null };
						const online = [...a.online, entry].slice(-MAX_ONLINE);
						return { value: JSON.stringify({ ...a, online }), result: null };
					});
				}
				return service.view(caller, planId, sessionId);
			}),

		async left(planId, sessionId, conn) {
			try {
				const at = now();
				await kv.update(K.attendance(planId, sessionId), (raw) => {
					if (!raw) return { result: null };
					const a = parseAttendance(raw);
					if (!a.online.some((o) => o.conn === conn && o.to === null)) return { result: null };
					const online = a.online.map((o) =>
						o.conn === conn && o.to === null ? { ...o, to: at } : o
					);
					return { value: JSON.stringify({ ...a, online }), result: null };
				});
			} catch (error) {
				log.warn('[meetings] could not record leaving', { error });
			}
		},

		guestLink: (caller, planId, sessionId) =>
			guarded('guestLink', () =>
				sessionGuestLink(
					{ kv, access: deps.access, now, load, canFacilitate },
					caller,
					planId,
					sessionId
				)
			),

		async forgetPlan(planId) {
			const ids = await kv.sMembers(K.plan(planId));
			await kv.del(
				ids.flatMap((id) => [
					K.meeting(planId, id),
					K.live(planId, id),
					K.attendance(planId, id),
					K.minutes(planId, id),
					guestLinkKey(planId, id)
				])
			);
			await kv.del([K.plan(planId), lockKey(planId)]);
			deps.locks.remember(planId, null);
		}
	};
	return service;
}
