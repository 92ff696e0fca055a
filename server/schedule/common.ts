/**
 * Shared parts of the Zeitplan service (server/schedule/service.ts): dependencies, KV keys, the
 * feed record, refusals with German messages and tolerant parsing of stored JSON.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiError } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { AutoEntry, Schedule, ScheduleError } from '../../src/lib/domain/schedule';
import type { KvStore } from '../storage/kv';
import type { AccessService } from '../auth/types';
import type { Logger } from '../log';

export interface PlanFields {
	title: string;
	fields: Array<{ id: string; title: string }>;
}

export interface ScheduleDeps {
	kv: KvStore;
	log: Logger;
	access: Pick<AccessService, 'getUser' | 'roleFor'>;
	/** The plan's title and fields in board order; null if the plan does not exist. */
	readFields(planId: string): Promise<PlanFields | null>;
	/** Dated entries of the plan's feedback rounds and review requests. */
	automatic(planId: string): Promise<AutoEntry[]>;
	timeZone: string;
	now?: () => number;
}

export const K = {
	plan: (planId: string) => `zp:plan:${planId}`,
	feed: (hash: string) => `zp:feed:${hash}`,
	member: (planId: string, userId: string) => `zp:member:${planId}:${userId}`,
	feeds: (planId: string) => `zp:feeds:${planId}`
};

export interface FeedRecord {
	planId: string;
	userId: string;
	createdAt: string;
	revokedAt: string | null;
}

export const REVOKED_KEEP_MS = 180 * 86_400_000;
export const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const fail = (
	status: number,
	code: string,
	message: string
): { ok: false; error: ApiError } => ({
	ok: false,
	error: { status, code, message }
});
export const bad = (e: ScheduleError) =>
	fail(e.code === 'schedule_full' ? 409 : 400, e.code, e.message);
export const E = {
	notFound: () => ({ ok: false as const, error: PLAN_ERRORS.notFound() }),
	entryNotFound: (what: 'Phase' | 'Termin') =>
		fail(
			404,
			'entry_not_found',
			`Diese${what === 'Phase' ? ' Phase' : 'n Termin'} gibt es nicht (mehr). Bitte laden Sie die Seite neu.`
		),
	notEmpty: () =>
		fail(
			409,
			'schedule_not_empty',
			'Der Standard-Zeitplan lässt sich nur auf einen leeren Zeitplan anwenden. Bitte löschen Sie zuerst alle Phasen und Termine.'
		),
	guest: () =>
		fail(
			403,
			'feed_needs_account',
			'Kalender-Abos gibt es nur für Mitglieder mit eigenem Konto, nicht für Gäste.'
		),
	feedUnknown: () =>
		fail(
			404,
			'feed_not_found',
			'Diesen Kalender-Link gibt es nicht. Bitte prüfen Sie, ob er vollständig ist, oder erzeugen Sie auf der Seite „Zeitplan“ einen neuen.'
		),
	feedRevoked: () =>
		fail(
			410,
			'feed_revoked',
			'Dieser Kalender-Link wurde widerrufen. Auf der Seite „Zeitplan“ können Sie einen neuen erzeugen.'
		),
	feedNoAccess: () =>
		fail(
			410,
			'feed_no_access',
			'Dieser Kalender-Link gilt nicht mehr: Das Konto hat keinen Zugriff mehr auf den Plan.'
		)
};

export function parseSchedule(raw: string | null): Schedule {
	if (!raw) return { phases: [], milestones: [] };
	try {
		const v = JSON.parse(raw) as Schedule;
		return {
			phases: Array.isArray(v.phases) ? v.phases : [],
			milestones: Array.isArray(v.milestones) ? v.milestones : []
		};
	} catch {
		return { phases: [], milestones: [] };
	}
}

export function parseFeed(raw: string | null): FeedRecord | null {
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as FeedRecord;
		return typeof v.planId === 'string' && typeof v.userId === 'string' ? v : null;
	} catch {
		return null;
	}
}

export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;
