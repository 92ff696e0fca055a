/**
 * Sitzungsprotokoll in the browser (issue 13, item 7): the facilitator records a decision
 * anchored to a measure and a task for a member during the session, ends it, opens the protocol
 * page (axe, 1280 and 390 px), comments as an attendee, downloads the PDF and reads its text
 * back with pdfjs; the Gesamtplan exported in the browser carries the decision log. A viewer's
 * attempt to record is refused by the API in German.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readPdf } from '../../src/lib/export/pdf-reader';
import type { PlanJson } from '../../src/lib/domain/types';
import { SHOTS, expectNoSeriousViolations } from './support/axe';
import { NO_SESSION, addMember, createUser, login, myName } from './support/auth';

test('Sitzungsprotokoll: Beschluss und Aufgabe erfassen, beenden, Protokoll und PDF', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const admin = page.request;
	const created = await admin.post('/api/plans', {
		data: { title: 'Protokoll im Browser', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;
	const plan = (await (await admin.get(`/api/plans/${planId}`)).json()) as PlanJson;
	const measure = plan.fields[0].goals[0].measures[0];
	const tara = await createUser(admin, 'Tara Aufgabe');
	await addMember(admin, planId, tara.email, 'editor');
	// Tara signs in and opens the plan (a member added by e-mail counts once she has).
	const taraContext = await browser.newContext({ storageState: NO_SESSION });
	await login(taraContext.request, tara.email, tara.password);
	expect((await taraContext.request.get(`/api/plans/${planId}`)).status()).toBe(200);
	const vico = await createUser(admin, 'Vico Viewer');
	await addMember(admin, planId, vico.email, 'viewer');

	const session = await admin.post(`/api/plans/${planId}/sitzungen`, {
		data: {
			title: 'AG Bildung – Protokoll',
			date: '2027-03-12',
			time: '18:00',
			room: 'Rathaus, Saal 2',
			agenda: [
				{ title: 'Begrüßung', minutes: 10 },
				{ title: 'Beschlüsse', minutes: 30 }
			]
		}
	});
	expect(session.status()).toBe(201);
	const sessionId = ((await session.json()) as { id: string }).id;
	const sessionUrl = `/plans/${planId}/sitzungen/${sessionId}`;

	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(sessionUrl);
	await page.getByTestId('start').click();
	await expect(page.getByTestId('current-step')).toHaveText('Begrüßung');

	// A decision anchored to a measure
	const minutes = page.getByTestId('minutes');
	await minutes.getByRole('radio', { name: 'Beschluss' }).check();
	await page.getByTestId('minutes-text').fill('Das Sprachcafé startet im Mai.');
	await page.getByTestId('minutes-item').selectOption(measure.id);
	await page.getByTestId('minutes-save').click();
	await expect(page.getByTestId('minutes-decision')).toContainText(
		'Das Sprachcafé startet im Mai.'
	);
	await expect(page.getByTestId('minutes-decision')).toContainText(measure.title);

	// A task for a member, chosen as the kind of entry
	await minutes.getByRole('radio', { name: 'Aufgabe' }).check();
	await page.getByTestId('minutes-text').fill('Räume im Rathaus anfragen');
	await page.getByTestId('minutes-assignee').selectOption({ label: 'Tara Aufgabe' });
	await page.getByTestId('minutes-due').fill('2027-04-01');
	await page.getByTestId('minutes-save').click();
	await expect(page.getByTestId('minutes-task')).toContainText('Räume im Rathaus anfragen');
	await expect(page.getByTestId('minutes-task')).toContainText(
		'Wer: Tara Aufgabe · bis 01.04.2027'
	);
	await expectNoSeriousViolations(page, 'Sitzung mit Protokoll');
	await minutes.screenshot({ path: `${SHOTS}/meet-minutes-session-1280.png` });
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(page.getByTestId('minutes-save')).toBeVisible();
	await minutes.screenshot({ path: `${SHOTS}/meet-minutes-session-390.png` });
	await page.setViewportSize({ width: 1280, height: 900 });

	// A viewer cannot record (API, German message)
	const viewerContext = await browser.newContext({ storageState: NO_SESSION });
	await login(viewerContext.request, vico.email, vico.password);
	const refused = await viewerContext.request.post(
		`/api/plans/${planId}/sitzungen/${sessionId}/protokoll/eintraege`,
		{ data: { kind: 'decision', text: 'Nicht erlaubt' } }
	);
	expect(refused.status()).toBe(403);
	expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
		/Berechtigung/
	);
	await viewerContext.close();

	// The task is in Tara's inbox
	const inbox = (await (await taraContext.request.get('/api/notifications')).json()) as {
		notifications: Array<{ kind: string; text: string }>;
	};
	expect(inbox.notifications.filter((x) => x.kind === 'meeting_task')).toHaveLength(1);
	await taraContext.close();

	// End the session: the protocol opens for comments
	page.once('dialog', (d) => void d.accept());
	await page.getByTestId('end').click();
	await expect(page.getByTestId('minutes-phase')).toContainText('Kommentierung');
	await expect(page.getByTestId('minutes-form')).toHaveCount(0);
	await page.getByTestId('open-protocol').click();
	await expect(page).toHaveURL(new RegExp(`${sessionUrl}/protokoll$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('AG Bildung – Protokoll');
	await expect(page.getByTestId('protocol-phase')).toContainText('Kommentierung');
	await expect(page.getByTestId('protocol-decisions')).toContainText(
		'Das Sprachcafé startet im Mai.'
	);
	await expect(page.getByTestId('protocol-tasks')).toContainText('Tara Aufgabe');
	const me = await myName(page);
	await expect(page.getByTestId('protocol-attendance')).toContainText(me);

	// The facilitator attended with an account: may comment
	await page.getByTestId('comment-text').fill('Bitte den Ort im Protokoll ergänzen.');
	await page.getByTestId('comment-send').click();
	await expect(page.getByTestId('protocol-comments')).toContainText(
		'Bitte den Ort im Protokoll ergänzen.'
	);
	await expectNoSeriousViolations(page, 'Sitzungsprotokoll');
	await page.screenshot({ path: `${SHOTS}/meet-minutes-protocol-1280.png`, fullPage: true });

	// The PDF, read back
	const download = page.waitForEvent('download');
	await page.getByTestId('protocol-pdf').click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/protokoll\.pdf$/);
	const pdf = await readPdf(new Uint8Array(readFileSync((await file.path())!)));
	const text = pdf.pages.map((p) => p.replace(/\s+/g, ' ')).join(' ');
	for (const needle of [
		'SITZUNGSPROTOKOLL',
		'AG Bildung – Protokoll',
		'Das Sprachcafé startet im Mai.',
		'Räume im Rathaus anfragen',
		'Tara Aufgabe',
		'01.04.2027',
		me,
		'Bitte den Ort im Protokoll ergänzen.'
	])
		expect(text, needle).toContain(needle);

	// The Gesamtplan exported in the browser with the decision log of all sessions
	await page.goto(`/plans/${planId}`);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await page.getByRole('button', { name: 'Als PDF exportieren' }).click();
	const dialog = page.getByTestId('export-dialog');
	await dialog.getByTestId('export-decision-log').check();
	const planDownload = page.waitForEvent('download');
	await dialog.getByRole('button', { name: 'PDF erstellen' }).click();
	const planPdf = await readPdf(new Uint8Array(readFileSync((await (await planDownload).path())!)));
	const planText = planPdf.pages.map((p) => p.replace(/\s+/g, ' ')).join(' ');
	expect(planText).toContain('Anlage: Beschlussprotokoll aller Sitzungen');
	expect(planText).toContain('Das Sprachcafé startet im Mai.');
	await page.goto(`${sessionUrl}/protokoll`);

	// The protocol page on a phone
	await page.setViewportSize({ width: 390, height: 844 });
	await page.reload();
	await expect(page.getByTestId('protocol')).toBeVisible();
	await expectNoSeriousViolations(page, 'Sitzungsprotokoll (390 px)');
	await page.screenshot({ path: `${SHOTS}/meet-minutes-protocol-390.png`, fullPage: true });
});
