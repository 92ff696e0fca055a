/**
 * The benchmark's server: the real sync server in its own process (no SvelteKit UI needed). A
 * bench account owns the plans the benchmark asks for ({grant: planId}) and gets sync tokens.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../server/config';
import { startServer } from '../server/main';
import { parseExportOptions } from '../src/lib/export/options';

const running = await startServer(loadConfig());
const { access } = running.core;
const created = await access.createUser({
	email: 'bench@mitplan.test',
	name: 'Bench',
	password: 'bench-passwort-123'
});
const user = created.ok ? created.value : await access.findUserByEmail('bench@mitplan.test');
if (!user) throw new Error('bench user missing');
const principal = {
	kind: 'user' as const,
	id: user.id,
	name: user.name,
	email: user.email,
	isAdmin: false
};
const caller = { principal, role: 'owner' as const };

/** Review benchmark (bench/review.ts): comments written by the bench account, state reads. */
async function review(message: object): Promise<void> {
	const m = message as Record<string, unknown>;
	if (typeof m.comment === 'string') {
		const result = await running.core.review.createThread(caller, m.comment, {
			itemId: null,
			body: String(m.body)
		});
		if (!result.ok) throw new Error(result.error.message);
		process.send?.({ commented: result.value.id });
	}
	if (typeof m.threads === 'string') {
		for (let i = 0; i < Number(m.count); i++) {
			const result = await running.core.review.createThread(caller, m.threads, {
				itemId: null,
				body: `Thread ${i}`
			});
			if (!result.ok) throw new Error(result.error.message);
		}
		process.send?.({ threadsCreated: true });
	}
	if (typeof m.reviewState === 'string') {
		const times: number[] = [];
		for (let i = 0; i < Number(m.times); i++) {
			const start = performance.now();
			const result = await running.core.review.state(m.reviewState);
			times.push(performance.now() - start);
			if (!result.ok) throw new Error(result.error.message);
		}
		process.send?.({ stateTimes: times });
	}
}

/**
 * Event-loop lag (bench/lag.ts): measured for `ms` (typing only) or while a plan is exported
 * as PDF through the export service (as GET …/export.pdf does: the plan's Yjs state is read
 * and handed to a worker, which reads and renders it).
 */
async function lag(message: { lag: string; ms?: number; planId?: string }): Promise<void> {
	const histogram = monitorEventLoopDelay({ resolution: 5 });
	histogram.enable();
	const figures: Record<string, number | string> = {};
	if (message.lag === 'export') {
		const options = parseExportOptions({ type: 'gesamtplan' });
		const start = performance.now();
		const planId = String(message.planId);
		const state = await running.core.plans.getPlanState(planId);
		if (!state.ok || !options.ok) throw new Error('bench plan or options missing');
		figures.readMs = performance.now() - start;
		const result = await running.core.plans.exports.render(principal.id, {
			state: { planId, ...state.value },
			options: options.value
		});
		figures.exportMs = performance.now() - start;
		if (result.ok) figures.pages = result.value.pageCount;
		else figures.error = result.error.message;
	} else {
		await new Promise((r) => setTimeout(r, message.ms ?? 3000));
	}
	histogram.disable();
	const toMs = (ns: number) => ns / 1e6;
	process.send?.({
		lagResult: {
			...figures,
			p50: toMs(histogram.percentile(50)),
			p99: toMs(histogram.percentile(99)),
			max: toMs(histogram.max),
			count: histogram.count,
			p90: toMs(histogram.percentile(90))
		}
	});
}

/** Sitzungsmodus benchmark (bench/meetings.ts): a running session, controls, a vote, 300 ballots. */
async function meeting(message: Record<string, unknown>): Promise<void> {
	const { meetings } = running.core;
	const votes = running.core.plans.votes;
	if (typeof message.meetingSetup === 'string') {
		const planId = message.meetingSetup;
		const created = await meetings.create(caller, planId, { title: 'Bench', date: '2027-03-12' });
		if (!created.ok) throw new Error(created.error.message);
		const started = await meetings.control(caller, planId, created.value.id, { action: 'start' });
		if (!started.ok) throw new Error(started.error.message);
		process.send?.({ meetingReady: created.value.id });
	}
	const control = message.meetingControl as
		{ planId: string; sessionId: string; body: Record<string, unknown> } | undefined;
	if (control) {
		const result = await meetings.control(caller, control.planId, control.sessionId, control.body);
		if (!result.ok) throw new Error(result.error.message);
		process.send?.({ controlled: result.value.revision });
	}
	const setup = message.voteSetup as { planId: string; targetIds: string[] } | undefined;
	if (setup) {
		const opened = await votes.open(setup.planId, caller, {
			title: 'Bench',
			targetIds: setup.targetIds,
			dotsPerPerson: 3
		});
		if (!opened.ok) throw new Error(opened.error.message);
		process.send?.({ voteReady: opened.value.vote.id });
	}
	const cast = message.voteCast as
		{ planId: string; voteId: string; voters: number; targetIds: string[] } | undefined;
	if (cast) {
		const times = await Promise.all(
			Array.from({ length: cast.voters }, async (_, i) => {
				const voter = {
					principal: { ...principal, id: `bench-voter-${i}`, name: `Stimme ${i}` },
					role: 'reviewer' as const
				};
				const dots = { [cast.targetIds[i % cast.targetIds.length]]: 1 };
				const start = performance.now();
				const result = await votes.cast(cast.planId, cast.voteId, voter, { dots });
				if (!result.ok) throw new Error(result.error.message);
				return performance.now() - start;
			})
		);
		process.send?.({ castTimes: times });
	}
}

process.stdout.write(`READY ${running.port}\n`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
process.on('message', async (message: unknown) => {
	if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
	if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
	if (typeof message === 'object' && message !== null && 'grant' in message) {
		const planId = String((message as { grant: unknown }).grant);
		await access.registerPlan(planId, principal);
		const { token } = await access.issueSyncToken(principal, planId);
		process.send?.({ planId, token });
	}
	if (typeof message === 'object' && message !== null && 'lag' in message) {
		await lag(message as { lag: string; ms?: number; planId?: string });
	}
	if (typeof message === 'object' && message !== null) await review(message);
	if (typeof message === 'object' && message !== null)
		await meeting(message as Record<string, unknown>).catch((error: Error) =>
			process.send?.({ benchError: error.message })
		);
});
