/**
 * Adoption: the owner records the council decision (date, body, reference number); the plan's
 * status becomes "beschlossen" in the live document (a server transaction — clients can never set
 * it, see server/sync/doc-guard.ts) and the named version "Beschlussfassung" is frozen. If the
 * version cannot be taken the status is set back, so nothing half-done remains.
 */
import * as Y from 'yjs';
import type { Principal } from '../../src/lib/contract/access';
import { actorOf } from '../../src/lib/contract/actor';
import type { Adoption, MonitoringService } from '../../src/lib/contract/monitoring';
import { isDate } from '../../src/lib/domain/monitoring';
import { todayIn } from '../../src/lib/domain/time-zone';
import * as t from '../../src/lib/paraglide/messages/_index.js';
import { withPlanRoom } from '../plan-room';
import { E, K, fail, guard, parse, type MonitoringDeps } from './common';

export const ADOPTION_VERSION_NAME = 'Beschlussfassung';
const MAX_BODY = 120;
const MAX_REFERENCE = 80;

function validate(body: Record<string, unknown>, today: string) {
	const date = body.date;
	if (!isDate(date)) {
		return fail(400, 'invalid_dates', 'Bitte geben Sie das Datum des Beschlusses an (JJJJ-MM-TT).');
	}
	if (date > today) {
		return fail(
			400,
			'invalid_dates',
			'Das Datum des Beschlusses kann nicht in der Zukunft liegen.'
		);
	}
	const gremium = typeof body.body === 'string' ? body.body.trim() : '';
	if (!gremium || gremium.length > MAX_BODY) {
		return fail(
			400,
			'invalid_input',
			`Bitte nennen Sie das beschließende Gremium (bis ${MAX_BODY} Zeichen).`
		);
	}
	const reference = typeof body.reference === 'string' ? body.reference.trim() : '';
	if (!reference || reference.length > MAX_REFERENCE) {
		return fail(
			400,
			'invalid_input',
			`Bitte geben Sie das Aktenzeichen des Beschlusses an (bis ${MAX_REFERENCE} Zeichen), z. B. „SVV-Beschluss 2027/0815“.`
		);
	}
	return { ok: true as const, value: { date, body: gremium, reference } };
}

export function adoptionOperations(
	deps: MonitoringDeps
): Pick<MonitoringService, 'adopt' | 'adoption'> {
	const { kv, log } = deps;
	const guarded = guard(log);
	const now = deps.now ?? Date.now;
	return {
		adoption: (planId) =>
			guarded('read adoption', async () => ({
				ok: true,
				value: parse<Adoption | null>(await kv.get(K.adoption(planId)), null)
			})),

		adopt: (principal: Principal, planId, body, locale = 'de') =>
			guarded('adopt', async () => {
				const valid = validate(body ?? {}, todayIn(deps.timeZone, now()));
				if (!valid.ok) return valid;
				const set = await withPlanRoom(deps, planId, 'adopt', (room) => {
					const meta = room.doc.getMap('meta');
					if (meta.get('status') === 'beschlossen') return E.alreadyAdopted();
					const before = meta.get('status');
					room.transact((doc: Y.Doc) => doc.getMap('meta').set('status', 'beschlossen'));
					return { ok: true as const, value: before };
				});
				if (!set.ok) return set;
				const version = await deps.versions.take(
					planId,
					actorOf(principal),
					locale === 'de' ? ADOPTION_VERSION_NAME : t.notices_version_adoption({}, { locale })
				);
				if (!version.ok) {
					await withPlanRoom(deps, planId, 'adopt rollback', (room) => {
						room.transact((doc: Y.Doc) => doc.getMap('meta').set('status', set.value ?? 'entwurf'));
						return { ok: true as const, value: null };
					});
					return version;
				}
				const adoption: Adoption = {
					...valid.value,
					versionId: version.value.id,
					adoptedAt: new Date(now()).toISOString(),
					adoptedBy: { id: principal.id, name: principal.name }
				};
				await kv.set(K.adoption(planId), JSON.stringify(adoption));
				await kv.sAdd(K.plans, planId);
				await deps.access
					.audit(planId, principal, 'settings_changed', {
						fields: 'status',
						adopted: adoption.reference
					})
					.catch(() => {});
				log.info('plan adopted', { planId });
				return { ok: true, value: adoption };
			})
	};
}
