/**
 * Notifications: delivering into a person's inbox (capped, live-pushed), notifying members of a
 * plan about comments, and the inbox operations (read the inbox, mark notifications read).
 * A notice is stored as `kind` + `params`; its sentence is made in the reader's language when it is
 * read (src/lib/review/notice-text.ts). Live pushes carry the German sentence for clients that
 * only read `text`; the browser builds its own from `params`.
 */
import { newId } from '../../src/lib/domain/ids';
import { withNoticeText } from '../../src/lib/review/notice-text';
import type { Actor, Notification, Thread } from '../../src/lib/review/types';
import { noticeItem, type PlanItems } from './items';
import { inboxAdd, inboxMarkRead, participants, unreadCount } from './model';
import type { ReviewService } from './service-types';
import { K, fail, parse, type ReviewContext } from './context';

export type NotifyInput = Omit<Notification, 'id' | 'createdAt' | 'read'>;
export type Notifier = ReturnType<typeof createNotifier>;

export function createNotifier(ctx: ReviewContext) {
	const { kv, emitter, log, iso, members } = ctx;

	async function deliver(userId: string, input: NotifyInput): Promise<void> {
		const notification: Notification = {
			id: newId(16),
			...input,
			createdAt: iso(),
			read: false
		};
		const unread = await kv.update(K.inbox(userId), (raw) => {
			const list = inboxAdd(parse<Notification[]>(raw, []), notification);
			return { value: JSON.stringify(list), result: unreadCount(list) };
		});
		emitter.toUser(userId, 'notification', withNoticeText(notification, 'de'), unread);
		ctx.deps.onDelivered?.(userId, notification);
	}

	/**
	 * Notifies these accounts (never the actor; only current members of the plan). Best effort:
	 * the write that caused it has already succeeded, a failure here is logged.
	 */
	async function notify(
		userIds: Iterable<string>,
		memberIds: ReadonlySet<string> | ReadonlyMap<string, unknown>,
		input: NotifyInput
	): Promise<string[]> {
		const targets = [...new Set(userIds)].filter(
			(id) => id !== input.actor?.id && memberIds.has(id)
		);
		await Promise.all(
			targets.map((id) =>
				deliver(id, input).catch((error) =>
					log.warn('[review] notification not delivered', { error, userId: id, kind: input.kind })
				)
			)
		);
		return targets;
	}

	async function notifyComment(
		planId: string,
		plan: PlanItems,
		thread: Thread,
		author: Actor,
		mentions: string[],
		isReply: boolean
	): Promise<void> {
		const m = await members(planId);
		const base = {
			planId,
			planTitle: plan.title,
			itemId: thread.itemId,
			threadId: thread.id,
			actor: author
		};
		const mentioned = await notify(mentions, m, {
			...base,
			kind: 'mention',
			params: noticeItem(plan, thread.itemId)
		});
		if (!isReply) return;
		const already = new Set(mentioned);
		await notify(
			participants(thread).filter((id) => !already.has(id)),
			m,
			{
				...base,
				kind: 'reply',
				params: noticeItem(plan, thread.itemId)
			}
		);
	}

	return { deliver, notify, notifyComment };
}

export function inboxOperations(ctx: ReviewContext): Pick<ReviewService, 'inbox' | 'markRead'> {
	const { kv, emitter, run } = ctx;
	return {
		inbox: (principal, locale = 'de') =>
			run('inbox', async () => {
				if (principal.kind !== 'user') fail('accounts_only');
				const list = parse<Notification[]>(await kv.get(K.inbox(principal.id)), []);
				return {
					notifications: list.map((n) => withNoticeText(n, locale)),
					unread: unreadCount(list)
				};
			}),

		markRead: (principal, input) =>
			run('mark read', async () => {
				if (principal.kind !== 'user') fail('accounts_only');
				let ids: string[] | 'all';
				if (input.all === true) ids = 'all';
				else if (
					Array.isArray(input.ids) &&
					input.ids.length <= 1000 &&
					input.ids.every((x) => typeof x === 'string')
				) {
					ids = input.ids as string[];
				} else {
					return fail('invalid_input', 'Erwartet wird {"ids": [...]} oder {"all": true}.');
				}
				const unread = await kv.update(K.inbox(principal.id), (raw) => {
					const list = inboxMarkRead(parse<Notification[]>(raw, []), ids);
					return {
						value: raw === null ? undefined : JSON.stringify(list),
						result: unreadCount(list)
					};
				});
				emitter.toUser(principal.id, 'notifications:unread', unread);
				return { unread };
			})
	};
}
