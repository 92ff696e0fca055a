/**
 * Words of the version history in the reader's language (issue „Sprachen“): the note the server
 * writes with an entry (stored as kind + params since 06.12.2026; older entries keep their German
 * sentence) and the name of a system actor (stored as „System“ / „Mitplan (automatisch)“ with
 * kind `system`, shown per reader). Pure and with explicit locale, so the browser (history,
 * versions, audit log) and the server (protocol, the German sentence it stores) share it; imports
 * are relative (the custom server bundles this file).
 */
import * as t from '../paraglide/messages/_index.js';
import type { InterfaceLocale } from '../contract/languages';
import type { HistoryEntry, HistoryNote, VersionActor } from './types';

type O = { locale: InterfaceLocale };

/** "12.03.2027" (German, as stored before) / "12/03/2027". */
function day(iso: string, o: O): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return o.locale === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** The note's sentence in this language. */
export function noteText(note: HistoryNote, locale: InterfaceLocale): string {
	const o = { locale };
	// Titles as typed (the German sentence stored before did not nest quotes either).
	switch (note.kind) {
		case 'idea_session':
			return t.versions_note_idea_session({ session: note.session, date: day(note.date, o) }, o);
		case 'vote':
			return note.confirmed
				? t.versions_note_vote_confirmed({ vote: note.vote }, o)
				: t.versions_note_vote({ vote: note.vote }, o);
		default:
			return '';
	}
}

/** An entry's note in this language; old entries (only `note`): their stored sentence. */
export function historyNoteText(
	entry: Pick<HistoryEntry, 'note' | 'noteParams'>,
	locale: InterfaceLocale
): string {
	if (entry.noteParams && typeof entry.noteParams === 'object') {
		const text = noteText(entry.noteParams, locale);
		if (text) return text;
	}
	return typeof entry.note === 'string' ? entry.note : '';
}

/** What the server names an automatic version (server/versions/auto-snapshots.ts), German. */
const AUTO_NAME = 'Automatisch gesichert, ';

/**
 * A version's name for showing: names people typed stay; an automatic version's German name
 * („Automatisch gesichert, 05.12.26, 14:30“) is worded in the reader's language with `when` (its
 * time, formatted by the caller). German: the stored name as it is.
 */
export function versionName(
	v: { kind: string; name: string },
	locale: InterfaceLocale,
	when: string
): string {
	if (locale === 'de' || v.kind !== 'auto' || !v.name.startsWith(AUTO_NAME)) return v.name;
	return t.versions_auto_name({ when }, { locale });
}

/**
 * A compared side's name for showing: the version list's name (already worded for the reader,
 * see versionName) when the side is in it, else the name as stored.
 */
export function sideName(
	side: { id: string; name: string },
	shown: readonly { id: string; name: string }[]
): string {
	return shown.find((v) => v.id === side.id)?.name ?? side.name;
}

/** Names the server stores for its own actors (kind `system`), worded per reader. */
const SYSTEM_NAMES: Record<string, (i: object, o: O) => string> = {
	System: t.versions_actor_system,
	'Mitplan (automatisch)': t.versions_actor_auto
};

/** What the server stored for a person without a display name before 06.12.2026. */
const LEGACY_UNKNOWN = 'Unbekannt';

/**
 * Who made a change or version: a person's name as stored, a system actor per reader. A person
 * without a display name (stored as '' since 06.12.2026, as „Unbekannt“ before) is „Gast“ /
 * „Guest“ for a guest, else „Unbekannt“ / „Unknown“.
 */
export function actorLabel(
	actor: Pick<VersionActor, 'name' | 'kind'>,
	locale: InterfaceLocale
): string {
	const o = { locale };
	if (actor.kind === 'system') {
		const word = SYSTEM_NAMES[actor.name] ?? (actor.name ? undefined : t.versions_actor_system);
		if (word) return word({}, o);
		return actor.name;
	}
	if (!actor.name || actor.name === LEGACY_UNKNOWN)
		return actor.kind === 'guest' ? t.versions_actor_guest({}, o) : t.versions_actor_unknown({}, o);
	return actor.name;
}
