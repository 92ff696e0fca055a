/**
 * Shared parts of the idea wall service (server/ideas/service.ts): dependencies, KV keys,
 * refusals with German messages, tolerant parsing and the id of an idea.
 *
 * Keys (Redis: under `mitplan:app:`):
 *   mt:idea:<planId>:<sessionId>:<ideaId>   JSON  IdeaRecord (one key per idea: atomic changes)
 *   mt:ideas:<planId>:<sessionId>           set   the session's idea ids
 *   mt:iclu:<planId>:<sessionId>            JSON  IdeaCluster[] (the session's clusters)
 *   mt:iplan:<planId>                       set   sessions with ideas (for deleting the plan)
 *   mt:iorig:<planId>:<itemId>              JSON  IdeaItemOrigin (the item's link back)
 *   mt:iclaim:<planId>:<sessionId>:<id>     str   short-lived claim while an idea/cluster is taken over
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../src/lib/contract/actor';
import type { IdeaCluster, IdeaPush, IdeaRecord } from '../../src/lib/contract/ideas';
import type { ApiError } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { HistoryNote } from '../../src/lib/versions/types';
import type { Logger } from '../log';
import type { PlanFields } from '../schedule/common';
import type { KvStore } from '../storage/kv';

/** Makes a goal or measure in the live plan (server/ideas/writeback.ts); null: no such plan. */
export type IdeaItemWriter = (
	planId: string,
	actor: Actor,
	input: { type: 'goal' | 'measure'; parentId: string; title: string; description: string },
	/** The history entry's note ("aus der Sitzung … vom …", worded per reader). */
	note: HistoryNote
) => Promise<{ ok: true; itemId: string } | { ok: false; error: ApiError } | null>;

export interface IdeaDeps {
	kv: KvStore;
	log: Logger;
	/** The plan's fields; null if the plan does not exist. */
	readFields(planId: string): Promise<PlanFields | null>;
	writeItem: IdeaItemWriter;
	/** Pushes changes to everyone in the plan (socket.io `ideas:changed`). */
	emit?: (push: IdeaPush) => void;
	now?: () => number;
}

export const K = {
	idea: (planId: string, sessionId: string, ideaId: string) =>
		`mt:idea:${planId}:${sessionId}:${ideaId}`,
	ideas: (planId: string, sessionId: string) => `mt:ideas:${planId}:${sessionId}`,
	clusters: (planId: string, sessionId: string) => `mt:iclu:${planId}:${sessionId}`,
	plan: (planId: string) => `mt:iplan:${planId}`,
	origin: (planId: string, itemId: string) => `mt:iorig:${planId}:${itemId}`,
	claim: (planId: string, sessionId: string, id: string) => `mt:iclaim:${planId}:${sessionId}:${id}`
};

export const IDEA_ID = /^idee-[A-Za-z0-9_-]{10,40}$/;
export const CLUSTER_ID = /^gruppe-[A-Za-z0-9_-]{6,40}$/;

/**
 * The idea's id from who sent it and the client's id: the same person sending the same `clientId`
 * again (offline queue, retry) lands on the same key; another person's `clientId` never does.
 */
export function ideaIdOf(author: Actor, clientId: string): string {
	const h = createHash('sha256').update(`${author.kind}:${author.id}:${clientId}`).digest();
	return `idee-${h.subarray(0, 16).toString('base64url')}`;
}

const fail = (status: number, code: string, message: string): { ok: false; error: ApiError } => ({
	ok: false,
	error: { status, code, message }
});

export const E = {
	planNotFound: () => ({ ok: false as const, error: PLAN_ERRORS.notFound() }),
	unavailable: () => ({ ok: false as const, error: PLAN_ERRORS.unavailable() }),
	sessionNotFound: () =>
		fail(
			404,
			'session_not_found',
			'Diese Sitzung gibt es nicht (mehr). Bitte öffnen Sie die Liste der Sitzungen neu.'
		),
	ideaNotFound: () =>
		fail(404, 'idea_not_found', 'Diese Idee gibt es nicht (mehr). Bitte laden Sie die Seite neu.'),
	clusterNotFound: () =>
		fail(
			404,
			'cluster_not_found',
			'Diese Gruppe gibt es nicht (mehr). Bitte laden Sie die Seite neu.'
		),
	notParticipant: () =>
		fail(
			403,
			'ideas_viewers_excluded',
			'Mit der Rolle „Nur lesen“ können Sie die Ideen verfolgen, aber keine eigenen hinzufügen.'
		),
	notFacilitator: () =>
		fail(
			403,
			'not_facilitator',
			'Ideen bearbeiten, gruppieren und übernehmen darf nur die Moderation dieser Sitzung oder die Prozesssteuerung.'
		),
	ended: () =>
		fail(
			409,
			'session_ended',
			'Die Sitzung ist beendet – neue Ideen lassen sich nicht mehr hinzufügen.'
		),
	full: (n: number) =>
		fail(
			409,
			'too_many_ideas',
			`Eine Sitzung kann höchstens ${n.toLocaleString('de-DE')} Ideen sammeln.`
		),
	tooManyClusters: (n: number) =>
		fail(409, 'too_many_clusters', `Eine Sitzung kann höchstens ${n} Gruppen haben.`),
	taken: (title: string) =>
		fail(409, 'idea_taken', `Daraus wurde bereits „${title}“ auf der Planungstafel angelegt.`),
	busy: () =>
		fail(
			409,
			'idea_busy',
			'Daraus wird gerade ein Element angelegt. Bitte laden Sie die Seite gleich neu.'
		),
	clusterTaken: () =>
		fail(
			409,
			'cluster_taken',
			'Diese Gruppe wurde schon übernommen; ihre Ideen bleiben, wie sie sind.'
		),
	emptyCluster: () =>
		fail(
			400,
			'cluster_empty',
			'Die Gruppe enthält keine sichtbare Idee. Bitte ordnen Sie zuerst Ideen zu.'
		),
	noField: () => fail(400, 'field_not_found', 'Dieses Handlungsfeld gibt es im Plan nicht.'),
	invalid: (message: string, field?: string) => ({
		ok: false as const,
		error: { status: 400, code: 'invalid_value', message, ...(field ? { field } : {}) }
	})
};

export function parseIdea(raw: string | null): IdeaRecord | null {
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as IdeaRecord;
		if (!v || typeof v !== 'object' || typeof v.id !== 'string' || typeof v.text !== 'string')
			return null;
		v.clusterId ??= null;
		v.outcome ??= null;
		v.fieldId ??= null;
		v.hidden = v.hidden === true;
		v.rev = typeof v.rev === 'number' ? v.rev : 1;
		return v;
	} catch {
		return null;
	}
}

export function parseClusters(raw: string | null): IdeaCluster[] {
	if (!raw) return [];
	try {
		const v = JSON.parse(raw) as unknown;
		return Array.isArray(v)
			? v
					.filter((c): c is IdeaCluster => !!c && typeof c.id === 'string')
					.map((c) => ({
						...c,
						outcome: c.outcome ?? null
					}))
			: [];
	} catch {
		return [];
	}
}
