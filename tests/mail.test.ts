/**
 * E-mail end to end (issue 17 item 5): a real Mitplan backend with SMTP_URL pointing at a real
 * local SMTP server (smtp-server) that the test reads (mailparser). Each kind of mail arrives with
 * the right recipient, subject and link; preferences are respected; an unreachable SMTP server
 * neither blocks nor loses mail (also across a restart).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../src/lib/contract/review';
import { createOwnedPlan, createTestUser, memberWithRole } from './helpers/auth';
import { addContent } from './helpers/review';
import { startInProcess, tempDir } from './helpers/server';
import { startSmtp, type TestSmtp } from './helpers/smtp';

const ORIGIN = 'https://mitplan.stadt.test';

let smtp: TestSmtp;
let data: ReturnType<typeof tempDir>;
let server: Awaited<ReturnType<typeof startInProcess>>;

const env = () => ({
	DATA_DIR: data.dir,
	ORIGIN,
	SMTP_URL: smtp.url,
	MAIL_FROM: 'Stadt Musterstadt <beteiligung@stadt.test>',
	MAIL_RETRY_SECONDS: '1',
	REVIEW_REMINDER_MINUTES: '0'
});

beforeAll(async () => {
	smtp = await startSmtp();
	data = tempDir();
	server = await startInProcess(env());
});

afterAll(async () => {
	await server?.close();
	await smtp?.stop();
	data?.remove();
});

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Waits until everything queued so far is out (or given up). */
async function drained(core = server.core) {
	await core.mail.settled();
	await core.mail.outbox!.flush();
	expect(await core.mail.outbox!.size()).toBe(0);
}

async function setup(title: string) {
	const { planId, owner } = await createOwnedPlan(server.core, title);
	const reviewer = await memberWithRole(server.core, planId, owner, 'reviewer', 'Rita Prüferin');
	const ownerCaller: Caller = { principal: owner, role: 'owner' };
	return { planId, owner, reviewer, ownerCaller };
}

