/**
 * Sitzungsprotokoll service (issue 13, item 7): decisions, tasks and open questions recorded
 * during a session (facilitator or named note-taker), tasks delivered once into the named member's
 * inbox, the comment window after the end (attendees with an account; phase from the time), the
 * protocol model (page and PDF) and the decision log of all sessions. One KV key per session
 * (`mt:min:<planId>:<sessionId>`, JSON MinutesRecord), changed only in atomic updates.
 */
import type { ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { Meeting, MeetingCaller } from '../../src/lib/contract/meetings';
import type {
	DecisionLogRow,
	MinutesComment,
	MinutesEntry,
	MinutesPush,
	MinutesRecord,
	MinutesService,
	ProtocolIdea,
	ProtocolModel,
	ProtocolView
} from '../../src/lib/contract/minutes';
import type { ReviewService } from '../../src/lib/contract/review';
import type { VersionsBackend } from '../../src/lib/contract/versions';
import type { VoteService } from '../../src/lib/contract/votes';
import { allows } from '../../src/lib/contract/policy';
import {
	MINUTES_LIMITS,
	buildProtocol,
	emptyMinutes,
	itemWording,
	longText,
	protocolPhase,
	validateCommentDays,
	validateEntry
} from '../../src/lib/meetings/minutes-model';
import { protocolWords } from '../../src/lib/meetings/protocol-words';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import type { AccessService } from '../auth/types';
import type { Logger } from '../log';
import type { PlanItemsReader } from '../review/items';
import { isKvError, type KvStore } from '../storage/kv';
import {
	E,
	K,
	SESSION_ID,
	fail,
	newId,
	parseAttendance,
	parseJson,
	parseLive,
	parseMeeting
} from './common';
import { canFacilitate } from './service';

export interface MinutesDeps {
	kv: KvStore;
	log: Logger;
	access: Pick<AccessService, 'listMembers'>;
	readItems: PlanItemsReader;
	/** The plan's municipality for the protocol's head ('' when unknown). */
	municipality?: (planId: string) => Promise<string>;
	votes: Pick<VoteService, 'list'>;
	versions: Pick<VersionsBackend, 'history'>;
	inbox: Pick<ReviewService, 'deliver'>;
	/** The idea wall's ideas of a session with their outcome; absent = section left out. */
	ideas?: (
		planId: string,
		sessionId: string,
		locale: InterfaceLocale
	) => Promise<ProtocolIdea[] | null>;
	/** Pushes changed entries to the plan room (socket.io `meeting:minutes`). */
	emit?: (push: MinutesPush) => void;
	timeZone?: string;
	now?: () => number;
}

const minutesKey = K.minutes;

export function parseMinutes(raw: string | null): MinutesRecord {
	const v = parseJson<MinutesRecord>(raw, (m) => Array.isArray(m.entries));
	const base = emptyMinutes();
	if (!v) return base;
	return {
		entries: v.entries,
		noteTakerIds: Array.isArray(v.noteTakerIds) ? v.noteTakerIds : [],
		commentDays: typeof v.commentDays === 'number' ? v.commentDays : base.commentDays,
		comments: Array.isArray(v.comments) ? v.comments : [],
		delivered: v.delivered && typeof v.delivered === 'object' ? v.delivered : {}
	};
}

const M = {
	frozen: () =>
		fail(
			409,
			'protocol_frozen',
			'Die Sitzung ist beendet: Beschlüsse, Aufgaben und offene Fragen lassen sich nicht mehr ändern. Ergänzungen bitte als Kommentar.'
		),
	notRecorder: () =>
		fail(
			403,
			'not_note_taker',
			'Das Protokoll führen nur die Moderation dieser Sitzung und die benannten Protokollführenden.'
		),
	entryNotFound: () =>
		fail(404, 'entry_not_found', 'Diesen Protokolleintrag gibt es nicht (mehr).'),
	noItem: () =>
		fail(
			400,
			'item_not_found',
			'Dieses Element gibt es im Plan nicht (mehr). Bitte wählen Sie ein anderes.'
		),
	noMember: () =>
		fail(
			400,
			'assignee_not_member',
			'Diese Person ist kein Mitglied des Plans. Tragen Sie stattdessen ihren Namen ein.'
		),
	noNoteTaker: () =>
		fail(
			400,
			'note_taker_not_editor',
			'Protokoll führen kann nur ein Mitglied mit Bearbeitungsrechten.'
		),
	notOpen: () =>
		fail(
			409,
			'comments_not_open',
			'Kommentare zum Protokoll sind erst möglich, wenn die Sitzung beendet ist.'
		),
	closed: () =>
		fail(
			409,
			'comments_closed',
			'Die Kommentarfrist ist abgelaufen: Das Protokoll ist endgültig und nimmt keine Kommentare mehr an.'
		),
	final: () =>
		fail(
			409,
			'protocol_final',
			'Das Protokoll ist endgültig; die Einstellungen lassen sich nicht mehr ändern.'
		),
	notAttendee: () =>
		fail(
			403,
			'not_attendee',
			'Kommentieren dürfen nur Personen mit Konto, die an der Sitzung teilgenommen haben.'
		),
	full: (what: string, max: number) =>
		fail(409, 'too_many_entries', `Höchstens ${max} ${what} pro Sitzung.`)
};

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

	async function buildModel(
		meeting: Meeting,
		record: MinutesRecord,
		locale: InterfaceLocale
	): Promise<ProtocolModel> {
		const { planId, id: sessionId } = meeting;
		const [live, attendance, plan, votes, history, members, municipality, ideas] =
			await Promise.all([
				kv.get(K.live(planId, sessionId)).then(parseLive),
				kv.get(K.attendance(planId, sessionId)).then(parseAttendance),
				deps.readItems(planId),
				deps.votes.list(planId, sessionId),
				meeting.startedAt
					? deps.versions.history(planId, null, 2000)
					: Promise.resolve({ ok: true as const, value: [] }),
				deps.access.listMembers(planId),
				deps.municipality?.(planId).catch(() => '') ?? Promise.resolve(''),
				deps.ideas?.(planId, sessionId, locale).catch((error) => {
					log.warn('[minutes] ideas not read', { error });
					return null;
				}) ?? Promise.resolve(null)
			]);
		const names = new Map(members.map((m) => [m.userId, m.name]));
		return buildProtocol(
			{
				meeting,
				live,
				attendance: {
					online: attendance.online.map(({ conn: _conn, ...o }) => o),
					inRoom: attendance.inRoom,
					headCount: attendance.headCount
				},
				record,
				planTitle: plan?.title ?? '',
				municipality,
				items: plan?.items ?? new Map(),
				votes: votes.ok ? votes.value : [],
				history: history.ok ? history.value : [],
				ideas,
				noteTakerNames: record.noteTakerIds.map(
					(id) => names.get(id) ?? protocolWords(locale).formerMember()
				),
				now: now(),
				timeZone: deps.timeZone
			},
			locale
		);
	}

	async function viewOf(
		caller: MeetingCaller,
		meeting: Meeting,
		locale: InterfaceLocale
	): Promise<ProtocolView> {
		const record = await readRecord(meeting.planId, meeting.id);
		const protocol = await buildModel(meeting, record, locale);
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

	/** Delivers a task to the member named, once per task and member. */
	async function deliverTask(
		caller: MeetingCaller,
		meeting: Meeting,
		entry: MinutesEntry,
		planTitle: string
	) {
		if (entry.kind !== 'task' || !entry.assigneeId) return;
		const assignee = entry.assigneeId;
		const first = await kv.update<boolean>(minutesKey(meeting.planId, meeting.id), (raw) => {
			const r = parseMinutes(raw);
			if (r.delivered[entry.id] === assignee) return { result: false };
			const next = { ...r, delivered: { ...r.delivered, [entry.id]: assignee } };
			return { value: JSON.stringify(next), result: true };
		});
		if (!first) return;
		const short = entry.text.length > 140 ? `${entry.text.slice(0, 139)}…` : entry.text;
		await deps.inbox
			.deliver(assignee, {
				kind: 'meeting_task',
				planId: meeting.planId,
				planTitle,
				itemId: entry.itemId,
				threadId: null,
				actor: {
					id: caller.principal.id,
					name: caller.principal.name,
					kind: caller.principal.kind
				},
				// The sentence is made in the reader's language (src/lib/review/notice-text.ts).
				params: {
					meeting: meeting.title,
					task: short,
					...(entry.dueDate ? { due: entry.dueDate } : {})
				}
			})
			.catch((error) => log.warn('[minutes] task not delivered', { error }));
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
					await deliverTask(caller, meetingSeen, result.value, plan?.title ?? '');
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
					await deliverTask(caller, meetingSeen, result.value, plan?.title ?? '');
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
					value: await buildModel(meeting, await readRecord(planId, sessionId), locale)
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
