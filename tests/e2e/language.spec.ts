/**
 * Interface language in the browser: a visitor whose browser prefers English gets the English
 * login page; a signed-in person switches with the header's select, the page reloads in English
 * (lang attribute, header, footer), and the choice is kept with the account. axe in both languages.
 */
import { expect, test } from '@playwright/test';
import { anonymous, createUser, login } from './support/auth';
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
