/**
 * The Sitzungsprotokoll as pure functions: limits, validation of entries and comments, the
 * comment window (phase computed from the session's end and the time, no job) and the builder
 * that turns a session's data into the display-ready ProtocolModel (page and PDF use the same).
 */
import type { Attendance, Meeting, MeetingLive } from '../contract/meetings';
import type {
	MinutesEntry,
	MinutesEntryKind,
	MinutesRecord,
	ProtocolEntry,
	ProtocolIdea,
	ProtocolModel,
	ProtocolPhase
} from '../contract/minutes';
import type { VoteView } from '../contract/votes';
import { DEFAULT_TIME_ZONE, localDateAndTime } from '../domain/time-zone';
import type { ItemType } from '../domain/types';
import type { HistoryEntry } from '../versions/types';
import { actorLabel, historyNoteText } from '../versions/history-text';
import type { InterfaceLocale } from '../contract/languages';
import { protocolWords, type ProtocolWords } from './protocol-words';
import { isCalendarDate, type Check } from './model';

export const MINUTES_LIMITS = {
	text: 2000,
	entries: 500,
	comments: 500,
	assigneeName: 120,
	noteTakers: 10,
	commentDaysMin: 1,
	commentDaysMax: 60,
	commentDaysDefault: 7
} as const;

const KINDS: readonly MinutesEntryKind[] = ['decision', 'task', 'question'];
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Line breaks and tabs are fine in a longer text; other control characters are not.
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\u0000-\u001f\u007f]/;

export function emptyMinutes(): MinutesRecord {
	return {
		entries: [],
		noteTakerIds: [],
		commentDays: MINUTES_LIMITS.commentDaysDefault,
		comments: [],
		delivered: {}
	};
}

/** A longer text (entry, comment): trimmed, 1–2,000 characters, line breaks allowed. */
export function longText(value: unknown, field: string, label: string): Check<string> {
	if (typeof value !== 'string')
		return { ok: false, field, message: `${label}: bitte einen Text angeben.` };
	const text = value.replace(/\r\n?/g, '\n').trim();
	if (!text) return { ok: false, field, message: `${label}: bitte einen Text angeben.` };
	if (text.length > MINUTES_LIMITS.text)
		return {
			ok: false,
			field,
			message: `${label} ist zu lang (${text.length.toLocaleString('de-DE')} Zeichen, höchstens ${MINUTES_LIMITS.text.toLocaleString('de-DE')}).`
		};
	if (CONTROL_MULTI.test(text))
		return { ok: false, field, message: `${label} darf keine Steuerzeichen enthalten.` };
	return { ok: true, value: text };
}

/** What a request may set on an entry (the service checks the item and the member). */
export interface EntryInput {
	kind: MinutesEntryKind;
	text: string;
	itemId: string | null;
	assigneeId: string | null;
	assigneeName: string;
	dueDate: string;
}

/**
 * Validates a new entry, or an edit merged onto `before`. A task needs someone responsible: a
 * member (`assigneeId`) or a free-text name; other kinds carry no assignee and no due date.
 */
export function validateEntry(
	body: Record<string, unknown>,
	before?: EntryInput
): Check<EntryInput> {
	const merged = { ...before, ...body } as Record<string, unknown>;
	const kind = merged.kind;
	if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind))
		return {
			ok: false,
			field: 'kind',
			message:
				'Bitte wählen Sie: Beschluss (decision), Aufgabe (task) oder offene Frage (question).'
		};
	const text = longText(merged.text, 'text', 'Der Text');
	if (!text.ok) return text;
	const rawItem = merged.itemId ?? null;
	if (rawItem !== null && rawItem !== '' && (typeof rawItem !== 'string' || !ITEM_ID.test(rawItem)))
		return { ok: false, field: 'itemId', message: 'Ungültige Element-ID.' };
	const itemId = typeof rawItem === 'string' && rawItem !== '' ? rawItem : null;
	if (kind !== 'task')
		return {
			ok: true,
			value: {
				kind: kind as MinutesEntryKind,
				text: text.value,
				itemId,
				assigneeId: null,
				assigneeName: '',
				dueDate: ''
			}
		};
	const rawAssignee = merged.assigneeId ?? null;
	if (rawAssignee !== null && rawAssignee !== '' && typeof rawAssignee !== 'string')
		return { ok: false, field: 'assigneeId', message: 'Ungültige Angabe der zuständigen Person.' };
	const assigneeId = typeof rawAssignee === 'string' && rawAssignee !== '' ? rawAssignee : null;
	const rawName = merged.assigneeName ?? '';
	if (typeof rawName !== 'string')
		return { ok: false, field: 'assigneeName', message: 'Wer: bitte einen Namen angeben.' };
	const name = rawName.trim();
	if (name.length > MINUTES_LIMITS.assigneeName)
		return {
			ok: false,
			field: 'assigneeName',
			message: `Der Name ist zu lang (höchstens ${MINUTES_LIMITS.assigneeName} Zeichen).`
		};
	if (CONTROL_LINE.test(name))
		return {
			ok: false,
			field: 'assigneeName',
			message: 'Der Name darf keine Steuerzeichen enthalten.'
		};
	if (!assigneeId && !name)
		return {
			ok: false,
			field: 'assigneeName',
			message: 'Eine Aufgabe braucht jemanden, der sie übernimmt: ein Mitglied oder einen Namen.'
		};
	const due = merged.dueDate ?? '';
	if (due !== '' && !isCalendarDate(due))
		return {
			ok: false,
			field: 'dueDate',
			message: 'Das Datum „bis wann“ muss ein gültiges Datum (JJJJ-MM-TT) sein.'
		};
	return {
		ok: true,
		value: {
			kind: 'task',
			text: text.value,
			itemId,
			assigneeId,
			assigneeName: name,
			dueDate: due as string
		}
	};
}

