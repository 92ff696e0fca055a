/**
 * Ideensammlung in the browser (issue 13, item 5): a participant on a phone (390 px) adds ideas by
 * keyboard only, one without the name; the facilitator sees them live, groups two into a
 * cluster, takes one over as a Maßnahme and finds it on the board with "Aus der Sitzung vom …"
 * in the detail panel; the projector shows the live ideas. axe on the session page with the
 * wall; screenshots at 1280 and 390 px and of the projector at 1920×1080. An idea typed while
 * offline waits in the offline queue and arrives exactly once when the connection is back.
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ADMIN_STATE, NO_SESSION, addMember, createUser, login } from './support/auth';

const SHOT = (name: string) => `/tmp/shots/meet-ideas-${name}.png`;

test('Ideensammlung: Ideen am Handy, gruppieren, als Maßnahme übernehmen, am Beamer', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Ideen im Browser', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;
	const session = await page.request.post(`/api/plans/${planId}/sitzungen`, {
		data: { title: 'AG Klima – Ideen', date: '2027-03-12', time: '18:00' }
	});
	expect(session.status()).toBe(201);
	const sessionId = ((await session.json()) as { id: string }).id;
	const sessionUrl = `/plans/${planId}/sitzungen/${sessionId}`;

	// The participant (Prüfen und kommentieren) on a phone
	const pia = await createUser(page.request, 'Pia Teilnehmerin');
	await addMember(page.request, planId, pia.email, 'reviewer');
	const phoneContext = await browser.newContext({
		storageState: NO_SESSION,
		viewport: { width: 390, height: 844 }
	});
	await login(phoneContext.request, pia.email, pia.password);
	const phone = await phoneContext.newPage();
	await phone.goto(sessionUrl);
	await expect(phone.getByTestId('idea-wall')).toBeVisible();

	await page.goto(sessionUrl);
	await expect(page.getByTestId('idea-wall')).toBeVisible();

	// Keyboard only: focus the field with Tab, type, Enter; the checkbox with Space
	const field = phone.getByLabel('Ihre Idee');
	await phone.getByTestId('idea-wall').getByRole('heading', { name: 'Ideensammlung' }).click();
	for (let i = 0; i < 8 && !(await field.evaluate((el) => el === document.activeElement)); i++)
		await phone.keyboard.press('Tab');
	await expect(field).toBeFocused();
	await phone.keyboard.type('Trinkbrunnen am Marktplatz');
	await phone.keyboard.press('Enter');
	await expect(phone.getByTestId('idea-card')).toHaveCount(1);
	await expect(field).toHaveValue('');
	await field.fill('Mehr Bäume in der Hauptstraße');
	await phone.getByTestId('idea-anonymous').focus();
	await phone.keyboard.press('Space');
	await expect(phone.getByTestId('idea-anonymous')).toBeChecked();
	await field.focus();
	await phone.keyboard.press('Enter');
	// Per field: this one is about a chosen Handlungsfeld
	const fieldSelect = phone.getByLabel('Handlungsfeld (optional)');
	const fieldTitle = ((await fieldSelect.locator('option').nth(1).textContent()) ?? '').trim();
	await fieldSelect.selectOption({ index: 1 });
	await field.fill('Schattige Sitzplätze am Spielplatz');
	await field.press('Enter');
	await expect(phone.getByTestId('idea-card')).toHaveCount(3);
	await expect(phone.getByTestId('idea-count')).toHaveText('3 Ideen');
	await expect(
		phone.getByTestId('idea-card').filter({ hasText: 'Schattige Sitzplätze' })
	).toContainText(fieldTitle);
	// An overlong idea is stopped by the field; sent raw the server answers in German
	const long = await phoneContext.request.post(
		`/api/plans/${planId}/sitzungen/${sessionId}/ideen`,
		{
			data: { clientId: 'c-zu-lang-0001', text: 'x'.repeat(100_000) }
		}
	);
	expect(long.status()).toBe(400);
	expect(((await long.json()) as { error: { message: string } }).error.message).toBe(
		'Die Idee ist zu lang (100.000 Zeichen, höchstens 500).'
	);

	// The facilitator sees them live; the anonymous one without a name
	await expect(page.getByTestId('idea-card')).toHaveCount(3);
	const trees = page.getByTestId('idea-card').filter({ hasText: 'Mehr Bäume' });
	await expect(trees).toContainText('ohne Namen');
	await expect(trees).not.toContainText('Pia');

	// Group two into a cluster
	await page.getByTestId('cluster-title').fill('Grün und Schatten');
	await page.getByTestId('cluster-add').click();
	await expect(page.getByTestId('idea-cluster-box')).toHaveCount(1);
	for (const text of ['Mehr Bäume', 'Schattige Sitzplätze']) {
		const card = page.getByTestId('idea-card').filter({ hasText: text });
		await card.getByText('Moderieren').click();
		await card.getByTestId('idea-cluster').selectOption({ label: 'Grün und Schatten' });
		await expect(
			page.getByTestId('idea-cluster-box').getByTestId('idea-card').filter({ hasText: text })
		).toBeVisible();
	}
	await expect(phone.getByTestId('idea-cluster-box').getByTestId('idea-card')).toHaveCount(2);

	// Take one idea over as a Maßnahme
	const fountain = page.getByTestId('idea-card').filter({ hasText: 'Trinkbrunnen' });
	await fountain.getByText('Moderieren').click();
	await fountain.getByTestId('convert-type').selectOption('measure');
	await fountain.getByTestId('convert-parent').selectOption({ index: 1 });
	await fountain.getByRole('button', { name: 'Als Maßnahme übernehmen' }).click();
	await expect(fountain.getByTestId('idea-outcome')).toContainText(
		'übernommen → Maßnahme „Trinkbrunnen am Marktplatz“'
	);
	await expect(
		phone.getByTestId('idea-card').filter({ hasText: 'Trinkbrunnen' }).getByTestId('idea-outcome')
	).toBeVisible();

	await expectNoSeriousViolations(page, 'Sitzung mit Ideensammlung (Moderation)');
	await expectNoSeriousViolations(phone, 'Sitzung mit Ideensammlung (Handy)');
	await page.screenshot({ path: SHOT('sitzung-1280'), fullPage: true });
	await phone.screenshot({ path: SHOT('sitzung-390'), fullPage: true });

	// The projector shows the live ideas
	const beamerContext = await browser.newContext({
		storageState: ADMIN_STATE,
		viewport: { width: 1920, height: 1080 }
	});
	const beamer = await beamerContext.newPage();
	await beamer.goto(`${sessionUrl}/beamer`);
	await expect(beamer.getByTestId('beamer-ideas')).toContainText('3 Ideen');
	await expect(beamer.getByTestId('beamer-ideas')).toContainText('Schattige Sitzplätze');
	await beamer.screenshot({ path: SHOT('beamer-1920') });
	await beamerContext.close();

	// On the board: the detail panel says where it came from and links back
	await fountain.getByRole('link', { name: /Trinkbrunnen/ }).click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}\\?eintrag=`));
	const origin = page.getByTestId('item-idea-origin');
	await expect(origin).toContainText('Aus der Sitzung vom 12.03.2027');
	await expect(origin).toContainText('AG Klima – Ideen');
	await page.screenshot({ path: SHOT('detail-1280') });
	await origin.getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`${sessionUrl}$`));

	// The facilitator on a phone: the moderation panel of a card fits at 390 px
	await page.setViewportSize({ width: 390, height: 844 });
	const shade = page.getByTestId('idea-card').filter({ hasText: 'Schattige Sitzplätze' });
	await shade.getByText('Moderieren').click();
	await expect(shade.getByTestId('convert-parent')).toBeVisible();
	await expectNoSeriousViolations(page, 'Ideensammlung der Moderation am Handy');
	await shade.screenshot({ path: SHOT('moderation-390') });

	// A lost answer: the idea arrived, the phone did not hear it. The offline queue sends it
	// again with the same client id: still one idea, and the field is free for the next one.
	await phone.route(`**/sitzungen/${sessionId}/ideen`, async (route) => {
		if (route.request().method() !== 'POST') return route.continue();
		await route.fetch();
		await route.abort('connectionreset');
	});
	await field.fill('Wasserspielplatz im Stadtpark');
	await field.press('Enter');
	await expect(phone.getByTestId('offline-queue-count')).toHaveText('(1 Eingabe wartet)');
	await expect(field).toHaveValue('');
	await phone.unrouteAll();
	await expect(phone.getByTestId('offline-queue')).toHaveCount(0);
	await expect(phone.getByTestId('idea-card').filter({ hasText: 'Wasserspielplatz' })).toHaveCount(
		1
	);
	await field.fill('Wasserspielplatz im Stadtpark, mit Schatten');
	await field.press('Enter');
	await expect(phone.getByTestId('idea-card').filter({ hasText: 'Wasserspielplatz' })).toHaveCount(
		2
	);
	await expect(page.getByTestId('idea-card').filter({ hasText: 'Wasserspielplatz' })).toHaveCount(
		2
	);
	await phoneContext.close();
});

test('Offline: eine Idee wartet und kommt nach der Rückkehr genau einmal an', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Ideen offline', example: true }
	});
	const planId = ((await created.json()) as { id: string }).id;
	const session = await page.request.post(`/api/plans/${planId}/sitzungen`, {
		data: { title: 'AG offline', date: '2027-03-12' }
	});
	const sessionId = ((await session.json()) as { id: string }).id;
	const ideasUrl = `/api/plans/${planId}/sitzungen/${sessionId}/ideen`;
	const ole = await createUser(page.request, 'Ole Offline');
	await addMember(page.request, planId, ole.email, 'reviewer');
	const context = await browser.newContext({
		storageState: NO_SESSION,
		viewport: { width: 390, height: 844 }
	});
	await login(context.request, ole.email, ole.password);
	const phone = await context.newPage();
	await phone.goto(`/plans/${planId}/sitzungen/${sessionId}`);
	await phone.locator('html[data-hydrated]').waitFor();
	const field = phone.getByLabel('Ihre Idee');

	await context.setOffline(true);
	await field.fill('Sitzbank an der Bushaltestelle');
	await field.press('Enter');
	await expect(phone.getByTestId('offline-queue')).toContainText(
		'Offline – wird gesendet, sobald die Verbindung zurück ist'
	);
	await expect(phone.getByTestId('offline-queue-count')).toHaveText('(1 Eingabe wartet)');
	await expect(field).toHaveValue('');
	await expectNoSeriousViolations(phone, 'Ideensammlung offline');
	await phone.screenshot({ path: SHOT('offline-390') });
	const before = (await (await page.request.get(ideasUrl)).json()) as { ideas: unknown[] };
	expect(before.ideas).toHaveLength(0);

	await context.setOffline(false);
	await expect(phone.getByTestId('offline-queue')).toHaveCount(0);
	await expect(phone.getByTestId('idea-card')).toHaveCount(1);
	await expect(async () => {
		const wall = (await (await page.request.get(ideasUrl)).json()) as {
			ideas: Array<{ text: string }>;
		};
		expect(wall.ideas.map((i) => i.text)).toEqual(['Sitzbank an der Bushaltestelle']);
	}).toPass();
	// a reload sends nothing again
	await phone.reload();
	await expect(phone.getByTestId('idea-card')).toHaveCount(1);
	const wall = (await (await page.request.get(ideasUrl)).json()) as { ideas: unknown[] };
	expect(wall.ideas).toHaveLength(1);
	await context.close();
});
