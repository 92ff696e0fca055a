/**
 * Over 400 lines because it is one end-to-end story across several browser contexts whose steps build on each other.
 *
 * Asynchronous review (issue 5) in two (three) browser contexts: the owner requests a review of a
 * field; the reviewer finds it in the inbox and "Meine Prüfaufgaben", requests changes on a
 * measure; the owner sees the notification and the thread live, answers and resolves it; the
 * reviewer approves and the card shows it. Then the administrative check (Phase D), and axe
 * checks of the new pages and panels.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { addField, addGoal, addMeasure, detail, openNewPlan } from './support/board';
import { addMember, person } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

function inDays(days: number): string {
	const d = new Date(Date.now() + days * 86_400_000);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const card = (page: Page, title: string) =>
	page.getByTestId('measure-card').filter({ hasText: title });

/**
 * A member added by e-mail is listed as „eingeladen“ (no name, not assignable) until they open
 * the plan once (issue 12: the list must not reveal whether an account exists).
 */
async function openOnce(page: Page, planId: string) {
	expect((await page.request.get(`/api/plans/${planId}`)).status()).toBe(200);
}

/** A plan with one field, goal and measure, owned by `owner`, with members. */
async function setUp(page: Page, planTitle: string) {
	const planId = await openNewPlan(page, planTitle);
	await addField(page, 'Sprache und Bildung');
	await addGoal(page, 'Sprache und Bildung', 'Sprachförderung ausbauen');
	await addMeasure(page, 'Sprachförderung ausbauen', 'Sprachcafé im Stadtteilzentrum');
	return planId;
}

