/**
 * Sitzungsprotokoll service (issue 13, item 7): decisions, tasks and open questions recorded
 * during a session (facilitator or named note-taker), tasks delivered once into the named member's
 * inbox (minutes-tasks.ts), the comment window after the end (attendees with an account; phase
 * from the time), the protocol model (page and PDF; minutes-protocol.ts) and the decision log of
 * all sessions. One KV key per session (`mt:min:<planId>:<sessionId>`, JSON MinutesRecord),
 * changed only in atomic updates.
 */
import type { ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { Meeting, MeetingCaller } from '../../src/lib/contract/meetings';
import type {
	DecisionLogRow,
	MinutesComment,
	MinutesEntry,
	MinutesRecord,
	MinutesService,
	ProtocolView
} from '../../src/lib/contract/minutes';
import { allows } from '../../src/lib/contract/policy';
import {
	MINUTES_LIMITS,
	itemWording,
	longText,
	protocolPhase,
	validateCommentDays,
	validateEntry
} from '../../src/lib/meetings/minutes-model';
import { protocolWords } from '../../src/lib/meetings/protocol-words';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import { isKvError } from '../storage/kv';
import { E, K, SESSION_ID, newId, parseAttendance, parseMeeting } from './common';
import { M, minutesKey, parseMinutes, type MinutesDeps } from './minutes-common';
import { buildProtocolModel } from './minutes-protocol';
import { deliverTask } from './minutes-tasks';
import { canFacilitate } from './service';

export function createMinutesService(deps: MinutesDeps): MinutesService {
	const { kv, log } = deps;
	const now = deps.now ?? Date.now;

	async function guarded<T>(what: string, fn: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) log.warn(`[minutes] ${what}: storage unavailable`, { error });
			else log.error(`[minutes] ${what} failed`, { error });
			return { ok: false, error: PLAN_ERRORS.unavailable() };
		}
	}

	async function loadMeeting(planId: string, sessionId: string): Promise<Meeting | null> {
		if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) return null;
		const m = parseMeeting(await kv.get(K.meeting(planId, sessionId)));
		return m && m.planId === planId ? m : null;
	}

	const readRecord = async (planId: string, sessionId: string) =>
		parseMinutes(await kv.get(minutesKey(planId, sessionId)));

	const mayRecord = (caller: MeetingCaller, meeting: Meeting, record: MinutesRecord) =>
		canFacilitate(caller, meeting) ||
		(allows(caller.role, 'meeting.minutes') && record.noteTakerIds.includes(caller.principal.id));

	async function attended(planId: string, sessionId: string, principalId: string) {
		const a = parseAttendance(await kv.get(K.attendance(planId, sessionId)));
		return a.online.some((o) => o.kind === 'user' && o.principalId === principalId);
	}

	function push(planId: string, sessionId: string, entries: MinutesEntry[]) {
		try {
			deps.emit?.({ planId, sessionId, entries });
		} catch (error) {
			log.warn('[minutes] push failed', { error });
		}
	}

	async function viewOf(
		caller: MeetingCaller,
		meeting: Meeting,
		locale: InterfaceLocale
	): Promise<ProtocolView> {
		const record = await readRecord(meeting.planId, meeting.id);
		const protocol = await buildProtocolModel(deps, meeting, record, locale, now);
		const canComment =
			protocol.phase === 'kommentierung' &&
			caller.principal.kind === 'user' &&
			(await attended(meeting.planId, meeting.id, caller.principal.id));
		return {
			protocol,
			entries: record.entries,
			noteTakerIds: record.noteTakerIds,
			commentDays: record.commentDays,
			canRecord: protocol.phase === 'entwurf' && mayRecord(caller, meeting, record),
			canSettle: protocol.phase !== 'endgueltig' && canFacilitate(caller, meeting),
			canComment
		};
	}

	/** Checks the anchor and the member named, and fills in the member's name. */
	async function resolveEntry(
		planId: string,
		input: ReturnType<typeof validateEntry> & { ok: true },
		before: MinutesEntry | undefined
	): Promise<ApiResult<typeof input.value>> {
		const value = { ...input.value };
		if (value.itemId !== null && value.itemId !== before?.itemId) {
			const plan = await deps.readItems(planId);
			if (!plan) return { ok: false, error: PLAN_ERRORS.notFound() };
			if (!plan.items.has(value.itemId)) return M.noItem();
		}
		if (value.assigneeId !== null) {
			const member = (await deps.access.listMembers(planId)).find(
				(m) => m.userId === value.assigneeId && !m.invited
			);
			if (!member) return M.noMember();
			value.assigneeName = member.name;
		}
		return { ok: true, value };
	}

	/** Common frame of add/update/remove: session, phase, role; then one atomic change. */
	async function changeEntries<T>(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		fn: (
			meeting: Meeting,
			record: MinutesRecord
		) => Promise<
			ApiResult<{ change: (r: MinutesRecord) => MinutesRecord | ApiResult<never>; value: T }>
		>
	): Promise<ApiResult<T>> {
		const meeting = await loadMeeting(planId, sessionId);
		if (!meeting) return E.notFound();
		if (meeting.status === 'beendet') return M.frozen();
		const record = await readRecord(planId, sessionId);
		if (!mayRecord(caller, meeting, record)) return M.notRecorder();
		const planned = await fn(meeting, record);
		if (!planned.ok) return planned;
		const out = await kv.update<ApiResult<MinutesEntry[]>>(minutesKey(planId, sessionId), (raw) => {
			const next = planned.value.change(parseMinutes(raw));
			if ('ok' in next) return { result: next };
			return { value: JSON.stringify(next), result: { ok: true, value: next.entries } };
		});
		if (!out.ok) return out;
		push(planId, sessionId, out.value);
		return { ok: true, value: planned.value.value };
	}

	const service: MinutesService = {
		view: (caller, planId, sessionId, locale = 'de') =>
			guarded('view', async () => {
				const meeting = await loadMeeting(planId, sessionId);
				if (!meeting) return E.notFound();
				return { ok: true, value: await viewOf(caller, meeting, locale) };
			}),

		add: (caller, planId, sessionId, body) =>
			guarded('add', async () => {
				const v = validateEntry(body);
				if (!v.ok) return E.invalid(v.message, v.field);
				let meetingSeen: Meeting | null = null;
				const result = await changeEntries<MinutesEntry>(
					caller,
					planId,
					sessionId,
					async (meeting) => {
						meetingSeen = meeting;
						const resolved = await resolveEntry(planId, v, undefined);
						if (!resolved.ok) return resolved;
						const at = new Date(now()).toISOString();
						const entry: MinutesEntry = {
							id: newId('eintrag'),
							...resolved.value,
							createdAt: at,
							createdBy: { id: caller.principal.id, name: caller.principal.name },
							updatedAt: at
						};
						return {
							ok: true,
							value: {
								value: entry,
								change: (r) =>
									r.entries.length >= MINUTES_LIMITS.entries
										? M.full('Protokolleinträge', MINUTES_LIMITS.entries)
										: { ...r, entries: [...r.entries, entry] }
							}
						};
					}
				);
				if (result.ok && meetingSeen) {
					const plan = await deps.readItems(planId).catch(() => null);
					await deliverTask(deps, caller, meetingSeen, result.value, plan?.title ?? '');
				}
				return result;
			}),

		update: (caller, planId, sessionId, entryId, body) =>
			guarded('update', async () => {
				let meetingSeen: Meeting | null = null;
				const result = await changeEntries<MinutesEntry>(
					caller,
					planId,
					sessionId,
					async (meeting, record) => {
						meetingSeen = meeting;
						const before = record.entries.find((e) => e.id === entryId);
						if (!before) return M.entryNotFound();
						const v = validateEntry(body, before);
						if (!v.ok) return E.invalid(v.message, v.field);
						const resolved = await resolveEntry(planId, v, before);
						if (!resolved.ok) return resolved;
						const entry: MinutesEntry = {
							...before,
							...resolved.value,
							updatedAt: new Date(now()).toISOString()
						};
						return {
							ok: true,
							value: {
								value: entry,
								change: (r) =>
									r.entries.some((e) => e.id === entryId)
										? { ...r, entries: r.entries.map((e) => (e.id === entryId ? entry : e)) }
										: M.entryNotFound()
							}
						};
					}
				);
				if (result.ok && meetingSeen) {
					const plan = await deps.readItems(planId).catch(() => null);
					await deliverTask(deps, caller, meetingSeen, result.value, plan?.title ?? '');
				}
				return result;
			}),

		remove: (caller, planId, sessionId, entryId) =>
			guarded('remove', async () =>
				changeEntries<null>(caller, planId, sessionId, async (_meeting, record) => {
					if (!record.entries.some((e) => e.id === entryId)) return M.entryNotFound();
					return {
						ok: true,
						value: {
							value: null,
							change: (r) =>
								r.entries.some((e) => e.id === entryId)
									? { ...r, entries: r.entries.filter((e) => e.id !== entryId) }
									: M.entryNotFound()
						}
					};
				})
			),

		settings: (caller, planId, sessionId, body, locale = 'de') =>
			guarded('settings', async () => {
				const meeting = await loadMeeting(planId, sessionId);
				if (!meeting) return E.notFound();
				if (!canFacilitate(caller, meeting)) return E.notFacilitator();
				const current = await readRecord(planId, sessionId);
				if (protocolPhase(meeting, current.commentDays, now()).phase === 'endgueltig')
					return M.final();
				let days: number | undefined;
				if (body.commentDays !== undefined) {
					const d = validateCommentDays(body.commentDays);
					if (!d.ok) return E.invalid(d.message, d.field);
					days = d.value;
				}
				let noteTakers: string[] | undefined;
				if (body.noteTakerIds !== undefined) {
					const ids = body.noteTakerIds;
					if (
						!Array.isArray(ids) ||
						ids.length > MINUTES_LIMITS.noteTakers ||
						!ids.every((x) => typeof x === 'string')
					)
						return E.invalid(
							`Bitte höchstens ${MINUTES_LIMITS.noteTakers} Protokollführende als Liste von Konto-IDs angeben.`,
							'noteTakerIds'
						);
					const members = await deps.access.listMembers(planId);
					for (const id of ids) {
						const m = members.find((x) => x.userId === id && !x.invited);
						if (!m || !allows(m.role, 'meeting.minutes')) return M.noNoteTaker();
					}
					noteTakers = [...new Set(ids as string[])];
				}
				await kv.update(minutesKey(planId, sessionId), (raw) => {
					const r = parseMinutes(raw);
					const next = {
						...r,
						...(days !== undefined ? { commentDays: days } : {}),
						...(noteTakers !== undefined ? { noteTakerIds: noteTakers } : {})
					};
					return { value: JSON.stringify(next), result: null };
				});
				return { ok: true, value: await viewOf(caller, meeting, locale) };
			}),

		comment: (caller, planId, sessionId, body) =>
			guarded('comment', async () => {
				const meeting = await loadMeeting(planId, sessionId);
				if (!meeting) return E.notFound();
				const record = await readRecord(planId, sessionId);
				const { phase } = protocolPhase(meeting, record.commentDays, now());
				if (phase === 'entwurf') return M.notOpen();
				if (phase === 'endgueltig') return M.closed();
				if (caller.principal.kind !== 'user') return M.notAttendee();
				if (!(await attended(planId, sessionId, caller.principal.id))) return M.notAttendee();
				const text = longText(body.text, 'text', 'Der Kommentar');
				if (!text.ok) return E.invalid(text.message, text.field);
				const comment: MinutesComment = {
					id: newId('kommentar'),
					text: text.value,
					by: { id: caller.principal.id, name: caller.principal.name },
					at: new Date(now()).toISOString()
				};
				const out = await kv.update<boolean>(minutesKey(planId, sessionId), (raw) => {
					const r = parseMinutes(raw);
					if (r.comments.length >= MINUTES_LIMITS.comments) return { result: false };
					const next = { ...r, comments: [...r.comments, comment] };
					return { value: JSON.stringify(next), result: true };
				});
				if (!out) return M.full('Kommentare', MINUTES_LIMITS.comments);
				return { ok: true, value: comment };
			}),

		protocol: (planId, sessionId, locale = 'de') =>
			guarded('protocol', async () => {
				const meeting = await loadMeeting(planId, sessionId);
				if (!meeting) return E.notFound();
				return {
					ok: true,
					value: await buildProtocolModel(
						deps,
						meeting,
						await readRecord(planId, sessionId),
						locale,
						now
					)
				};
			}),

		decisionLog: (planId, locale = 'de') =>
			guarded('decision log', async () => {
				const ids = await kv.sMembers(K.plan(planId));
				const [meetings, plan] = await Promise.all([
					Promise.all(ids.map((id) => loadMeeting(planId, id))),
					deps.readItems(planId)
				]);
				const items = plan?.items ?? new Map();
				const words = protocolWords(locale);
				const rows: Array<DecisionLogRow & { sort: string }> = [];
				for (const meeting of meetings) {
					if (!meeting) continue;
					const record = await readRecord(planId, meeting.id);
					for (const e of record.entries) {
						if (e.kind !== 'decision') continue;
						rows.push({
							sort: `${meeting.date} ${meeting.time} ${meeting.id} ${e.createdAt}`,
							date: words.day(meeting.date),
							session: meeting.title,
							text: e.text,
							item: itemWording(items, e.itemId, words)
						});
					}
				}
				rows.sort((a, b) => a.sort.localeCompare(b.sort));
				return { ok: true, value: rows.map(({ sort: _sort, ...row }) => row) };
			})
	};
	return service;
}
