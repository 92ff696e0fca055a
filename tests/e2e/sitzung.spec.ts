/**
 * Sitzungsmodus in the browser (issue 13): the owner plans a session from the board's plan menu
 * and runs it; a participant at 390 px and the projector view (three browser contexts) see the
 * step, the server timer, "Alle zu mir" and the structure lock live; the participant raises a
 * hand by keyboard; the owner records a person in the room. The API refuses a participant's
 * control and an overlong title in German. axe on the new pages; screenshots of the projector
 * (1920×1080, 1280×720) and the phone view.
 */
import { expect, test } from '@playwright/test';
import { SHOTS, expectNoSeriousViolations } from './support/axe';
import { ADMIN_STATE, NO_SESSION, addMember, createUser, login } from './support/auth';

test('Sitzung: planen, steuern, live am Handy und am Beamer', async ({ page, browser }) => {
	test.setTimeout(180_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Sitzung im Browser', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;

	// Plan a session from the board's plan menu (default agenda after seed 003)
	await page.goto(`/plans/${planId}`);
	await page.getByTestId('plan-sessions').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/sitzungen$`));
	await expect(page.getByTestId('sessions-empty')).toBeVisible();
	await page.getByTestId('session-new').click();
	await expect(page.getByLabel('Schritt 1', { exact: true })).toHaveValue('Begrüßung');
	await expect(page.getByLabel('Schritt 5', { exact: true })).toHaveValue('Abschluss');
	await page.getByTestId('session-create').click();
	await expect(page.getByTestId('session-error')).toHaveText(
		'Bitte geben Sie der Sitzung einen Titel.'
	);
	await page.getByTestId('session-title').fill('AG Bildung – 2. Treffen');
	await page.getByTestId('session-date').fill('2027-03-12');
	await page.getByLabel('Raum (optional)').fill('Rathaus, Saal 2');
	await expectNoSeriousViolations(page, 'Sitzungen (Formular)');
	await page.screenshot({ path: `${SHOTS}/sitzungen-1280.png`, fullPage: true });
	await page.getByTestId('session-create').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/sitzungen/sitzung-`));
	const sessionUrl = new URL(page.url()).pathname;
	const sessionId = sessionUrl.split('/').at(-1)!;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('AG Bildung – 2. Treffen');

	// A participant on a phone (editor) and the projector in their own contexts
	const admin = page.request;
	const pia = await createUser(admin, 'Pia Teilnehmerin');
	await addMember(admin, planId, pia.email, 'editor');
	const phoneContext = await browser.newContext({
		storageState: NO_SESSION,
		viewport: { width: 390, height: 844 }
	});
	await login(phoneContext.request, pia.email, pia.password);
	const phone = await phoneContext.newPage();
	await phone.goto(sessionUrl);
	await expect(phone.getByRole('heading', { level: 2, name: 'Noch nicht begonnen' })).toBeVisible();
	await expect(phone.getByTestId('controls')).toHaveCount(0);

	const beamerContext = await browser.newContext({
		storageState: ADMIN_STATE,
		viewport: { width: 1920, height: 1080 }
	});
	const beamer = await beamerContext.newPage();
	await beamer.goto(`${sessionUrl}/beamer`);
	await expect(beamer.getByTestId('beamer-step')).toHaveText('Gleich geht es los');
	await expect(beamer.getByRole('button')).toHaveCount(0);
	await expect(beamer.getByAltText('QR-Code: zur Sitzung auf dem Handy')).toBeVisible();

	// The facilitator steers; everyone sees it live
	await page.getByTestId('start').click();
	await expect(phone.getByTestId('current-step')).toHaveText('Begrüßung');
	await expect(beamer.getByTestId('beamer-step')).toHaveText('Begrüßung');
	await page.getByTestId('next-step').click();
	await expect(phone.getByTestId('current-step')).toHaveText('Exploration');
	await expect(beamer.getByTestId('beamer-step')).toHaveText('Exploration');
	await page.getByTestId('timer-minutes').fill('5');
	await page.getByTestId('timer-start').click();
	await expect(phone.getByTestId('timer')).toHaveText(/^0[45]:\d\d$/);
	await expect(beamer.getByTestId('beamer-timer')).toHaveText(/^0[45]:\d\d$/);
	await page.getByTestId('follow-item').selectOption({ index: 1 });
	await page.getByTestId('follow-on').click();
	await expect(phone.getByTestId('follow-target')).toContainText('Alle zu: Handlungsfeld');
	await expect(beamer.getByTestId('beamer-focus')).toContainText('Handlungsfeld');
	// The participant's board before the lock: the add button is offered
	const board = await phoneContext.newPage();
	await board.setViewportSize({ width: 390, height: 844 });
	await board.goto(`/plans/${planId}`);
	await expect(board.getByTestId('add-field')).toBeVisible();
	await expect(board.getByTestId('structure-lock')).toHaveCount(0);

	await page.getByTestId('lock').click();
	await expect(phone.getByTestId('lock-badge')).toBeVisible();
	// …and live while locked: the notice, no add or card menu; the owner's board keeps them
	await expect(board.getByTestId('structure-lock')).toContainText(
		'Struktur gesperrt – die Moderation hat die Gliederung für diese Sitzung gesperrt; Texte können weiter bearbeitet werden.'
	);
	await expect(board.getByTestId('add-field')).toHaveCount(0);
	await expect(board.getByTestId('card-menu')).toHaveCount(0);
	await board.screenshot({ path: `${SHOTS}/board-gesperrt-390.png` });
	// A board opened while the lock is on knows it from the session's state
	await board.reload();
	await expect(board.getByTestId('structure-lock')).toBeVisible();
	await expect(board.getByTestId('add-field')).toHaveCount(0);
	const ownerBoard = await page.context().newPage();
	await ownerBoard.goto(`/plans/${planId}`);
	await expect(ownerBoard.getByTestId('add-field')).toBeVisible();
	await expect(ownerBoard.getByTestId('structure-lock')).toHaveCount(0);
	await ownerBoard.close();
	// Unlock and lock again: the board follows live
	await page.getByTestId('lock').click();
	await expect(board.getByTestId('structure-lock')).toHaveCount(0);
	await expect(board.getByTestId('add-field')).toBeVisible();
	await expect(page.getByTestId('lock')).toHaveText('Struktur sperren');
	await page.getByTestId('lock').click();
	await expect(board.getByTestId('structure-lock')).toBeVisible();
	await expect(board.getByTestId('add-field')).toHaveCount(0);

	// Raising a hand by keyboard on the phone; the facilitator sees the queue
	await phone.getByTestId('hand').focus();
	await phone.keyboard.press('Enter');
	await expect(phone.getByTestId('hand')).toHaveText('Hand senken');
	await expect(page.getByTestId('hands')).toContainText('Pia Teilnehmerin');

	// A person in the room without a device
	await page.getByTestId('person-name').fill('Hamid Rahimi');
	await page.getByLabel('Organisation').fill('Migrantenbeirat');
	await page.getByTestId('person-add').click();
	await expect(page.getByTestId('in-room')).toContainText('Hamid Rahimi (Migrantenbeirat)');

	// The server refuses: a participant's control, an overlong title
	const refused = await phoneContext.request.post(
		`/api/plans/${planId}/sitzungen/${sessionId}/steuerung`,
		{ data: { action: 'step', index: 0 } }
	);
	expect(refused.status()).toBe(403);
	expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
		'Das darf nur die Moderation dieser Sitzung oder die Prozesssteuerung.'
	);
	const long = await admin.post(`/api/plans/${planId}/sitzungen`, {
		data: { title: 'T'.repeat(300), date: '2027-03-12' }
	});
	expect(long.status()).toBe(400);
	expect(((await long.json()) as { error: { message: string } }).error.message).toContain(
		'Der Titel ist zu lang'
	);
	const unknown = await admin.get(`/api/plans/${planId}/sitzungen/sitzung-unbekannt1`);
	expect(unknown.status()).toBe(404);

	// axe and screenshots
	await expectNoSeriousViolations(page, 'Sitzung (Moderation)');
	await expectNoSeriousViolations(phone, 'Sitzung (Handy)');
	await expectNoSeriousViolations(beamer, 'Beamer');
	await page.screenshot({ path: `${SHOTS}/sitzung-1280.png`, fullPage: true });
	await phone.screenshot({ path: `${SHOTS}/sitzung-390.png`, fullPage: true });
	await beamer.screenshot({ path: `${SHOTS}/beamer-1920.png` });
	await beamer.setViewportSize({ width: 1280, height: 720 });
	await beamer.screenshot({ path: `${SHOTS}/beamer-1280.png` });
	await expect(beamer.getByTestId('beamer-timer')).toBeInViewport();

	// Ending the session: the record stays readable
	page.once('dialog', (d) => void d.accept());
	await page.getByTestId('end').click();
	await expect(beamer.getByTestId('beamer-step')).toHaveText('Sitzung beendet – danke!');
	await page.goto(`/plans/${planId}/sitzungen`);
	await expect(page.getByTestId('sessions')).toContainText('beendet');
	await phoneContext.close();
	await beamerContext.close();
});
