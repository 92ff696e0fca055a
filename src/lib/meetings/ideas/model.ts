/**
 * Pure rules of the idea wall shared by server and browser: limits, validation of a new idea, an
 * edit and a cluster title (German messages), the public view of a stored idea (no anonymous
 * author) and the German date of the backlink ("aus der Sitzung vom 12.03.2027").
 */
import type { IdeaCluster, IdeaRecord, IdeaView } from '../../contract/ideas';
import type { InterfaceLocale } from '../../contract/languages';
import * as t from '../../paraglide/messages/_index.js';
import { lineText, type Check } from '../model';

export const IDEA_LIMITS = {
	/** Characters of one idea (after trimming). */
	text: 500,
	ideasPerSession: 2000,
	clusters: 100,
	clusterTitle: 120
} as const;

/** A client-chosen id: 8–64 characters of A–Z, a–z, 0–9, `_` and `-` (e.g. a UUID). */
export const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface NewIdea {
	clientId: string;
	text: string;
	anonymous: boolean;
	fieldId: string | null;
}

export function ideaText(value: unknown): Check<string> {
	return lineText(
		value,
		'text',
		'Die Idee',
		IDEA_LIMITS.text,
		'Bitte schreiben Sie Ihre Idee auf (ein kurzer Satz genügt).'
	);
}

export function validateNewIdea(body: Record<string, unknown>): Check<NewIdea> {
	const clientId = body.clientId;
	if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId))
		return {
			ok: false,
			field: 'clientId',
			message:
				'Die Kennung der Idee („clientId“) fehlt oder ist ungültig (8–64 Zeichen: Buchstaben, Ziffern, _ und -).'
		};
	const text = ideaText(body.text);
	if (!text.ok) return text;
	if (body.anonymous !== undefined && typeof body.anonymous !== 'boolean')
		return { ok: false, field: 'anonymous', message: '„anonymous“ muss true oder false sein.' };
	const fieldId = body.fieldId ?? null;
	if (fieldId !== null && (typeof fieldId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(fieldId)))
		return { ok: false, field: 'fieldId', message: 'Dieses Handlungsfeld gibt es im Plan nicht.' };
	return {
		ok: true,
		value: { clientId, text: text.value, anonymous: body.anonymous === true, fieldId }
	};
}

export interface IdeaEdit {
	text?: string;
	hidden?: boolean;
	clusterId?: string | null;
}

export function validateIdeaEdit(body: Record<string, unknown>): Check<IdeaEdit> {
	const out: IdeaEdit = {};
	if ('text' in body) {
		const text = ideaText(body.text);
		if (!text.ok) return text;
		out.text = text.value;
	}
	if ('hidden' in body) {
		if (typeof body.hidden !== 'boolean')
			return { ok: false, field: 'hidden', message: '„hidden“ muss true oder false sein.' };
		out.hidden = body.hidden;
	}
	if ('clusterId' in body) {
		const c = body.clusterId;
		if (c !== null && (typeof c !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(c)))
			return { ok: false, field: 'clusterId', message: 'Diese Gruppe gibt es nicht (mehr).' };
		out.clusterId = c;
	}
	if (Object.keys(out).length === 0)
		return {
			ok: false,
			field: 'text',
			message: 'Nichts zu ändern: erwartet werden „text“, „hidden“ oder „clusterId“.'
		};
	return { ok: true, value: out };
}

export function clusterTitle(value: unknown): Check<string> {
	return lineText(
		value,
		'title',
		'Der Titel der Gruppe',
		IDEA_LIMITS.clusterTitle,
		'Bitte geben Sie der Gruppe einen Titel.'
	);
}

/** What others see of a stored idea: the author's name only when it was not given anonymously. */
export function ideaView(r: IdeaRecord): IdeaView {
	return {
		id: r.id,
		sessionId: r.sessionId,
		text: r.text,
		anonymous: r.anonymous,
		authorName: r.anonymous ? null : r.author.name,
		fieldId: r.fieldId,
		clusterId: r.clusterId,
		hidden: r.hidden,
		outcome: r.outcome,
		createdAt: r.createdAt,
		rev: r.rev
	};
}

/** "12.03.2027" for "2027-03-12" (the session's calendar date; no time zone involved). */
export function germanDate(isoDate: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
	return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}

/**
 * The description of an item made from a cluster: its visible ideas, one per line, under a lead
 * line. This text is written into the shared plan document (content, not interface), so it is
 * written once, in the language of the person who takes the cluster over (`locale`, the
 * request's interface language; German when none is given) — as the default agenda of a new
 * session. Readers in other languages see it as typed, like any other content.
 */
export function clusterDescription(
	cluster: Pick<IdeaCluster, 'title'>,
	ideas: ReadonlyArray<Pick<IdeaView, 'text'>>,
	max: number,
	locale: InterfaceLocale = 'de'
): string {
	const lead = t.meetings_ideas_from_session({}, { locale });
	const lines = [lead, ...ideas.map((i) => `– ${i.text}`)];
	const text = lines.join('\n');
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Merges pushed ideas into a list (newer `rev` wins), oldest first. */
export function mergeIdeas(list: readonly IdeaView[], changed: readonly IdeaView[]): IdeaView[] {
	const byId = new Map(list.map((i) => [i.id, i]));
	for (const i of changed) {
		const had = byId.get(i.id);
		if (!had || i.rev >= had.rev) byId.set(i.id, i);
	}
	return [...byId.values()].sort(
		(a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
	);
}
