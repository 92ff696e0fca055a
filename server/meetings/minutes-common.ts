/**
 * Shared parts of the minutes service (server/meetings/minutes.ts): its dependencies, the KV key
 * and tolerant parsing of a session's MinutesRecord, and refusals with German messages.
 */
import type { MinutesPush, MinutesRecord, ProtocolIdea } from '../../src/lib/contract/minutes';
import type { ReviewService } from '../../src/lib/contract/review';
import type { VersionsBackend } from '../../src/lib/contract/versions';
import type { VoteService } from '../../src/lib/contract/votes';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import { emptyMinutes } from '../../src/lib/meetings/minutes-model';
import type { AccessService } from '../auth/types';
import type { Logger } from '../log';
import type { PlanItemsReader } from '../review/items';
import type { KvStore } from '../storage/kv';
import { K, fail, parseJson } from './common';

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

export const minutesKey = K.minutes;

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

export const M = {
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
