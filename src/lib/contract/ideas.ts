/**
 * The idea wall contract (issue 13, item 5, "Ideensammlung"): short idea cards collected live in
 * a session, grouped into clusters by the facilitator and turned into a Ziel or Maßnahme of the
 * plan (with a link back to the session). What the JSON API answers with, what socket.io pushes
 * (`ideas:changed`) and the service the app calls (server/ideas).
 */
import type { Actor } from './actor';
import type { Principal } from './access';
import type { InterfaceLocale } from './languages';
import type { ApiResult } from './result';
import type { PlanRole } from './roles';

/** What became of an idea or a cluster: the item made from it on the board. */
export interface IdeaOutcome {
	itemId: string;
	itemType: 'goal' | 'measure';
	/** The item's title when it was made. */
	itemTitle: string;
	at: string;
	by: Actor;
	/** The idea went in alone ('idea') or as part of a cluster ('cluster'). */
	via: 'idea' | 'cluster';
}

/** One idea card as everyone sees it. The author's name is null when it was given anonymously. */
export interface IdeaView {
	id: string;
	sessionId: string;
	text: string;
	anonymous: boolean;
	/** Never sent for anonymous ideas (not even to the facilitator). */
	authorName: string | null;
	/** The Handlungsfeld the idea is about, or null. */
	fieldId: string | null;
	clusterId: string | null;
	/** Hidden by the facilitator (off the wall and the projector; stays in the record). */
	hidden: boolean;
	outcome: IdeaOutcome | null;
	createdAt: string;
	/** Grows with every change (clients keep the newest). */
	rev: number;
}

/** The stored idea (server only): with the author and the client's id for repeats. */
export interface IdeaRecord extends Omit<IdeaView, 'authorName'> {
	planId: string;
	/** The id the client chose; a repeat of the same `clientId` by the same person is the same idea. */
	clientId: string;
	author: Actor;
}

export interface IdeaCluster {
	id: string;
	title: string;
	createdAt: string;
	outcome: IdeaOutcome | null;
}

/** The whole wall of a session, as the caller sees it. */
export interface IdeaWall {
	ideas: IdeaView[];
	clusters: IdeaCluster[];
	/** May the caller add ideas (`meeting.ideas`, and the session has not ended)? */
	canAdd: boolean;
	/** The session has ended: the wall stays readable, nothing is added any more. */
	ended: boolean;
	/** May the caller edit, group, hide and take over ideas (the session's Moderation)? */
	canModerate: boolean;
}

/** The push of changes (socket.io `ideas:changed`, to the plan room). */
export interface IdeaPush {
	planId: string;
	sessionId: string;
	/** Changed or new ideas (hidden ones included: the facilitator's wall shows them). */
	ideas: IdeaView[];
	/** All clusters of the session when they changed, else null. */
	clusters: IdeaCluster[] | null;
}

/** Where an item came from (detail panel): the session and the ideas. */
export interface IdeaItemOrigin {
	planId: string;
	sessionId: string;
	sessionTitle: string;
	/** YYYY-MM-DD of the session. */
	sessionDate: string;
	ideaIds: string[];
	clusterId: string | null;
}

/** For the Sitzungsprotokoll: every idea with its cluster title and what became of it. */
export interface SessionIdeaEntry {
	id: string;
	text: string;
	authorName: string | null;
	clusterTitle: string | null;
	hidden: boolean;
	createdAt: string;
	outcome: IdeaOutcome | null;
}

export interface IdeaCaller {
	principal: Principal;
	role: PlanRole;
}

export interface IdeaService {
	wall(caller: IdeaCaller, planId: string, sessionId: string): Promise<ApiResult<IdeaWall>>;
	/**
	 * `{clientId, text, anonymous?, fieldId?}` adds an idea (participants, `meeting.ideas`). A repeat
	 * of the same `clientId` by the same person returns the stored idea (`created: false`).
	 */
	add(
		caller: IdeaCaller,
		planId: string,
		sessionId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<{ idea: IdeaView; created: boolean }>>;
	/** `{text?, hidden?, clusterId?}` (facilitator). */
	edit(
		caller: IdeaCaller,
		planId: string,
		sessionId: string,
		ideaId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<IdeaView>>;
	/** `{title}` creates a cluster (facilitator). */
	addCluster(
		caller: IdeaCaller,
		planId: string,
		sessionId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<IdeaCluster>>;
	renameCluster(
		caller: IdeaCaller,
		planId: string,
		sessionId: string,
		clusterId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<IdeaCluster>>;
	/** Removes a cluster; its ideas stay, ungrouped (not once it was taken over). */
	removeCluster(
		caller: IdeaCaller,
		planId: string,
		sessionId: string,
		clusterId: string
	): Promise<ApiResult<null>>;
	/**
	 * `{type: 'goal'|'measure', parentId}` turns an idea (`target.kind = 'idea'`) or a cluster into
	 * a new Ziel (parent: a Handlungsfeld) or Maßnahme (parent: a Ziel) in the live plan, with
	 * a history entry and a link back to the session. A second time: 409 `idea_taken`. A cluster's
	 * description ("Ideen aus der Sitzung: …") is written in `locale`, the language of the person
	 * taking it over (default German); it is plan content from then on.
	 */
	convert(
		caller: IdeaCaller,
		planId: string,
		sessionId: string,
		target: { kind: 'idea' | 'cluster'; id: string },
		body: Record<string, unknown>,
		locale?: InterfaceLocale
	): Promise<ApiResult<{ itemId: string; outcome: IdeaOutcome }>>;
	/** The session an item was made from (detail panel); null when it was not. */
	origin(planId: string, itemId: string): Promise<ApiResult<IdeaItemOrigin | null>>;
	/** For the Sitzungsprotokoll: all ideas of the session with cluster and outcome. */
	listSessionIdeas(planId: string, sessionId: string): Promise<ApiResult<SessionIdeaEntry[]>>;
	/** The plan was deleted: its ideas go with it. */
	forgetPlan(planId: string): Promise<void>;
}
