/**
 * Interface language in the browser: a visitor whose browser prefers English gets the English
 * login page; a signed-in person switches with the header's select, the page reloads in English
 * (lang attribute, header, footer), and the choice is kept with the account. The plan board, its
 * dialogs and the detail panel follow the language too. The account page and the public
 * participation page (no account: the browser's language) in English, at 1280 and 390 px. axe in
 * both languages.
 */
import { expect, test, type Page } from '@playwright/test';
import { anonymous, createPlan, createUser, login } from './support/auth';
import { expectNoSeriousViolations, SHOTS } from './support/axe';
import { NO_SESSION } from './support/auth';
import { detail } from './support/board';

test('a browser that prefers English gets the English login page', async ({ browser }) => {
	const context = await browser.newContext({ storageState: NO_SESSION, locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto('/anmelden');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByLabel('E-mail address')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Legal notice' })).toBeVisible();
	await expectNoSeriousViolations(page, 'login page (English)');
	await page.screenshot({ path: `${SHOTS}/language-login-en.png` });
	await context.close();

	const german = await anonymous(browser);
	await german.page.goto('/anmelden');
	await expect(german.page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
	await expect(german.page.locator('html')).toHaveAttribute('lang', 'de');
	await german.context.close();
});

test('the header switch changes the language and the account keeps it', async ({
	browser,
	request
}) => {
	const user = await createUser(request, 'Sprachwechsel Person');
	const context = await browser.newContext({ storageState: NO_SESSION });
	await login(context.request, user.email, user.password);
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	const select = page.getByLabel('Sprache der Oberfläche');
	await expect(select).toHaveValue('de');
	await select.selectOption('en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByLabel('Interface language')).toHaveValue('en');
	await expect(page.getByRole('navigation', { name: 'Legal' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Welcome to Mitplan' })).toBeVisible();
	await page.getByRole('button', { name: 'Create your first plan' }).click();
	await expect(page.getByRole('dialog', { name: 'Create a new plan' })).toBeVisible();
	await page.getByRole('button', { name: 'Create and open' }).click();
	await expect(page.getByText('Please enter a title for the plan.')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expectNoSeriousViolations(page, 'plan overview with English shell');
	await page.setViewportSize({ width: 390, height: 800 });
	await page.screenshot({ path: `${SHOTS}/language-overview-en-390.png` });

	// Another device: signing in brings the language along.
	const other = await browser.newContext({ storageState: NO_SESSION, locale: 'de-DE' });
	await login(other.request, user.email, user.password);
	const otherPage = await other.newPage();
	await otherPage.goto('/');
	await expect(otherPage.locator('html')).toHaveAttribute('lang', 'en');
	await expect(otherPage.getByLabel('Interface language')).toHaveValue('en');

	// Keyboard: back to German with the select alone.
	await page.getByLabel('Interface language').focus();
	await page.keyboard.press('ArrowUp');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await context.close();
	await other.close();
});

/** Full-page screenshots at 1280 and 390 px, from the top (the header is sticky). */
async function shots(page: Page, name: string) {
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: `${SHOTS}/i18n-admin-${name}-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SHOTS}/i18n-admin-${name}-390.png`, fullPage: true });
}

test('the account page speaks English', async ({ browser, request }) => {
	const user = await createUser(request, 'Account English');
	const context = await browser.newContext({ storageState: NO_SESSION, locale: 'en-GB' });
	await login(context.request, user.email, user.password);
	const page = await context.newPage();
	await page.goto('/konto');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Email notifications' })).toBeVisible();
	await expect(page.getByText('Invitations to plans')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();
	await expect(page.getByTestId('token-none')).toHaveText('You have no API keys yet.');
	// client-side validation and the strength hint come in English too
	await page.getByTestId('pw-submit').click();
	await expect(page.getByText('Please enter your current password.')).toBeVisible();
	await page.getByLabel('New password', { exact: true }).fill('short');
	await expect(page.getByTestId('password-strength')).toHaveText('5 more characters.');
	await expect(page.getByText(/[äöüß]|Passwort|Konto/)).toHaveCount(0);
	await expectNoSeriousViolations(page, 'account page (English)');
	await shots(page, 'konto-en');
	await context.close();
});

test('the public participation page follows an English browser', async ({ browser, request }) => {
	const owner = await createUser(request, 'Participation Owner');
	const ownerContext = await browser.newContext({ storageState: NO_SESSION });
	await login(ownerContext.request, owner.email, owner.password);
	const planId = await createPlan(ownerContext.request, 'Vielfaltsstrategie', 'Teststadt');
	const hour = 60 * 60 * 1000;
	const response = await ownerContext.request.post(`/api/plans/${planId}/rounds`, {
		data: {
			title: 'Öffentliche Runde',
			fieldIds: [],
			startsAt: new Date(Date.now() - hour).toISOString(),
			endsAt: new Date(Date.now() + 7 * 24 * hour).toISOString()
		}
	});
	expect(response.status(), await response.text()).toBe(201);
	const { token } = (await response.json()) as { token: string };
	await ownerContext.close();

	const context = await browser.newContext({ storageState: NO_SESSION, locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto(`/beteiligung/${token}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('fb-title')).toHaveText('Öffentliche Runde');
	await expect(page.getByRole('heading', { name: 'The current draft' })).toBeVisible();
	await expect(page.getByText('This draft has no fields of action yet.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Your contribution' })).toBeVisible();
	await expect(page.getByText('Type of contribution')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Privacy' })).toBeVisible();
	await page.getByTestId('fb-submit').click();
	await expect(page.getByText('Please give a title.')).toBeVisible();
	await expect(
		page.getByText('Please agree to the processing of your contribution.')
	).toBeVisible();
	await expectNoSeriousViolations(page, 'public participation page (English)');
	await shots(page, 'beteiligung-en');
	await context.close();

	// the same link in a German browser stays German
	const german = await browser.newContext({ storageState: NO_SESSION, locale: 'de-DE' });
	const dePage = await german.newPage();
	await dePage.goto(`/beteiligung/${token}`);
	await expect(dePage.locator('html')).toHaveAttribute('lang', 'de');
	await expect(dePage.getByRole('heading', { name: 'Der aktuelle Entwurf' })).toBeVisible();
	await german.close();
});

test('the plan board speaks English after switching', async ({ browser, request }) => {
	const user = await createUser(request, 'Board English Person');
	const context = await browser.newContext({ storageState: NO_SESSION });
	await login(context.request, user.email, user.password);
	const page = await context.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/');
	await page.getByLabel('Sprache der Oberfläche').selectOption('en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	const response = await context.request.post('/api/plans', {
		data: { title: 'Integration strategy 2030', municipality: 'Sampletown' }
	});
	expect(response.status()).toBe(201);
	const { id } = (await response.json()) as { id: string };
	await page.goto(`/plans/${id}`);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');

	// toolbar and columns
	await expect(page.getByTestId('connection-status')).toContainText('Connected');
	await expect(page.getByTestId('undo')).toHaveAccessibleName('Undo');
	await expect(page.getByTestId('redo')).toHaveAccessibleName('Redo');
	await expect(page.getByTestId('export-pdf')).toHaveText('Export as PDF');
	await expect(page.getByTestId('plan-sessions')).toHaveText('Meetings');
	await expect(page.getByRole('heading', { level: 2, name: 'Guiding principles' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'No fields of action yet' })).toBeVisible();

	// a field of action, a goal and a measure through the English dialogs
	await page.getByRole('button', { name: 'Add the first field of action' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add field of action' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(
		dialog.getByText('Please enter a title. Nothing is created without a title.')
	).toBeVisible();
	await dialog.getByLabel('Title').fill('Language and education');
	await dialog.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(detail(page)).toBeVisible();
	await expect(
		detail(page).getByRole('heading', { name: 'Field of action: Language and education' })
	).toBeVisible();
	await expect(detail(page).getByLabel('Starting point')).toBeVisible();
	await detail(page).getByRole('button', { name: 'Done' }).click();
	await expect(detail(page)).toBeHidden();

	const field = page.getByTestId('field-column').filter({ hasText: 'Language and education' });
	await expect(field).toContainText('0 goals, 0 measures');
	await field
		.getByRole('button', { name: 'Add goal to field of action “Language and education”' })
		.click();
	await page.getByTestId('new-item-title').fill('Every child speaks German at school entry');
	await page.getByTestId('new-item-create').click();
	await detail(page).getByRole('button', { name: 'Done' }).click();
	await page.getByTestId('goal').getByTestId('add-measure').click();
	await expect(page.getByRole('dialog', { name: 'Add measure' })).toBeVisible();
	await page.getByTestId('new-item-title').fill('Language café in the family centre');
	await page.getByTestId('new-item-create').click();

	// the detail panel of the measure
	const panel = detail(page);
	await expect(
		panel.getByRole('heading', { name: 'Measure: Language café in the family centre' })
	).toBeVisible();
	await expect(panel.getByLabel('Status')).toHaveValue('idee');
	await expect(panel.getByLabel('Status').locator('option:checked')).toHaveText('Idea');
	await expect(panel.getByLabel('Priority').locator('option:checked')).toHaveText('no priority');
	await expect(panel.getByText('(1) What should the measure achieve?')).toBeVisible();
	await expect(panel.getByRole('button', { name: 'Delete measure' })).toBeVisible();
	await expectNoSeriousViolations(page, 'board detail panel (English)');
	await page.screenshot({ path: `${SHOTS}/i18n-board-detail-1280.png` });
	await panel.getByRole('button', { name: 'Done' }).click();
	await expect(panel).toBeHidden();
	await expect(page.getByTestId('goal')).toContainText('1 measure');
	await expect(page.getByTestId('measure-card')).toContainText('Idea');
	await page
		.getByRole('button', { name: 'Actions for Measure “Language café in the family centre”' })
		.click();
	await expect(page.getByRole('menuitem', { name: 'Move to …' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expectNoSeriousViolations(page, 'plan board (English)');
	await page.screenshot({ path: `${SHOTS}/i18n-board-1280.png` });

	// phones: the column switcher and the menu
	await page.setViewportSize({ width: 390, height: 800 });
	const switcher = page.getByLabel('Column shown');
	await expect(switcher.locator('option').first()).toHaveText('Guiding principles (0)');
	await switcher.selectOption({ label: 'Field of action 1 of 1: Language and education' });
	await expect(page.getByTestId('measure-card')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/i18n-board-390.png` });
	await page.getByTestId('board-menu-toggle').click();
	await expect(page.getByTestId('board-menu')).toBeVisible();
	await page.getByTestId('export-pdf').click();
	await expect(page.getByRole('dialog', { name: 'Export as PDF' })).toBeVisible();
	await expect(page.getByText('Complete plan', { exact: true })).toBeVisible();
	await expectNoSeriousViolations(page, 'export dialog (English)');
	await page.screenshot({ path: `${SHOTS}/i18n-board-export-390.png` });
	await context.close();
});
