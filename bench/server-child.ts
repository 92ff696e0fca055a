/**
 * The benchmark's server: the real sync server in its own process (no SvelteKit UI needed). A
 * bench account owns the plans the benchmark asks for ({grant: planId}) and gets sync tokens.
 */
import { loadConfig } from '../server/config';
import { startServer } from '../server/main';

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

process.stdout.write(`READY ${running.port}\n`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
process.on('message', async (message: unknown) => {
	if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
	if (typeof message === 'object' && message !== null && 'grant' in message) {
		const planId = String((message as { grant: unknown }).grant);
		await access.registerPlan(planId, principal);
		const { token } = await access.issueSyncToken(principal, planId);
		process.send?.({ planId, token });
	}
	if (typeof message === 'object' && message !== null) await review(message);
});