describe('mail with a reachable SMTP server', () => {
	it('adding a person by e-mail sends one invite, with a plain-text and an HTML part', async () => {
		const { planId, owner } = await setup('Integrationskonzept Nord');
		const invitee = await createTestUser(server.core, 'Ines Eingeladen');
		const access = server.core.plans.access;
		const added = await access.addMemberByEmail(planId, owner, invitee.email, 'editor');
		expect(added.ok).toBe(true);
		const [mail] = await smtp.waitFor(invitee.email);
		expect(mail.from).toBe('beteiligung@stadt.test');
		expect(mail.subject).toBe('Einladung zum Plan „Integrationskonzept Nord“');
		expect(mail.text).toContain(
			'Eigentümerin hat Sie in Mitplan zum Plan „Integrationskonzept Nord“'
		);
		expect(mail.text).toContain('Rolle: Bearbeiten');
		expect(mail.text).toContain(`${ORIGIN}/plans/${planId}`);
		expect(mail.html).toContain(`<a href="${ORIGIN}/plans/${planId}">Plan öffnen</a>`);
		expect(mail.html).not.toMatch(/<img/i);

		// Adding again (or changing the role) is no new invitation.
		expect((await access.addMemberByEmail(planId, owner, invitee.email, 'viewer')).ok).toBe(true);
		await drained();
		expect(smtp.to(invitee.email)).toHaveLength(1);

		// Without an account: the mail says so (the adding person learns nothing).
		const stranger = `neu-${Date.now()}@stadt.test`;
		expect((await access.addMemberByEmail(planId, owner, stranger, 'viewer')).ok).toBe(true);
		const [invite] = await smtp.waitFor(stranger);
		expect(invite.text).toContain('noch kein Konto');
	});

	it('a reset link made by the Administration reaches the account with that link', async () => {
		const user = await createTestUser(server.core, 'Paul Passwort');
		const link = await server.core.plans.access.createResetLink(user.id);
		expect(link.ok).toBe(true);
		const token = link.ok ? link.value.token : '';
		const [mail] = await smtp.waitFor(user.email);
		expect(mail.subject).toBe('Neues Passwort für Mitplan festlegen');
		expect(mail.text).toContain(`${ORIGIN}/passwort-neu/${token}`);
		expect(mail.html).toContain(`href="${ORIGIN}/passwort-neu/${token}"`);
	});

	it('a mention, a review request and a due reminder arrive as mails with links to the plan', async () => {
		const { planId, reviewer, ownerCaller } = await setup('Leitbild 2030');
		const { fieldId } = await addContent(server.core, planId);
		const thread = await server.core.review.createThread(ownerCaller, planId, {
			itemId: fieldId,
			body: 'Bitte prüfen, @Rita',
			mentions: [reviewer.id]
		});
		expect(thread.ok).toBe(true);
		const [mention] = await smtp.waitFor(reviewer.email);
		expect(mention.subject).toBe('Sie wurden in „Leitbild 2030“ erwähnt');
		expect(mention.text).toContain('Eigentümerin hat Sie in „Bildung“ erwähnt.');
		expect(mention.text).toContain(`${ORIGIN}/plans/${planId}?eintrag=${fieldId}`);

		const request = await server.core.review.createRequest(ownerCaller, planId, {
			scope: { kind: 'field', fieldId },
			reviewerIds: [reviewer.id],
			dueDate: tomorrow(),
			message: ''
		});
		expect(request.ok).toBe(true);
		const afterRequest = await smtp.waitFor(reviewer.email, 2);
		expect(afterRequest[1].subject).toBe('Prüfanfrage zu „Leitbild 2030“');

		expect(await server.core.review.runReminders()).toBe(1);
		const afterReminder = await smtp.waitFor(reviewer.email, 3);
		expect(afterReminder[2].subject).toBe('Bald fällig in „Leitbild 2030“');
		expect(afterReminder[2].text).toContain('fällig');
		expect(afterReminder[2].text).toContain(`${ORIGIN}/plans/${planId}`);
	});

	it('an overdue Sachstand (Umsetzung) reaches the responsible person and the owner by mail', async () => {
		const { planId, owner, reviewer } = await setup('Umsetzung 2027');
		const { measureId } = await addContent(server.core, planId, {
			field: 'Arbeit',
			goal: 'Mehr Ausbildung',
			measure: 'Ausbildungsmesse'
		});
		const adopted = await server.core.monitoring.adopt(owner, planId, {
			date: '2026-11-30',
			body: 'Gemeinderat',
			reference: 'GR 2026/12'
		});
		expect(adopted.ok).toBe(true);
		const set = await server.core.monitoring.update(
			{ principal: owner, role: 'owner' },
			planId,
			measureId,
			{
				responsibleIds: [reviewer.id],
				nextUpdateDue: '2026-01-15'
			}
		);
		expect(set.ok).toBe(true);
		await server.core.monitoring.runReminders();
		const [due] = await smtp.waitFor(reviewer.email);
		expect(due.subject).toBe('Sachstand fällig in „Umsetzung 2027“');
		expect(due.text).toContain('Sachstand fällig: „Ausbildungsmesse“ (fällig am 15.01.2026).');
		expect(due.text).toContain(`${ORIGIN}/plans/${planId}`);
		const digest = (await smtp.waitFor(owner.email)).find((m) =>
			m.subject.startsWith('Wochenüberblick')
		);
		expect(digest?.subject).toBe('Wochenüberblick zur Umsetzung von „Umsetzung 2027“');
		expect(digest?.text).toMatch(/1 Sachstand überfällig/);
	});

	it('respects each person’s choice of mails', async () => {
		const { planId, reviewer, ownerCaller } = await setup('Vorlieben');
		await addContent(server.core, planId);
		const mail = server.core.plans.mail;
		expect(await mail.getSettings(reviewer.id)).toEqual({
			ok: true,
			value: {
				enabled: true,
				preferences: { invite: true, mention: true, reply: true, review: true, due: true }
			}
		});
		const changed = await mail.setPreferences(reviewer.id, { mention: false });
		expect(changed.ok && changed.value.preferences).toMatchObject({ mention: false, review: true });
		const bad = await mail.setPreferences(reviewer.id, { mention: 'nein', spam: true });
		expect(bad).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_input' } });

		await server.core.review.createThread(ownerCaller, planId, {
			itemId: null,
			body: '@Rita bitte ansehen',
			mentions: [reviewer.id]
		});
		await server.core.review.createRequest(ownerCaller, planId, {
			scope: { kind: 'plan' },
			reviewerIds: [reviewer.id],
			dueDate: tomorrow(),
			message: ''
		});
		const [only] = await smtp.waitFor(reviewer.email);
		await drained();
		expect(smtp.to(reviewer.email).map((m) => m.subject)).toEqual(['Prüfanfrage zu „Vorlieben“']);
		expect(only.subject).toBe('Prüfanfrage zu „Vorlieben“');
		// The in-app inbox still has both.
		const inbox = await server.core.review.inbox(reviewer);
		expect(inbox.ok && inbox.value.notifications.map((n) => n.kind).sort()).toEqual([
			'mention',
			'review_requested'
		]);
	});
});