/** A review request of the first field and a check of its first goal's measures, for `reviewerId`. */
async function requestAndCheck(page: Page, planId: string, reviewerId: string) {
	const state = await page.request.get(`/api/plans/${planId}`);
	const plan = (await state.json()) as {
		fields: Array<{ id: string; goals: Array<{ measures: Array<{ id: string }> }> }>;
	};
	const measureIds = plan.fields[0].goals[0].measures.map((m) => m.id);
	const request = await page.request.post(`/api/plans/${planId}/review-requests`, {
		data: {
			scope: { kind: 'field', fieldId: plan.fields[0].id },
			reviewerIds: [reviewerId],
			dueDate: inDays(3),
			message: ''
		}
	});
	expect(request.status()).toBe(201);
	const check = await page.request.post(`/api/plans/${planId}/checks`, {
		data: { measureIds, departmentUserId: reviewerId, dueDate: inDays(5), note: '' }
	});
	expect(check.status()).toBe(201);
	return measureIds[0];
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('reviewer requests changes, owner answers and resolves live, reviewer approves', async ({
	browser,
	page
}) => {
	const owner = await person(browser, page.request, 'Olga Prozess');
	const rita = await person(browser, page.request, 'Rita Kerngruppe');
	const planId = await setUp(owner.page, 'Review-Plan');
	await addMember(owner.page.request, planId, rita.user.email, 'reviewer');
	await openOnce(rita.page, planId);

	// The owner requests a review of the field from Rita.
	await owner.page.getByTestId('plan-review-link').click();
	await expect(owner.page.getByRole('heading', { level: 1 })).toContainText('Prüfung & Review');
	await owner.page
		.getByTestId('request-scope')
		.selectOption({ label: 'Handlungsfeld „Sprache und Bildung“' });
	await owner.page.getByTestId('request-submit').click();
	// nothing chosen: clear messages, nothing sent
	await expect(owner.page.getByText('Bitte wählen Sie mindestens eine Person.')).toBeVisible();
	await owner.page
		.getByTestId('request-reviewers')
		.getByRole('checkbox', { name: /Rita Kerngruppe/ })
		.check();
	await owner.page.getByTestId('request-due').fill(inDays(7));
	await owner.page
		.getByLabel('Nachricht an die Prüfenden (optional)')
		.fill('Bitte bis nächste Woche.');
	await owner.page.getByTestId('request-submit').click();
	const row = owner.page.getByTestId('request-row');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Rita Kerngruppe');
	await expect(row).toContainText('0 von 2 Voten');

	// Rita sees it in her inbox (unread count from the server) and in "Meine Prüfaufgaben".
	await rita.page.goto('/');
	const bell = rita.page.getByTestId('inbox-bell');
	await expect(bell).toHaveAttribute('aria-label', 'Benachrichtigungen, 1 ungelesen');
	await bell.click();
	const panel = rita.page.getByTestId('inbox-panel');
	await expect(panel.getByTestId('inbox-item').first()).toContainText('Review-Plan');
	await rita.page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(bell).toBeFocused();

	await rita.page.goto('/pruefen');
	const entry = rita.page.getByTestId('queue-entry');
	await expect(entry).toHaveCount(1);
	await expect(entry).toContainText('Review-Plan');
	await entry.getByTestId('queue-item').filter({ hasText: 'Sprachcafé' }).click();
	// the deep link opens the measure's detail panel
	await expect(detail(rita.page)).toBeVisible();
	await expect(detail(rita.page).getByRole('heading', { level: 2 })).toContainText('Sprachcafé');

	// The owner is on the board meanwhile.
	await owner.page.goto(`/plans/${planId}`);
	await expect(card(owner.page, 'Sprachcafé')).toBeVisible();
	const ownerBell = owner.page.getByTestId('inbox-bell');
	await expect(ownerBell).toHaveAttribute('aria-label', 'Benachrichtigungen, keine ungelesen');

	// Rita requests changes; without a comment she is asked for one.
	const myVerdict = detail(rita.page).getByTestId('my-verdict');
	await myVerdict.getByTestId('verdict-changes').click();
	await expect(myVerdict.getByRole('alert')).toHaveText(
		'Bitte schreiben Sie, welche Änderungen Sie erbitten.'
	);
	await myVerdict.getByTestId('verdict-comment').fill('Bitte Zeitraum und Zielgruppe ergänzen.');
	await myVerdict.getByTestId('verdict-changes').click();
	await expect(detail(rita.page).getByTestId('verdict')).toContainText('Änderungen erbeten');
	await expect(detail(rita.page).getByTestId('thread')).toContainText(
		'Bitte Zeitraum und Zielgruppe'
	);

	// The owner sees the notification and the card state live, without a reload.
	await expect(ownerBell).toHaveAttribute('aria-label', 'Benachrichtigungen, 1 ungelesen');
	const ownerCard = card(owner.page, 'Sprachcafé');
	await expect(ownerCard.getByTestId('review-state')).toHaveAttribute(
		'data-state',
		'changes_requested'
	);
	await expect(ownerCard.getByTestId('comment-count')).toHaveAttribute(
		'aria-label',
		'1 offener Kommentar'
	);
	await ownerBell.click();
	await owner.page.getByTestId('inbox-item').first().click();
	await expect(detail(owner.page)).toBeVisible();
	await expect(ownerBell).toHaveAttribute('aria-label', 'Benachrichtigungen, keine ungelesen');
	const thread = detail(owner.page).getByTestId('thread');
	await expect(thread).toContainText('Bitte Zeitraum und Zielgruppe ergänzen.');

	// The owner answers (with an @mention from the list, by keyboard) and resolves the thread.
	await thread.getByTestId('thread-reply').click();
	const reply = detail(owner.page).getByTestId('reply-input');
	await reply.pressSequentially('Danke @Ri');
	await expect(owner.page.getByTestId('mention-option')).toHaveText(['Rita Kerngruppe']);
	await expect(reply).toHaveAttribute('aria-activedescendant', /mention-0$/);
	await reply.press('Enter');
	await expect(reply).toHaveValue('Danke @Rita Kerngruppe ');
	await reply.pressSequentially('– Zeitraum ist ergänzt.');
	await detail(owner.page).getByTestId('reply-input-send').click();
	await expect(thread.getByTestId('comment')).toHaveCount(2);

	// Rita sees the answer live in her open panel.
	await expect(detail(rita.page).getByTestId('thread')).toContainText('Zeitraum ist ergänzt.');

	await thread.getByTestId('thread-resolve').click();
	await expect(detail(owner.page).getByTestId('resolved-threads')).toContainText(
		'1 erledigter Kommentarverlauf'
	);
	await expect(detail(rita.page).getByTestId('resolved-threads')).toBeVisible();

	// Rita approves; the owner's card shows it live.
	await detail(rita.page).getByTestId('verdict-approve').click();
	await expect(detail(rita.page).getByTestId('verdict')).toContainText('Freigegeben');
	await detail(owner.page).getByTestId('detail-done').click();
	await expect(ownerCard.getByTestId('review-state')).toHaveAttribute('data-state', 'approved');
	await expect(ownerCard.getByTestId('review-state')).toContainText('Freigegeben');
	await expect(ownerCard.getByTestId('comment-count')).toHaveCount(0);
	// the goal is still waiting for Rita
	await expect(owner.page.getByTestId('goal').getByTestId('review-state').first()).toContainText(
		'0 von 1 freigegeben'
	);

	// After a reload, everything is still there.
	await owner.page.reload();
	await expect(card(owner.page, 'Sprachcafé').getByTestId('review-state')).toHaveAttribute(
		'data-state',
		'approved'
	);
	await owner.page.screenshot({ path: `${SHOTS}/review-board.png` });

	await owner.context.close();
	await rita.context.close();
});

test('administrative check: the department records "Umsetzbar unter Bedingungen"', async ({
	browser,
	page
}) => {
	const owner = await person(browser, page.request, 'Olga Prozess');
	const dora = await person(browser, page.request, 'Dora Sozialamt');
	const planId = await setUp(owner.page, 'Prüf-Plan');
	await addMember(owner.page.request, planId, dora.user.email, 'reviewer');
	await openOnce(dora.page, planId);

	await owner.page.goto(`/plans/${planId}/pruefung`);
	await owner.page.getByTestId('check-measure').first().check();
	await owner.page.getByTestId('check-due-date').fill(inDays(14));
	// Neither an office nor a person: the form asks for the office.
	await owner.page.getByTestId('check-assign-submit').click();
	await expect(owner.page.getByText('Bitte nennen Sie ein Amt')).toBeVisible();
	await expect(owner.page.getByLabel('Prüfende Stelle (Amt)')).toBeFocused();
	await owner.page.getByLabel('Prüfende Stelle (Amt)').fill('Sozialamt');
	await owner.page.getByTestId('check-department').selectOption({ label: 'Dora Sozialamt' });
	await owner.page.getByLabel('Hinweis (optional)').fill('Bitte Haushaltslage prüfen.');
	await owner.page.getByTestId('check-assign-submit').click();
	await expect(owner.page.getByTestId('check-row')).toHaveCount(1);
	await expect(owner.page.getByTestId('check-row')).toContainText('Ausstehend');
	await expect(owner.page.getByTestId('check-row')).toContainText('Sozialamt (Dora Sozialamt)');

	await owner.page.goto(`/plans/${planId}`);
	const ownerCard = card(owner.page, 'Sprachcafé');
	await expect(ownerCard.getByTestId('check-state')).toContainText(
		'In Prüfung bei Sozialamt (Dora Sozialamt)'
	);

	// Dora opens her task.
	await dora.page.goto('/pruefen');
	await dora.page.getByTestId('queue-entry').getByTestId('queue-item').click();
	const form = detail(dora.page).getByTestId('check-form');
	await form.getByRole('radio', { name: 'Umsetzbar unter Bedingungen' }).check();
	await form.getByTestId('check-reasons').fill('Räume vorhanden, Honorarmittel fehlen.');
	await form.getByTestId('check-office').fill('Amt für Soziales');
	await form.getByTestId('check-submit').click();
	// conditions are required for "unter Bedingungen"
	await expect(form.getByText('Bitte nennen Sie die Bedingungen')).toBeVisible();
	await expect(form.getByTestId('check-conditions')).toBeFocused();
	await form.getByTestId('check-conditions').fill('Haushaltsvorbehalt 2027');
	await form.getByTestId('check-submit').click();
	await expect(detail(dora.page).getByTestId('check-verdict')).toContainText(
		'Umsetzbar unter Bedingungen'
	);

	// closing the deep-linked panel drops ?eintrag, so a reload does not open it again
	await detail(dora.page).getByTestId('detail-done').click();
	await expect(dora.page).toHaveURL(new RegExp(`/plans/${planId}$`));

	// The owner's card shows the verdict live.
	await expect(ownerCard.getByTestId('check-state')).toHaveAttribute('data-outcome', 'conditional');
	await expect(ownerCard.getByTestId('check-state')).toContainText('Umsetzbar unter Bedingungen');
	await ownerCard.locator('.card-open').click();
	await expect(detail(owner.page).getByTestId('check-verdict')).toContainText(
		'Haushaltsvorbehalt 2027'
	);
	await expect(detail(owner.page).getByTestId('check-verdict')).toContainText('Amt für Soziales');

	// Assigned to an office alone: the card names the office, and the owner follows it up.
	await owner.page.goto(`/plans/${planId}/pruefung`);
	await owner.page.getByTestId('check-measure').first().check();
	await owner.page.getByLabel('Prüfende Stelle (Amt)').fill('Amt für Jugend und Familie');
	await owner.page.getByTestId('check-department').selectOption({ label: 'Keine – nur das Amt' });
	await owner.page.getByTestId('check-due-date').fill(inDays(7));
	await owner.page.getByTestId('check-assign-submit').click();
	await expect(owner.page.getByTestId('check-row')).toContainText('Amt für Jugend und Familie');
	await owner.page.goto(`/plans/${planId}`);
	await expect(ownerCard.getByTestId('check-state')).toContainText(
		'In Prüfung bei Amt für Jugend und Familie'
	);
	await owner.page.goto('/pruefen');
	await expect(owner.page.getByTestId('queue-entry')).toHaveCount(1);

	await owner.context.close();
	await dora.context.close();
});

test('reviewer: read-only note names comments and review; several requests: pick one', async ({
	browser,
	page
}) => {
	const owner = await person(browser, page.request, 'Olga Prozess');
	const rita = await person(browser, page.request, 'Rita Kerngruppe');
	const vera = await person(browser, page.request, 'Vera Lesend');
	const planId = await setUp(owner.page, 'Mehrfach-Plan');
	await addMember(owner.page.request, planId, rita.user.email, 'reviewer');
	await addMember(owner.page.request, planId, vera.user.email, 'viewer');
	await openOnce(rita.page, planId);
	const plan = await (await owner.page.request.get(`/api/plans/${planId}`)).json();
	const fieldId = plan.fields[0].id as string;
	const requestIds: string[] = [];
	for (const scope of [{ kind: 'plan' }, { kind: 'field', fieldId }]) {
		const response = await owner.page.request.post(`/api/plans/${planId}/review-requests`, {
			data: { scope, reviewerIds: [rita.user.id], dueDate: inDays(scope.kind === 'plan' ? 9 : 5) }
		});
		expect(response.status(), await response.text()).toBe(201);
		requestIds.push(((await response.json()) as { id: string }).id);
	}

	// The viewer keeps the plain note.
	await vera.page.goto(`/plans/${planId}`);
	await card(vera.page, 'Sprachcafé').locator('.card-open').click();
	await expect(detail(vera.page).getByTestId('readonly-note')).toHaveText(
		'Nur lesen – Ihre Rolle erlaubt keine Änderungen.'
	);

	await rita.page.goto(`/plans/${planId}`);
	await card(rita.page, 'Sprachcafé').locator('.card-open').click();
	await expect(detail(rita.page).getByTestId('readonly-note')).toContainText(
		'kommentieren und prüfen können Sie'
	);

	// Both requests cover the measure: the newest (the field's) is preselected, the other can be
	// chosen; the verdict goes to the chosen one.
	const myVerdict = detail(rita.page).getByTestId('my-verdict');
	const choice = myVerdict.getByTestId('verdict-request');
	await expect(choice.locator('option')).toHaveText([
		/^Handlungsfeld „Sprache und Bildung“ – von Olga Prozess/,
		/^Gesamter Plan – von Olga Prozess/
	]);
	await expect(choice).toHaveValue(requestIds[1]);
	await expect(myVerdict).toContainText('2 offene Prüfanfragen an Sie umfassen dieses Element');
	await myVerdict.screenshot({ path: `${SHOTS}/review-request-choice.png` });
	await choice.selectOption(requestIds[0]);
	await myVerdict.getByTestId('verdict-approve').click();
	await expect(myVerdict).toContainText('Bisher: Freigegeben');
	const state = await (await owner.page.request.get(`/api/plans/${planId}/review`)).json();
	expect(
		(state.decisions as Array<{ requestId: string; verdict: string }>).map((d) => d.requestId)
	).toEqual([requestIds[0]]);

	await owner.context.close();
	await rita.context.close();
	await vera.context.close();
});

test('logging out closes the live connection at once', async ({ browser, page }) => {
	const rita = await person(browser, page.request, 'Rita Abmeldend');
	const socketClosed = new Promise<void>((resolve) =>
		rita.page.on('websocket', (ws) => {
			if (ws.url().includes('/socket.io/')) ws.on('close', () => resolve());
		})
	);
	await rita.page.goto('/');
	await expect(rita.page.getByTestId('inbox-bell')).toHaveAttribute(
		'aria-label',
		'Benachrichtigungen, keine ungelesen'
	);
	await rita.page.getByTestId('user-menu').click();
	await rita.page.getByTestId('logout').click();
	await expect(rita.page).toHaveURL(/\/anmelden/);
	// the server only re-checks sessions every minute: this is the client closing it
	await Promise.race([
		socketClosed,
		new Promise((_, reject) => setTimeout(() => reject(new Error('socket still open')), 5000))
	]);
	await rita.context.close();
});

test('Prüfung & Review follows structure edits when it gets the focus back', async ({
	browser,
	page
}) => {
	const owner = await person(browser, page.request, 'Olga Prozess');
	const planId = await setUp(owner.page, 'Fokus-Plan');
	const review = await owner.context.newPage();
	await review.goto(`/plans/${planId}/pruefung`);
	await expect(review.getByTestId('request-scope').locator('option')).toHaveCount(2);

	await addField(owner.page, 'Arbeit und Ausbildung');
	await addGoal(owner.page, 'Arbeit und Ausbildung', 'Mehr Ausbildungsplätze');
	await addMeasure(owner.page, 'Mehr Ausbildungsplätze', 'Ausbildungsbörse');
	await review.bringToFront();
	await review.waitForTimeout(3100); // reloads at most every 3 s
	await review.evaluate(() => window.dispatchEvent(new Event('focus')));
	await expect(review.getByTestId('request-scope').locator('option')).toHaveCount(3);
	await expect(review.getByTestId('check-measure')).toHaveCount(2);
	await owner.context.close();
});

test('Barrierefreiheit: Prüfung & Review, Meine Prüfaufgaben, Kommentare, Benachrichtigungen', async ({
	browser,
	page
}) => {
	test.setTimeout(90_000); // two people, four pages, an axe run on each (took 44 s of 45 in CI)
	const owner = await person(browser, page.request, 'Olga Prozess');
	const rita = await person(browser, page.request, 'Rita Kerngruppe');
	const planId = await setUp(owner.page, 'A11y-Review');
	await addMember(owner.page.request, planId, rita.user.email, 'reviewer');
	await openOnce(rita.page, planId);

	// a request and a check through the API, so the lists have content
	const measureId = await requestAndCheck(owner.page, planId, rita.user.id);

	await owner.page.goto(`/plans/${planId}/pruefung`);
	await expect(owner.page.getByTestId('request-row')).toHaveCount(1);
	await expect(owner.page.getByTestId('check-row')).toHaveCount(1);
	await owner.page.screenshot({ path: `${SHOTS}/review-pruefung.png`, fullPage: true });
	await expectNoSeriousViolations(owner.page, 'Prüfung & Review');

	await rita.page.goto('/pruefen');
	await expect(rita.page.getByTestId('queue-entry')).toHaveCount(2);
	await rita.page.screenshot({ path: `${SHOTS}/review-queue.png`, fullPage: true });
	await expectNoSeriousViolations(rita.page, 'Meine Prüfaufgaben');

	await rita.page.getByTestId('inbox-bell').click();
	await expect(rita.page.getByTestId('inbox-item')).toHaveCount(2);
	await rita.page.screenshot({ path: `${SHOTS}/review-inbox.png` });
	await expectNoSeriousViolations(rita.page, 'the inbox panel');
	await rita.page.keyboard.press('Escape');

	await rita.page.goto(`/plans/${planId}?eintrag=${measureId}`);
	await expect(detail(rita.page)).toBeVisible();
	await detail(rita.page).getByTestId('comment-new').click();
	await detail(rita.page)
		.getByTestId('comment-input')
		.fill('Ist das Café barrierefrei erreichbar?');
	await detail(rita.page).getByTestId('comment-input-send').click();
	await expect(detail(rita.page).getByTestId('thread')).toHaveCount(1);
	await detail(rita.page).getByTestId('thread-reply').click();
	await detail(rita.page).getByTestId('reply-input').pressSequentially('@Ol');
	await expect(rita.page.getByTestId('mention-option')).toHaveCount(1);
	await rita.page.screenshot({ path: `${SHOTS}/review-detail.png` });
	await expectNoSeriousViolations(rita.page, 'the detail panel with comments');

	await owner.context.close();
	await rita.context.close();
});

test('phone width: header, inbox panel and Prüfung & Review fit the screen', async ({
	browser,
	page
}) => {
	const owner = await person(browser, page.request, 'Olga Prozess');
	const rita = await person(browser, page.request, 'Rita Kerngruppe');
	const planId = await setUp(owner.page, 'Telefon-Review');
	await addMember(owner.page.request, planId, rita.user.email, 'reviewer');
	await openOnce(rita.page, planId);
	await addMeasure(owner.page, 'Sprachförderung ausbauen', 'Elterncafé an der Grundschule');
	await expect
		.poll(async () =>
			JSON.stringify(await (await owner.page.request.get(`/api/plans/${planId}`)).json())
		)
		.toContain('Elterncafé an der Grundschule');
	await requestAndCheck(owner.page, planId, rita.user.id);
	const width = 390;
	await rita.page.setViewportSize({ width, height: 844 });
	await owner.page.setViewportSize({ width, height: 844 });

	// the board's header: status, bell and menu side by side, none cut off or covering another
	await rita.page.goto(`/plans/${planId}`);
	const status = rita.page.getByTestId('connection-status');
	await expect(status).toHaveAttribute('data-status', 'online');
	await expect(status.getByText('Verbunden', { exact: true })).toBeVisible();
	await expect(status.getByText('Verbunden · gespeichert')).toBeHidden();
	const boxes = [];
	for (const id of ['presence', 'connection-status', 'inbox-bell', 'user-menu']) {
		const box = (await rita.page.getByTestId(id).boundingBox())!;
		expect(box.x, id).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width, id).toBeLessThanOrEqual(width);
		boxes.push(box);
	}
	for (let i = 1; i < boxes.length; i++)
		expect(boxes[i].x).toBeGreaterThanOrEqual(boxes[i - 1].x + boxes[i - 1].width);

	// the inbox panel opens within the screen
	await rita.page.getByTestId('inbox-bell').click();
	const panel = rita.page.getByTestId('inbox-panel');
	await expect(panel.getByTestId('inbox-item')).toHaveCount(2);
	const box = (await panel.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(width);
	await rita.page.screenshot({ path: `${SHOTS}/review-inbox-phone.png` });
	await rita.page.keyboard.press('Escape');
	await expect(panel).toBeHidden();

	// measures assigned together are one task in "Meine Prüfaufgaben"
	await rita.page.goto('/pruefen');
	const check = rita.page.getByTestId('queue-entry').and(rita.page.locator('[data-kind=check]'));
	await expect(check).toHaveCount(1);
	await expect(check).toContainText('Bitte tragen Sie für 2 Maßnahmen Ihr Prüfergebnis ein:');
	await expect(check.getByTestId('queue-item')).toHaveCount(2);
	await expect(check).toContainText('Maßnahme „Sprachcafé im Stadtteilzentrum“');
	await expect(check).toContainText('Maßnahme „Elterncafé an der Grundschule“');
	await rita.page.screenshot({ path: `${SHOTS}/review-queue-phone.png`, fullPage: true });

	// wide tables scroll inside their box; the page itself does not scroll sideways
	await owner.page.goto(`/plans/${planId}/pruefung`);
	await expect(owner.page.getByTestId('check-row')).toHaveCount(2);
	expect(
		await owner.page.evaluate(() => document.documentElement.scrollWidth),
		'page width'
	).toBeLessThanOrEqual(width);

	await owner.context.close();
	await rita.context.close();
});
