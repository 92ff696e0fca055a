/**
 * Storage of comment threads in the KV: the capped per-plan thread index (seeded once from the
 * older set), loading, atomic updates (which push `review:thread`), and dropping a thread.
 */
import type { Thread } from '../../src/lib/review/types';
import { ReviewError, isVisibleThread } from './model';
import { K, fail, parse, validId, type ReviewContext } from './context';

export type ThreadStore = ReturnType<typeof createThreadStore>;

export function createThreadStore(ctx: ReviewContext) {
	const { kv, limits, emitter } = ctx;

	async function loadThread(planId: string, threadId: string): Promise<Thread> {
		if (!validId(threadId)) fail('thread_not_found');
		const thread = parse<Thread | null>(await kv.get(K.thread(planId, threadId)), null);
		if (!thread || thread.planId !== planId) fail('thread_not_found');
		return thread as Thread;
	}

	/** The thread ids of a plan (seeded once from the older set index). */
	async function threadIds(planId: string): Promise<string[]> {
		const raw = await kv.get(K.threads(planId));
		if (raw !== null) return parse<string[]>(raw, []);
		return kv.sMembers(K.legacyThreads(planId));
	}

	/**
	 * Stores a new thread if the plan has room for it: the index is checked and extended in one
	 * atomic step (concurrent creations never exceed the limit); 409 `too_many_threads` otherwise.
	 */
	async function storeNewThread(planId: string, thread: Thread): Promise<void> {
		const seed = (await kv.get(K.threads(planId))) === null ? await threadIds(planId) : [];
		const added = await kv.update(K.threads(planId), (raw) => {
			const ids = raw === null ? seed : parse<string[]>(raw, []);
			if (ids.length >= limits.threadsPerPlan) return { result: false };
			return { value: JSON.stringify([...ids, thread.id]), result: true };
		});
		if (!added) fail('too_many_threads');
		await kv.set(K.thread(planId, thread.id), JSON.stringify(thread));
	}

	/** A thread whose comments are all deleted leaves the index (and frees its slot). */
	async function dropThread(planId: string, threadId: string): Promise<void> {
		const seed = (await kv.get(K.threads(planId))) === null ? await threadIds(planId) : [];
		await kv.update(K.threads(planId), (raw) => {
			const ids = raw === null ? seed : parse<string[]>(raw, []);
			return { value: JSON.stringify(ids.filter((id) => id !== threadId)), result: null };
		});
		await kv.del(K.thread(planId, threadId));
	}

	/** Atomic change of one thread; the change function may throw ReviewError. */
	async function updateThread(
		planId: string,
		threadId: string,
		change: (thread: Thread) => Thread
	): Promise<Thread> {
		if (!validId(threadId)) fail('thread_not_found');
		const result = await kv.update<{ thread: Thread } | { error: ReviewError }>(
			K.thread(planId, threadId),
			(raw) => {
				const thread = parse<Thread | null>(raw, null);
				if (!thread || thread.planId !== planId) {
					return { result: { error: new ReviewError('thread_not_found') } };
				}
				try {
					const next = change(thread);
					return { value: JSON.stringify(next), result: { thread: next } };
				} catch (error) {
					if (error instanceof ReviewError) return { result: { error } };
					throw error;
				}
			}
		);
		if ('error' in result) throw result.error;
		emitter.toPlan(planId, 'review:thread', planId, result.thread);
		return result.thread;
	}

	async function readThreads(planId: string): Promise<Thread[]> {
		const ids = await threadIds(planId);
		const threads = await Promise.all(
			ids.map(async (id) => parse<Thread | null>(await kv.get(K.thread(planId, id)), null))
		);
		return threads
			.filter((t): t is Thread => t !== null && isVisibleThread(t))
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	}

	return { loadThread, threadIds, storeNewThread, dropThread, updateThread, readThreads };
}