/** Comment window days: an integer 1–60. */
export function validateCommentDays(value: unknown): Check<number> {
	if (
		typeof value !== 'number' ||
		!Number.isInteger(value) ||
		value < MINUTES_LIMITS.commentDaysMin ||
		value > MINUTES_LIMITS.commentDaysMax
	)
		return {
			ok: false,
			field: 'commentDays',
			message: `Die Kommentarfrist muss zwischen ${MINUTES_LIMITS.commentDaysMin} und ${MINUTES_LIMITS.commentDaysMax} Tagen liegen.`
		};
	return { ok: true, value };
}

/** Where the protocol stands at `now` (ms), and until when comments are taken. */
export function protocolPhase(
	meeting: Pick<Meeting, 'status' | 'endedAt'>,
	commentDays: number,
	now: number
): { phase: ProtocolPhase; commentsUntil: string | null } {
	if (meeting.status !== 'beendet' || !meeting.endedAt)
		return { phase: 'entwurf', commentsUntil: null };
	const until = Date.parse(meeting.endedAt) + commentDays * 86_400_000;
	return {
		phase: now < until ? 'kommentierung' : 'endgueltig',
		commentsUntil: new Date(until).toISOString()
	};
}

/** Everything the protocol is made of; the server collects it, this module words it. */
export interface ProtocolInput {
	meeting: Meeting;
	live: MeetingLive;
	attendance: Attendance;
	record: MinutesRecord;
	planTitle: string;
	municipality: string;
	items: ReadonlyMap<string, { type: ItemType; title: string }>;
	/** The session's votes. */
	votes: readonly VoteView[];
	/** History entries of the plan (any order); those inside the session's time are used. */
	history: readonly HistoryEntry[];
	/** Ideas with their outcome; null/undefined when no idea source is wired (section omitted). */
	ideas?: ProtocolIdea[] | null;
	noteTakerNames: string[];
	now: number;
	timeZone?: string;
}

/** "Donnerstag, 12. März 2027" (German) / "Thursday 12 March 2027" (English) for a YYYY-MM-DD. */
export function longDate(iso: string, locale: InterfaceLocale = 'de'): string {
	return protocolWords(locale).longDate(iso);
}

/** "Maßnahme „Sprachcafé“" / "Measure “Sprachcafé”", or "(gelöschtes Element)"; '' without an item. */
export function itemWording(
	items: ProtocolInput['items'],
	itemId: string | null,
	locale: InterfaceLocale | ProtocolWords = 'de'
): string {
	if (!itemId) return '';
	const w = typeof locale === 'string' ? protocolWords(locale) : locale;
	const item = items.get(itemId);
	if (!item) return w.deletedItem();
	return `${w.typeLabel(item.type)} ${w.quote(item.title.trim() || w.untitled())}`;
}

function entryOf(e: MinutesEntry, items: ProtocolInput['items'], w: ProtocolWords): ProtocolEntry {
	return {
		id: e.id,
		text: e.text,
		item: itemWording(items, e.itemId, w),
		itemId: e.itemId,
		assignee: e.kind === 'task' ? e.assigneeName : '',
		due: e.kind === 'task' && e.dueDate ? w.day(e.dueDate) : ''
	};
}

