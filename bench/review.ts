/**
 * Review benchmark (issue 5), run by bench/run.ts against the bench server process:
 *   - a new comment thread reaches 50 socket.io clients subscribed to the plan (p50 / p99 per
 *     delivery and until all 50 have it);
 *   - reading a plan's whole review state (GET /api/plans/<id>/review) with 1,000 threads.
 */
import type { ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import type {
	ClientToServerEvents,
	ServerToClientEvents
} from '../src/lib/contract/realtime-events';

const SUBSCRIBERS = 50;
const COMMENTS = 200;
const THREADS = 1_000;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function pct(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (v: number) => `${v.toFixed(2)} ms`;

/** Asks the bench server to do something and waits for its answer with the same `reply` key. */
function ask<T>(child: ChildProcess, message: Record<string, unknown>, reply: string): Promise<T> {
	return new Promise((resolve) => {
		const onMessage = (m: Record<string, unknown>) => {
			if (!(reply in m)) return;
			child.off('message', onMessage);
			resolve(m[reply] as T);
		};
		child.on('message', onMessage);
		child.send(message);
	});
}

async function subscriber(httpUrl: string, planId: string, token: string): Promise<ClientSocket> {
	const socket: ClientSocket = io(httpUrl, {
		path: '/socket.io',
		transports: ['websocket'],
		auth: { token },
		reconnection: false,
		forceNew: true
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	const joined = await new Promise<{ ok: boolean }>((resolve) =>
		socket.emit('plan:join', planId, resolve)
	);
	if (!joined.ok) throw new Error('plan:join refused');
	return socket;
}

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
