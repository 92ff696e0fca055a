/**
 * Reminders (issue 14, item 5): "Sachstand fällig" into the inbox of a measure's responsible
 * people once per due date, and a weekly digest for the plan's owners once per ISO week. The
 * same shape as the review reminders (server/review/reminders.ts): a set-if-absent marker in
 * the KV decides who sends, so several instances never send twice. Every notice is also handed
 * to the subscribers (`onNotice`) — the seam where e-mail (server/mail) can hook in later.
 */
import type { MonitoringNotice, MonitoringService } from '../../src/lib/contract/monitoring';
import { isOverdue, parseImplementation } from '../../src/lib/domain/monitoring';
import { noticeText } from '../../src/lib/review/notice-text';
import { todayIn } from '../../src/lib/domain/time-zone';
import { K, parse, type MonitoringDeps } from './common';
import { readPlaces } from './measures';

const MARK_TTL_MS = 120 * 86_400_000;

/** ISO week of a YYYY-MM-DD day, e.g. "2027-W22". */
export function isoWeek(day: string): string {
	const [y, m, d] = day.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	const dow = date.getUTCDay() || 7;
	date.setUTCDate(date.getUTCDate() + 4 - dow);
	const year = date.getUTCFullYear();
	const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
	return `${year}-W${String(week).padStart(2, '0')}`;
}

export function reminderOperations(
	deps: MonitoringDeps
): Pick<MonitoringService, 'runReminders' | 'onNotice'> {
	const { kv, log } = deps;
	const now = deps.now ?? Date.now;
	const listeners = new Set<(notice: MonitoringNotice) => void | Promise<void>>();

	async function publish(notice: MonitoringNotice) {
		for (const listener of listeners) {
			try {
				await listener(notice);
			} catch (error) {
				log.warn('[monitoring] notice subscriber failed', { error, kind: notice.kind });
			}
		}
	}

	async function remindPlan(planId: string, day: string): Promise<number> {
		const read = await readPlaces(deps, planId);
		if (!read) {
			await kv.sRem(K.plans, planId);
			return 0;
		}
		const { plan, places } = read;
		const members = await deps.access.listMembers(planId);
		const memberIds = new Set(members.filter((m) => !m.invited).map((m) => m.userId));
		let sent = 0;
		let overdue = 0;
		let changed = 0;
		const weekAgo = new Date(now() - 7 * 86_400_000).toISOString();
		for (const id of await kv.sMembers(K.ids(planId))) {
			const place = places.get(id);
			if (!place) continue;
			const impl = parseImplementation(id, parse<unknown>(await kv.get(K.impl(planId, id)), null));
			if (impl.updatedAt >= weekAgo) changed++;
			if (isOverdue(impl, day)) overdue++;
			const due = impl.nextUpdateDue !== '' && impl.nextUpdateDue <= day;
			if (!due || impl.status === 'eingestellt' || impl.status === 'dauerhaft_etabliert') continue;
			for (const userId of impl.responsibleIds) {
				if (!memberIds.has(userId)) continue;
				const first = await kv.set(K.due(planId, id, userId, impl.nextUpdateDue), day, {
					ifAbsent: true,
					ttlMs: MARK_TTL_MS
				});
				if (!first) continue;
				await deps.inbox.deliver(userId, {
					kind: 'update_due',
					planId,
					planTitle: plan.meta.title,
					itemId: id,
					threadId: null,
					actor: null,
					params: { item: place.title, due: impl.nextUpdateDue }
				});
				sent++;
				await publish({
					kind: 'update_due',
					planId,
					planTitle: plan.meta.title,
					measureId: id,
					measureTitle: place.title,
					dueDate: impl.nextUpdateDue,
					userId
				});
			}
		}
		// Weekly digest for the owners, once per ISO week and plan (only adopted plans).
		if ((await kv.get(K.adoption(planId))) !== null) {
			const week = isoWeek(day);
			const first = await kv.set(K.digest(planId, week), day, {
				ifAbsent: true,
				ttlMs: MARK_TTL_MS
			});
			if (first) {
				const digest = {
					kind: 'weekly_digest' as const,
					planId,
					planTitle: plan.meta.title,
					itemId: null,
					threadId: null,
					actor: null,
					params: { overdue, changed }
				};
				// The event keeps its German sentence (subscribers: README „Umsetzung“).
				const text = noticeText(digest, 'de');
				for (const owner of members.filter((m) => m.role === 'owner' && !m.invited)) {
					await deps.inbox.deliver(owner.userId, digest);
					sent++;
					await publish({
						kind: 'weekly_digest',
						planId,
						planTitle: plan.meta.title,
						userId: owner.userId,
						week,
						overdue,
						changed,
						text
					});
				}
			}
		}
		return sent;
	}

	return {
		onNotice(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async runReminders() {
			const day = todayIn(deps.timeZone, now());
			let sent = 0;
			for (const planId of await kv.sMembers(K.plans)) {
				try {
					sent += await remindPlan(planId, day);
				} catch (error) {
					log.warn('[monitoring] reminders failed for a plan', { planId, error });
				}
			}
			return sent;
		}
	};
}
