/**
 * Review benchmark (issue 5), run by bench/run.ts against the bench server process:
 *   - a new comment thread reaches 50 socket.io clients subscribed to the plan (p50 / p99 per
 *     delivery and until all 50 have it);
 *   - reading a plan's whole review state (GET /api/plans/<id>/review) with 1,000 threads.
 */
import type { ChildProcess } from 'node:child_process';
import type { ServerToClientEvents } from '../src/lib/contract/realtime-events';
import { pct, ms, ask, subscriber } from './support';

const SUBSCRIBERS = 50;
const COMMENTS = 200;
const THREADS = 1_000;

export async function runReviewBench(
	child: ChildProcess,
	wsUrl: string,
	planId: string,
	token: string
): Promise<void> {
	const httpUrl = wsUrl.replace(/^ws/, 'http');
	const sockets = await Promise.all(
		Array.from({ length: SUBSCRIBERS }, () => subscriber(httpUrl, planId, token))
	);
	const perDelivery: number[] = [];
	const perComment: number[] = [];
	for (let i = 0; i < COMMENTS; i++) {
		const body = `Kommentar ${i}`;
		const start = performance.now();
		const arrived = sockets.map(
			(socket) =>
				new Promise<void>((resolve) => {
					const onThread: ServerToClientEvents['review:thread'] = (_planId, thread) => {
						if (thread.comments[0]?.body !== body) return;
						socket.off('review:thread', onThread);
						perDelivery.push(performance.now() - start);
						resolve();
					};
					socket.on('review:thread', onThread);
				})
		);
		await ask(child, { comment: planId, body }, 'commented');
		await Promise.all(arrived);
		perComment.push(performance.now() - start);
	}
	for (const socket of sockets) socket.close();

	await ask(child, { threads: planId, count: THREADS - COMMENTS }, 'threadsCreated');
	const stateTimes = await ask<number[]>(child, { reviewState: planId, times: 20 }, 'stateTimes');

	console.log(
		`\nReview: new comment thread → ${SUBSCRIBERS} socket.io clients of the plan (${COMMENTS} threads, incl. storing):`
	);
	console.log(
		`  per delivery p50 ${ms(pct(perDelivery, 50))} p99 ${ms(pct(perDelivery, 99))}` +
			`   all ${SUBSCRIBERS}: p50 ${ms(pct(perComment, 50))} p99 ${ms(pct(perComment, 99))}`
	);
	console.log(
		`  review state of a plan with ${THREADS} threads (file store): p50 ${ms(pct(stateTimes, 50))}   max ${ms(Math.max(...stateTimes))}`
	);
}
