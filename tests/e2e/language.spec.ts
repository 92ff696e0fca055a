/**
 * Interface language in the browser: a visitor whose browser prefers English gets the English
 * login page; a signed-in person switches with the header's select, the page reloads in English
 * (lang attribute, header, footer), and the choice is kept with the account. axe in both languages.
 * The account page and the public participation page (no account: the browser's language) in
 * English, at 1280 and 390 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { anonymous, createPlan, createUser, login } from './support/auth';
import { expectNoSeriousViolations, SHOTS } from './support/axe';
import { NO_SESSION } from './support/auth';

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