describe('mail in the recipient’s language', () => {
	it('an account that chose English gets the invitation, reset link and mention in English', async () => {
		const { planId, owner, reviewer, ownerCaller } = await setup('Klimaplan Süd');
		const languages = server.core.plans.languages;
		const invitee = await createTestUser(server.core, 'Emma English');
		await languages.set(invitee.id, 'en');
		const access = server.core.plans.access;
		expect((await access.addMemberByEmail(planId, owner, invitee.email, 'editor')).ok).toBe(true);
		const [invite] = await smtp.waitFor(invitee.email);
		expect(invite.subject).toBe('Invitation to the plan “Klimaplan Süd”');
		expect(invite.text).toMatch(/^Hello,/);
		expect(invite.text).toContain(
			'Eigentümerin has added you to the plan “Klimaplan Süd” in Mitplan (role: Edit).'
		);
		expect(invite.text).toContain('Sign in with your account to open the plan.');
		expect(invite.text).toContain('You can choose which emails you get from Mitplan');
		expect(invite.text).not.toMatch(/Guten Tag|Rolle|Mein Konto/);
		expect(invite.html).toContain('<html lang="en">');
		expect(invite.html).toContain(`<a href="${ORIGIN}/plans/${planId}">Open plan</a>`);

		expect((await access.createResetLink(invitee.id)).ok).toBe(true);
		const reset = (await smtp.waitFor(invitee.email, 2))[1];
		expect(reset.subject).toBe('Set a new password for Mitplan');
		expect(reset.text).toContain('This email was sent automatically by Mitplan.');
		expect(reset.html).toContain('>Set new password</a>');

		// A German-speaking (never chosen) reviewer next to an English one: each in their language.
		await languages.set(reviewer.id, 'en');
		const { fieldId } = await addContent(server.core, planId);
		const thread = await server.core.review.createThread(ownerCaller, planId, {
			itemId: fieldId,
			body: 'Please have a look, @Rita',
			mentions: [reviewer.id]
		});
		expect(thread.ok).toBe(true);
		const [mention] = await smtp.waitFor(reviewer.email);
		expect(mention.subject).toBe('You were mentioned in “Klimaplan Süd”');
		// The inbox's sentence, in English (kind + params, src/lib/review/notice-text.ts).
		expect(mention.text).toContain('Eigentümerin mentioned you in “Bildung”.');
		expect(mention.text).not.toContain('erwähnt');
		expect(mention.html).toContain('>View in Mitplan</a>');
	});

	it('an address without account gets the inviting person’s language, else German', async () => {
		const { planId, owner } = await setup('Radverkehr');
		const access = server.core.plans.access;
		const german = `de-${Date.now()}@stadt.test`;
		expect((await access.addMemberByEmail(planId, owner, german, 'viewer')).ok).toBe(true);
		const [de] = await smtp.waitFor(german);
		expect(de.subject).toBe('Einladung zum Plan „Radverkehr“');
		expect(de.text).toMatch(/^Guten Tag,/);
		expect(de.html).toContain('<html lang="de">');

		await server.core.plans.languages.set(owner.id, 'en');
		const english = `en-${Date.now()}@stadt.test`;
		expect((await access.addMemberByEmail(planId, owner, english, 'viewer')).ok).toBe(true);
		const [en] = await smtp.waitFor(english);
		expect(en.subject).toBe('Invitation to the plan “Radverkehr”');
		expect(en.text).toContain('(role: Read only)');
		expect(en.text).toContain('There is no account for this email address yet.');
	});
});

describe('mail with an unreachable SMTP server', () => {
	it('queues without blocking, retries, and sends after the server is back', async () => {
		const { planId, reviewer, ownerCaller } = await setup('Ausfall');
		await smtp.stop();
		const started = Date.now();
		const thread = await server.core.review.createThread(ownerCaller, planId, {
			itemId: null,
			body: '@Rita während des Ausfalls',
			mentions: [reviewer.id]
		});
		expect(thread.ok).toBe(true);
		expect(Date.now() - started).toBeLessThan(5_000);
		await server.core.mail.settled();
		await server.core.mail.outbox!.flush(); // one failed attempt
		expect(await server.core.mail.outbox!.size()).toBe(1);
		expect(smtp.to(reviewer.email)).toHaveLength(0);

		await smtp.start();
		const [mail] = await smtp.waitFor(reviewer.email, 1, 60_000);
		expect(mail.subject).toBe('Sie wurden in „Ausfall“ erwähnt');
		await drained();
	}, 90_000);

	it('keeps queued mail across a restart and sends it afterwards', async () => {
		const { planId, owner } = await setup('Neustart');
		await smtp.stop();
		const address = `neustart-${Date.now()}@stadt.test`;
		const added = await server.core.plans.access.addMemberByEmail(planId, owner, address, 'viewer');
		expect(added.ok).toBe(true);
		await server.core.mail.settled();
		expect(await server.core.mail.outbox!.size()).toBe(1);
		await server.close();

		await smtp.start();
		server = await startInProcess(env());
		const [mail] = await smtp.waitFor(address, 1, 60_000);
		expect(mail.subject).toBe('Einladung zum Plan „Neustart“');
		await drained();
		expect(smtp.to(address)).toHaveLength(1);
	}, 90_000);
});
