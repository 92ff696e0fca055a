/**
 * The backend's front door for multi-step plan operations, so routes only translate HTTP:
 * create a plan with its owner (rolled back if the owner cannot be recorded), the delete cascade
 * over feedback, review, schedule, sessions and access data, and a settings change with history entry and audit.
 */
import type { Principal } from '../../src/lib/contract/access';
import { actorOf } from '../../src/lib/contract/actor';
import type { MitplanBackend, PlanCommands } from '../../src/lib/contract/backend';
import type { PlanId } from '../../src/lib/contract/ids';
import { PLAN_ERRORS, type ApiResult } from '../../src/lib/contract/result';

const ADOPTION_REQUIRED = () => ({
	ok: false as const,
	error: {
		status: 409,
		code: 'adoption_required',
		message:
			'Beschlossen wird ein Plan nur mit dem Ratsbeschluss (Datum, Gremium, Aktenzeichen) unter „Umsetzung“.'
	}
});
import { PLAN_META_ITEM } from '../../src/lib/versions/types';
import type { AccessService } from '../auth/types';
import type { FeedbackService } from '../feedback/service';
import type { ReviewService } from '../review/service';
import type { ScheduleService } from '../../src/lib/contract/schedule';
import type { MonitoringService } from '../../src/lib/contract/monitoring';
import type { MeetingService } from '../../src/lib/contract/meetings';
import type { VoteService } from '../../src/lib/contract/votes';
import type { IdeaService } from '../../src/lib/contract/ideas';
import type { IndicatorService } from '../../src/lib/contract/indicators';
import type { EditionsService } from '../../src/lib/contract/editions';
import {
	buildNextEdition,
	type EditionLink,
	type Lineage
} from '../../src/lib/domain/next-edition';
import type { Result } from '../../src/lib/domain/errors';
import type { PlanSummary } from '../../src/lib/domain/types';
import type * as Y from 'yjs';
import type { VersionService } from '../versions/service';

export function createPlanCommands(deps: {
	plans: Pick<MitplanBackend, 'createPlan' | 'deletePlan' | 'updatePlanMeta' | 'getPlan'> & {
		createPlanBuilt(build: (doc: Y.Doc) => Result<void>): Promise<ApiResult<PlanSummary>>;
	};
	access: Pick<AccessService, 'registerPlan' | 'forgetPlan' | 'audit'>;
	feedback: Pick<FeedbackService, 'forgetPlan'>;
	review: Pick<ReviewService, 'forgetPlan'>;
	schedule: Pick<ScheduleService, 'forgetPlan'>;
	monitoring: Pick<MonitoringService, 'forgetPlan' | 'implementationStatuses'>;
	/** Sessions (optional: backends without the Sitzungsmodus). */
	meetings?: Pick<MeetingService, 'forgetPlan'>;
	/** Idea walls of the sessions (optional like the sessions). */
	ideas?: Pick<IdeaService, 'forgetPlan'>;
	votes: Pick<VoteService, 'forgetPlan'>;
	indicators: Pick<IndicatorService, 'forgetPlan'>;
	editions: Pick<EditionsService, 'forgetPlan'> & {
		record(planId: string, lineage: Lineage): Promise<void>;
	};
	versions: Pick<VersionService, 'recordServerEdit'>;
}): PlanCommands {
	const { plans, access } = deps;
	return {
		async createPlanWithOwner(owner, input) {
			const created = await plans.createPlan(input);
			if (!created.ok) return created;
			try {
				await access.registerPlan(created.value.id, owner);
			} catch {
				// Without an owner nobody could open it: remove the plan again.
				await plans.deletePlan(created.value.id).catch(() => {});
				return { ok: false, error: PLAN_ERRORS.unavailable() };
			}
			return { ok: true, value: { ...created.value, role: 'owner' as const } };
		},

		async deletePlanCascade(planId) {
			const result = await plans.deletePlan(planId);
			if (result.ok) {
				// Members last: the review clean-up still needs them (their inboxes), and audit entries
				// the clean-ups write go with the access data.
				await deps.feedback.forgetPlan(planId).catch(() => {});
				await deps.review.forgetPlan(planId).catch(() => {});
				await deps.schedule.forgetPlan(planId).catch(() => {});
				await deps.monitoring.forgetPlan(planId).catch(() => {});
				await deps.ideas?.forgetPlan(planId).catch(() => {});
				await deps.meetings?.forgetPlan(planId).catch(() => {});
				await deps.votes.forgetPlan(planId).catch(() => {});
				await deps.indicators.forgetPlan(planId).catch(() => {});
				await deps.editions.forgetPlan(planId).catch(() => {});
				await access.forgetPlan(planId).catch(() => {});
			}
			return result;
		},

		async changeSettings(principal: Principal, planId: PlanId, patch) {
			// "beschlossen" only with the council decision (POST …/umsetzung/beschluss).
			if (patch?.status === 'beschlossen') return ADOPTION_REQUIRED();
			const result = await plans.updatePlanMeta(planId, patch);
			if (result.ok) {
				const fields = Object.keys(patch);
				deps.versions.recordServerEdit(
					planId,
					actorOf(principal),
					PLAN_META_ITEM,
					'changed',
					fields
				);
				await access
					.audit(planId, principal, 'settings_changed', {
						fields: fields.join(', ').slice(0, 200)
					})
					.catch(() => {});
			}
			return result;
		},

		async startNextEdition(owner, planId) {
			const source = await plans.getPlan(planId);
			if (!source.ok) return source;
			if (source.value.meta.status !== 'beschlossen')
				return {
					ok: false,
					error: {
						status: 409,
						code: 'plan_not_adopted',
						message:
							'Eine Fortschreibung lässt sich nur aus einem beschlossenen Plan starten. Setzen Sie den Status unter „Planangaben bearbeiten“ auf „beschlossen“.'
					}
				};
			// What was implemented or stopped after adoption decides which measures stay open.
			const implStatus = await deps.monitoring.implementationStatuses(planId);
			if (!implStatus.ok) return implStatus;
			let links: EditionLink[] = [];
			const created = await plans.createPlanBuilt((doc) => {
				const built = buildNextEdition(doc, source.value, implStatus.value);
				if (!built.ok) return built;
				links = built.value;
				return { ok: true, value: undefined };
			});
			if (!created.ok) return created;
			const newId = created.value.id;
			try {
				await access.registerPlan(newId, owner);
				await deps.editions.record(newId, {
					predecessorPlanId: planId,
					predecessorTitle: source.value.meta.title,
					startedAt: new Date().toISOString(),
					links
				});
			} catch {
				// Half a Fortschreibung helps nobody: remove the new plan and what it got so far.
				await plans.deletePlan(newId).catch(() => {});
				await deps.editions.forgetPlan(newId).catch(() => {});
				await access.forgetPlan(newId).catch(() => {});
				return { ok: false, error: PLAN_ERRORS.unavailable() };
			}
			return { ok: true, value: { ...created.value, role: 'owner' as const } };
		}
	};
}
