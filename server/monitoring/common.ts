/**
 * Shared parts of the monitoring service: KV keys, dependencies, the error values (stable codes,
 * German messages) and the guarded runner that turns storage failures into 503.
 *
 * Keys (Redis: under `mitplan:app:`):
 *   um:m:<planId>:<measureId>               JSON    Implementation of one measure (atomic updates)
 *   um:ids:<planId>                         set     measure ids with implementation data
 *   um:adoption:<planId>                    JSON    Adoption (council decision)
 *   um:plans                                set     plans with monitoring data (reminders)
 *   um:due:<planId>:<measureId>:<user>:<d>  string  "Sachstand fällig" sent for due date d
 *   um:digest:<planId>:<week>               string  weekly digest sent (set-if-absent)
 *   um:report:<planId>                      list    generated Umsetzungsberichte (JSON, newest first)
 *   um:public:<planId>                      JSON    the public page's link {token, publishedAt, …}
 *   um:pubtoken:<sha256(token)>             string  planId (reverse index; the token is hashed)
 */
import type { ApiError, ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { DomainError } from '../../src/lib/domain/errors';
import { parseImplementation, type Implementation } from '../../src/lib/domain/monitoring';
import type { AccessService } from '../auth/types';
import type { Logger } from '../log';
import type { KvStore } from '../storage/kv';
import { isKvError } from '../storage/kv';
import type { RoomManager } from '../sync/rooms';
import type { VersionService } from '../versions/service';
import type { ReviewService } from '../review/service';

export const K = {
	impl: (planId: string, measureId: string) => `um:m:${planId}:${measureId}`,
	ids: (planId: string) => `um:ids:${planId}`,
	adoption: (planId: string) => `um:adoption:${planId}`,
	plans: 'um:plans',
	due: (planId: string, measureId: string, userId: string, date: string) =>
		`um:due:${planId}:${measureId}:${userId}:${date}`,
	digest: (planId: string, week: string) => `um:digest:${planId}:${week}`,
	reports: (planId: string) => `um:report:${planId}`,
	publication: (planId: string) => `um:public:${planId}`,
	publicToken: (tokenHash: string) => `um:pubtoken:${tokenHash}`
};

/** One measure's stored implementation record (tolerant: missing or broken → empty). */
export async function readImpl(
	kv: Pick<KvStore, 'get'>,
	planId: string,
	measureId: string
): Promise<Implementation> {
	return parseImplementation(
		measureId,
		parse<unknown>(await kv.get(K.impl(planId, measureId)), null)
	);
}

export interface MonitoringDeps {
	kv: KvStore;
	rooms: RoomManager;
	access: Pick<AccessService, 'listMembers' | 'audit'>;
	versions: Pick<VersionService, 'take'>;
	/** Delivers into a person's inbox (the review service's notifier). */
	inbox: Pick<ReviewService, 'deliver'>;
	log: Logger;
	timeZone: string;
	now?: () => number;
}

export const fail = (status: number, code: string, message: string) =>
	({ ok: false, error: { status, code, message } satisfies ApiError }) as const;

export const E = {
	bad: (e: DomainError) =>
		fail(400, e.code === 'invalid_dates' ? 'invalid_dates' : 'invalid_input', e.message),
	measureGone: () =>
		fail(
			404,
			'measure_not_found',
			'Diese Maßnahme gibt es im Plan nicht (mehr) – sie wurde vielleicht gelöscht.'
		),
	notResponsible: () =>
		fail(
			403,
			'not_responsible',
			'Den Umsetzungsstand dieser Maßnahme pflegen die zuständigen Personen und die Prozesssteuerung.'
		),
	manageOnly: () => fail(403, 'forbidden', 'Zuständige Personen benennt nur die Prozesssteuerung.'),
	alreadyAdopted: () => fail(409, 'already_adopted', 'Dieser Plan ist bereits beschlossen.'),
	publicManageOnly: () =>
		fail(
			403,
			'forbidden',
			'Ob eine Maßnahme auf der öffentlichen Seite erscheint, entscheidet die Prozesssteuerung.'
		)
};

export function parse<T>(raw: string | null, fallback: T): T {
	if (raw === null) return fallback;
	try {
		return JSON.parse(raw) as T;
	} catch {
		return fallback;
	}
}

export function guard(log: Logger) {
	return async function guarded<T>(
		what: string,
		fn: () => Promise<ApiResult<T>>
	): Promise<ApiResult<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) log.warn(`[monitoring] ${what}: storage unavailable`, { error });
			else log.error(`[monitoring] ${what} failed`, { error });
			return { ok: false, error: PLAN_ERRORS.unavailable() };
		}
	};
}
