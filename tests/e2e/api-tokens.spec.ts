import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createPlan, person } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

/**
 * Mein Konto → API-Schlüssel: a key for one plan is created, shown once (copy), works as
 * `Authorization: Bearer` for that plan only, is listed and revoked (then 401). Accessible, at
 * 1280 and 390 px.
 */
test.describe('API-Schlüssel', () => {
	test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

	test('anlegen, einmal zeigen, kopieren, benutzen, widerrufen', async ({
		browser,
		page: adminPage
	}) => {
		test.setTimeout(90_000);
		const { context, page } = await person(browser, adminPage.request, 'Skript Schreiberin');
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const mine = await createPlan(context.request, 'Schlüsselplan');
		const other = await createPlan(context.request, 'Anderer Plan');

		await page.goto('/konto');
		const section = page.getByTestId('api-tokens');
		await expect(section.getByRole('heading', { name: 'API-Schlüssel' })).toBeVisible();
		await expect(page.getByTestId('token-none')).toBeVisible();

		// Missing name: the field says so and gets the focus.
		await section.getByTestId('token-create').click();
		await expect(section.getByLabel('Name')).toBeFocused();
		await expect(section.getByText('Bitte geben Sie dem Schlüssel einen Namen.')).toBeVisible();

		await section.getByLabel('Name').fill('Auswertung');
		await section.getByLabel('Lesen und bearbeiten (nie Prozesssteuerung)').check();
		await section.getByLabel('Nur diese:').check();
		await section.getByRole('checkbox', { name: 'Schlüsselplan' }).check();
		await section.getByTestId('token-create').click();

		const secret = page.getByTestId('token-secret');
		await expect(secret).toBeFocused();
		const token = await secret.inputValue();
		expect(token).toMatch(/^mp_[A-Za-z0-9_-]{43}$/);
		await page.getByTestId('token-copy').click();
		await expect(section.getByText('Schlüssel kopiert.')).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
		const row = page.getByTestId('token-row').filter({ hasText: 'Auswertung' });
		await expect(row).toContainText('Schlüsselplan');
		await expect(row).toContainText('lesen und bearbeiten');
		await expect(row).toContainText('noch nie');
		await page.screenshot({ path: `${SHOTS}/ops-api-tokens.png`, fullPage: true });
		await expectNoSeriousViolations(page, 'the account page with API keys');

		// Shown once: after a reload only the list remains.
		await page.reload();
		await expect(page.getByTestId('token-row').first()).toBeVisible();
		await expect(page.getByTestId('token-secret')).toHaveCount(0);

		// The key works for its plan only, without any cookie.
		const api = await browser.newContext({
			storageState: { cookies: [], origins: [] },
			extraHTTPHeaders: { authorization: `Bearer ${token}` }
		});
		expect((await api.request.get(`/api/plans/${mine}`)).status()).toBe(200);
		expect((await api.request.get(`/api/plans/${other}`)).status()).toBe(404);

		await page.reload();
		await expect(page.getByTestId('token-row').first()).not.toContainText('noch nie');
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${SHOTS}/ops-api-tokens-390.png`, fullPage: true });

		await page.getByRole('button', { name: 'Schlüssel „Auswertung“ widerrufen' }).click();
		await page.getByTestId('token-revoke-confirm').click();
		await expect(page.getByText('API-Schlüssel „Auswertung“ widerrufen.')).toBeVisible();
		await expect(page.getByTestId('token-none')).toBeVisible();
		const after = await api.request.get(`/api/plans/${mine}`);
		expect(after.status()).toBe(401);
		expect((await after.json()).error.message).toContain('API-Schlüssel');
		await api.close();
		await context.close();
	});
});
