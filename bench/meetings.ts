/**
 * Sitzungsmodus benchmark (issue 13), run by bench/run.ts against the bench server process with
 * 300 socket.io clients in the plan room (one server with the file store; with `redis`, also two
 * instances on one Redis with half of the clients each, the controls made on the first):
 *   - fan-out of a facilitator control (timer start, next step): from asking the server to the
 *     `meeting:state` push at each of the 300 clients (p50 / p99 per delivery and until all have it);
 *   - dot vote with 300 voters casting at once: each ballot's round trip through the vote service
 *     (check, atomic store), and until all 300 clients saw the final count (`vote:updated`).
 * The controls and ballots are made in the server process (asked over IPC, which adds well under
 * a millisecond); the clients are real socket.io clients in this process.
 */
import type { ChildProcess } from 'node:child_process';
import type { ServerToClientEvents } from '../src/lib/contract/realtime-events';
import { pct, ms, ask, subscriber } from './support';
import type { ClientSocket } from './support';

const CLIENTS = 300;
const CONTROLS = 60;

export async function runMeetingBench(
	child: ChildProcess,
	wsUrl: string,
	planId: string,
	token: string,
	measureIds: string[],
	/** A second instance on the same Redis: half of the clients connect there. */
	otherWsUrl?: string
): Promise<void> {
	const urls = [wsUrl, otherWsUrl ?? wsUrl].map((u) => u.replace(/^ws/, 'http'));
	const sockets: ClientSocket[] = [];
	for (let i = 0; i < CLIENTS; i += 50) {
		const batch = Math.min(50, CLIENTS - i);
		sockets.push(
			...(await Promise.all(
				Array.from({ length: batch }, (_, j) => subscriber(urls[(i + j) % 2], planId, token))
			))
		);
	}
	const where = otherWsUrl ? 'two instances on one Redis, 150 clients each' : 'one instance';
	const sessionId = await ask<string>(child, { meetingSetup: planId }, 'meetingReady');

	// 1. Fan-out of controls (alternating timer start and next step)
	const perDelivery: number[] = [];
	const perControl: number[] = [];
	let revision = 0;
	for (let i = 0; i < CONTROLS; i++) {
		const body =
			i % 2 === 0 ? { action: 'timer_start', seconds: 300 } : { action: 'step', index: i % 5 };
		const start = performance.now();
		const target = revision + 1;
		const arrived = sockets.map(
			(socket) =>
				new Promise<void>((resolve) => {
					const onState: ServerToClientEvents['meeting:state'] = (push) => {
						if (push.sessionId !== sessionId || push.live.revision < target) return;
						socket.off('meeting:state', onState);
						perDelivery.push(performance.now() - start);
						resolve();
					};
					socket.on('meeting:state', onState);
				})
		);
		revision = await ask<number>(
			child,
			{ meetingControl: { planId, sessionId, body } },
			'controlled'
		);
		await Promise.all(arrived);
		perControl.push(performance.now() - start);
	}

	// 2. 300 voters cast at once
	const voteId = await ask<string>(
		child,
		{ voteSetup: { planId, targetIds: measureIds } },
		'voteReady'
	);
	const start = performance.now();
	const allSeen = sockets.map(
		(socket) =>
			new Promise<number>((resolve) => {
				const onVote: ServerToClientEvents['vote:updated'] = (_p, vote) => {
					if (vote.id !== voteId || vote.voterCount < CLIENTS) return;
					socket.off('vote:updated', onVote);
					resolve(performance.now() - start);
				};
				socket.on('vote:updated', onVote);
			})
	);
	const castTimes = await ask<number[]>(
		child,
		{ voteCast: { planId, voteId, voters: CLIENTS, targetIds: measureIds } },
		'castTimes'
	);
	const seen = await Promise.all(allSeen);
	for (const socket of sockets) socket.close();

	console.log(
		`\nSitzung (${where}): control (timer, step) → ${CLIENTS} socket.io clients in the plan room (${CONTROLS} controls, incl. storing):`
	);
	console.log(
		`  per delivery p50 ${ms(pct(perDelivery, 50))} p99 ${ms(pct(perDelivery, 99))}` +
			`   all ${CLIENTS}: p50 ${ms(pct(perControl, 50))} p99 ${ms(pct(perControl, 99))}`
	);
	console.log(`Dot vote: ${CLIENTS} voters cast at once (vote service):`);
	console.log(
		`  ballot round trip p50 ${ms(pct(castTimes, 50))} p99 ${ms(pct(castTimes, 99))}` +
			`   final count at all ${CLIENTS} clients after ${ms(Math.max(...seen))}`
	);
}
