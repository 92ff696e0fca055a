/**
 * E-mail with two instances on one real Redis and one real SMTP server: the shared outbox sends
 * each mail once, whichever instance queued it and although both workers run; the "due soon"
 * reminder started by the instances' own timers (not called by the test) arrives once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../src/lib/contract/review';
import { inviteMessage } from '../server/mail/messages';
import { createOwnedPlan, memberWithRole } from './helpers/auth';
import { waitFor } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { addContent } from './helpers/review';
import { startInProcess } from './helpers/server';
import { startSmtp, type TestSmtp } from './helpers/smtp';

const ORIGIN = 'https://mitplan.stadt.test';

let redis: TestRedis;
let smtp: TestSmtp;
let a: Awaited<ReturnType<typeof startInProcess>>;
let b: Awaited<ReturnType<typeof startInProcess>>;

beforeAll(async () => {
	redis = await startRedis();
	smtp = await startSmtp();
	const env = {
		REDIS_URL: redis.url,
		ORIGIN,
		SMTP_URL: smtp.url,
		MAIL_RETRY_SECONDS: '1',
		// The reminder job runs on its own timer (first run 10 s after the start).
		REVIEW_REMINDER_MINUTES: '1'
	};
	a = await startInProcess(env);
	b = await startInProcess(env);
}, 60_000);

afterAll(async () => {
	await a?.close();
	await b?.close();
	await smtp?.stop();
	await redis?.stop();
});

describe('mail on two instances sharing Redis', () => {
	it('sends each queued mail exactly once', async () => {
		const addresses = Array.from({ length: 20 }, (_, i) => `person${i}-${Date.now()}@stadt.test`);
		const message = inviteMessage({
			planId: 'p1',
			planTitle: 'Gemeinsam',
			role: 'viewer',
			invitedBy: 'Test',
			hasAccount: false
		});
		// Queued on both instances, sent by whichever worker gets there first.
		await Promise.all(
			addresses.map((to, i) => (i % 2 === 0 ? a : b).core.mail.send({ email: to }, message))
		);
		await Promise.all([
			a.core.mail.outbox!.flush(),
			b.core.mail.outbox!.flush(),
			a.core.mail.outbox!.flush(),
			b.core.mail.outbox!.flush()
		]);
		await waitFor(() => addresses.every((to) => smtp.to(to).length > 0), 'all 20 mails', 60_000);
		await Promise.all([a.core.mail.outbox!.flush(), b.core.mail.outbox!.flush()]);
		expect(await a.core.mail.outbox!.size()).toBe(0);
		for (const to of addresses) expect(smtp.to(to)).toHaveLength(1);
	}, 90_000);

	it('the reminder timers send "due soon" once by mail, with both instances running it', async () => {
		const { planId, owner } = await createOwnedPlan(a.core, 'Fristen');
		const reviewer = await memberWithRole(a.core, planId, owner, 'reviewer', 'Rita Prüferin');
		const { fieldId } = await addContent(a.core, planId);
		const ownerCaller: Caller = { principal: owner, role: 'owner' };
		// Only the due reminder: no mail for the request itself.
		await b.core.plans.mail.setPreferences(reviewer.id, { review: false });
		const request = await a.core.review.createRequest(ownerCaller, planId, {
			scope: { kind: 'field', fieldId },
			reviewerIds: [reviewer.id],
			dueDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
			message: ''
		});
		expect(request.ok).toBe(true);
		const [mail] = await smtp.waitFor(reviewer.email, 1, 75_000);
		expect(mail.subject).toBe('Bald fällig in „Fristen“');
		expect(mail.text).toContain(`${ORIGIN}/plans/${planId}?eintrag=${fieldId}`);
		// Running the job again on both instances sends nothing new (one marker per request and person).
		await Promise.all([a.core.review.runReminders(), b.core.review.runReminders()]);
		await Promise.all([a.core.mail.settled(), b.core.mail.settled()]);
		await Promise.all([a.core.mail.outbox!.flush(), b.core.mail.outbox!.flush()]);
		expect(smtp.to(reviewer.email)).toHaveLength(1);
	}, 120_000);
});
