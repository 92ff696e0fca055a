/**
 * Comment threads: start a discussion, reply, resolve, edit and delete comments (with the comment
 * rate limit and notifications of mentioned people and participants).
 */
import { newId } from '../../src/lib/domain/ids';
import type { ItemId } from '../../src/lib/review/types';
import { actorOf } from '../../src/lib/contract/actor';
import { allows } from '../../src/lib/contract/policy';
import {
	addReply,
	deleteComment,
	editComment,
	isVisibleThread,
	newComment,
	newThread,
	parseBody,
	parseMentions,
	setResolved
} from './model';
import type { ReviewService } from './service-types';
import { fail, type ReviewContext } from './context';
import { type ThreadStore } from './thread-store';
import { type Notifier } from './inbox';

export function threadOperations(
	ctx: ReviewContext,
	threads: ThreadStore,
	notifier: Notifier
): Pick<
	ReviewService,
	'createThread' | 'reply' | 'setThreadResolved' | 'editComment' | 'deleteComment'
> {
	const { run, iso, loadPlan, requireItem, namedMembers, rateLimit, emitter } = ctx;
	const { loadThread, storeNewThread, dropThread, updateThread } = threads;
	const { notifyComment } = notifier;
	return {
		createThread: (c, planId, input) =>
			run('create thread', async () => {
				const body = parseBody(input.body);
				const plan = await loadPlan(planId);
				const itemId: ItemId =
					input.itemId === null || input.itemId === undefined
						? null
						: requireItem(plan, input.itemId);
				const m = await namedMembers(planId);
				const mentions = parseMentions(input.mentions, m);
				await rateLimit(c.principal);
				const at = iso();
				const author = actorOf(c.principal);
				const thread = newThread(
					newId(),
					planId,
					itemId,
					newComment(newId(), author, body, mentions, at)
				);
				await storeNewThread(planId, thread);
				emitter.toPlan(planId, 'review:thread', planId, thread);
				await notifyComment(planId, plan, thread, author, mentions, false);
				return thread;
			}),

		reply: (c, planId, threadId, input) =>
			run('reply', async () => {
				const body = parseBody(input.body);
				const m = await namedMembers(planId);
				const mentions = parseMentions(input.mentions, m);
				await loadThread(planId, threadId);
				const plan = await loadPlan(planId);
				await rateLimit(c.principal);
				const author = actorOf(c.principal);
				const comment = newComment(newId(), author, body, mentions, iso());
				const thread = await updateThread(planId, threadId, (t) => addReply(t, comment));
				await notifyComment(planId, plan, thread, author, mentions, true);
				return thread;
			}),

		setThreadResolved: (c, planId, threadId, input) =>
			run('resolve thread', async () => {
				if (typeof input.resolved !== 'boolean') {
					fail(
						'invalid_input',
						'Bitte geben Sie an, ob die Diskussion erledigt ist (resolved: true/false).'
					);
				}
				const at = iso();
				return updateThread(planId, threadId, (t) =>
					setResolved(t, input.resolved as boolean, actorOf(c.principal), at)
				);
			}),

		editComment: (c, planId, threadId, commentId, input) =>
			run('edit comment', async () => {
				const body = parseBody(input.body);
				const m = await namedMembers(planId);
				const mentions = parseMentions(input.mentions, m);
				const before = await loadThread(planId, threadId);
				// An unknown comment costs no write from the rate limit.
				if (!before.comments.some((x) => x.id === commentId)) fail('comment_not_found');
				await rateLimit(c.principal);
				const at = iso();
				const thread = await updateThread(planId, threadId, (t) =>
					editComment(t, commentId, actorOf(c.principal), body, mentions, at)
				);
				// Newly mentioned people hear about it (the earlier ones already did).
				const old = new Set(before.comments.find((x) => x.id === commentId)?.mentions ?? []);
				const added = mentions.filter((id) => !old.has(id));
				if (added.length > 0) {
					const plan = await loadPlan(planId);
					await notifyComment(planId, plan, thread, actorOf(c.principal), added, false);
				}
				return thread;
			}),

		deleteComment: (c, planId, threadId, commentId) =>
			run('delete comment', async () => {
				const at = iso();
				const thread = await updateThread(planId, threadId, (t) =>
					deleteComment(t, commentId, actorOf(c.principal), allows(c.role, 'review.moderate'), at)
				);
				// Nothing left to show: the thread is gone for good (replies are refused).
				if (!isVisibleThread(thread)) await dropThread(planId, threadId);
				return thread;
			})
	};
}