/** Builds the protocol in `locale` (the reader's interface language); pure (time zone and `now` are inputs). */
export function buildProtocol(input: ProtocolInput, locale: InterfaceLocale = 'de'): ProtocolModel {
	const { meeting, live, attendance, record, items } = input;
	const w = protocolWords(locale);
	const zone = input.timeZone ?? DEFAULT_TIME_ZONE;
	const clock = (ms: number) => localDateAndTime(new Date(ms).toISOString(), zone)?.time ?? '';
	const stamp = (iso: string) => {
		const at = localDateAndTime(iso, zone);
		return at ? w.stamp(w.day(at.date), at.time) : '';
	};
	const { phase, commentsUntil } = protocolPhase(meeting, record.commentDays, input.now);

	const startMs = meeting.startedAt ? Date.parse(meeting.startedAt) : null;
	const endMs = meeting.endedAt ? Date.parse(meeting.endedAt) : null;
	// A span "18:05–18:40"; an open one ends at the session's end, else "now".
	const span = (from: number, to: number | null) =>
		`${clock(from)}–${to !== null ? clock(to) : endMs !== null ? clock(endMs) : w.now()}`;
	let timeLabel = meeting.time ? w.plannedTime(meeting.time) : '';
	if (startMs !== null)
		timeLabel =
			endMs !== null
				? w.timeRange(clock(startMs), clock(endMs))
				: `${clock(startMs)}–${w.running()}`;

	// Attendance: one line per person online (their connections merged), people in the room.
	const people = new Map<string, { name: string; guest: boolean; spans: string[] }>();
	for (const o of [...attendance.online].sort((a, b) => a.from - b.from)) {
		const p = people.get(o.principalId) ?? { name: o.name, guest: o.kind === 'guest', spans: [] };
		p.spans.push(span(o.from, o.to));
		people.set(o.principalId, p);
	}
	const online = [...people.values()]
		.map((p) => ({ name: p.name, guest: p.guest, times: [...new Set(p.spans)].join(', ') }))
		.sort((a, b) => w.compare(a.name, b.name));
	const inRoom = attendance.inRoom.map((p) => ({ name: p.name, organisation: p.organisation }));

	const agenda = meeting.agenda.map((step) => {
		const runs = live.steps.filter((r) => r.stepId === step.id);
		const actualMin = runs.reduce(
			(sum, r) => sum + ((r.endedAt ?? endMs ?? r.startedAt) - r.startedAt) / 60_000,
			0
		);
		return {
			title: step.title,
			planned: w.minutes(step.minutes),
			actual:
				runs.length === 0
					? w.notCovered()
					: `${runs.map((r) => span(r.startedAt, r.endedAt)).join(', ')} (${w.minutes(Math.round(actualMin))})`
		};
	});

	const votes = [...input.votes]
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
		.map((v) => {
			const priorities: string[] = [];
			for (const app of v.applications) {
				for (const [itemId, prio] of Object.entries(app.priorities)) {
					const target = v.targets.find((x) => x.itemId === itemId);
					const label = items.has(itemId) ? itemWording(items, itemId, w) : '';
					priorities.push(`${label || w.quote(target?.title ?? itemId)}: ${w.priority(prio)}`);
				}
			}
			return {
				title: v.title,
				status: w.voteStatus(v.status === 'open'),
				voters: v.voterCount,
				results: (v.results ?? []).map((r) => ({
					rank: r.rank,
					title: r.title,
					total: r.total,
					online: r.online,
					room: r.room
				})),
				priorities: [...new Set(priorities)]
			};
		});

	const changes =
		startMs === null
			? []
			: input.history
					.filter((h) => {
						const at = Date.parse(h.at);
						return at >= startMs && (endMs === null || at <= endMs);
					})
					.sort((a, b) => a.at.localeCompare(b.at))
					.map((h) => {
						const item = items.get(h.itemId);
						const type = item?.type ?? h.itemType;
						const label =
							h.itemId === '_plan'
								? w.plan()
								: item
									? itemWording(items, h.itemId, w)
									: type
										? w.deletedType(type)
										: w.deletedItem();
						const fields =
							h.action === 'changed' && h.fields.length > 0 && type
								? `: ${h.fields.map((f) => w.fieldLabel(type, f)).join(', ')}`
								: '';
						const note = historyNoteText(h, locale);
						return {
							time: clock(Date.parse(h.at)),
							who: actorLabel(h.actor, locale),
							item: label,
							what: `${w.action(h.action)}${fields}${note ? ` (${note})` : ''}`
						};
					});

	const ofKind = (kind: MinutesEntryKind) =>
		record.entries.filter((e) => e.kind === kind).map((e) => entryOf(e, items, w));

	return {
		locale,
		planId: meeting.planId,
		sessionId: meeting.id,
		planTitle: input.planTitle,
		municipality: input.municipality,
		title: meeting.title,
		dateLabel: w.longDate(meeting.date),
		timeLabel,
		room: meeting.room,
		videoLink: meeting.videoLink,
		facilitator: meeting.facilitatorName ?? w.facilitator(),
		noteTakers: input.noteTakerNames,
		phase,
		phaseLabel: w.phase(phase),
		commentsUntil,
		commentsUntilLabel: commentsUntil ? w.until(stamp(commentsUntil)) : '',
		attendance: {
			online,
			inRoom,
			headCount: attendance.headCount,
			total: online.length + inRoom.length + attendance.headCount
		},
		agenda,
		ideas: input.ideas ?? null,
		votes,
		decisions: ofKind('decision'),
		tasks: ofKind('task'),
		questions: ofKind('question'),
		changes,
		comments: record.comments.map((c) => ({ who: c.by.name, at: stamp(c.at), text: c.text }))
	};
}
