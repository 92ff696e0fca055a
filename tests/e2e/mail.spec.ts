import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { anonymous } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

/** Mein Konto → E-Mail-Benachrichtigungen: choose the kinds of mail, kept after a reload. */
test.describe('E-Mail-Benachrichtigungen', () => {
	test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

	test('Auswahl speichern, nach dem Neuladen erhalten, barrierefrei', async ({ page }) => {
		test.setTimeout(90_000);
		await page.goto('/konto');
		const section = page.getByTestId('mail-settings');
		await expect(section.getByRole('heading', { name: 'E-Mail-Benachrichtigungen' })).toBeVisible();
		// The e2e server has no SMTP_URL: it says so, the choice is kept anyway.
		await expect(page.getByTestId('mail-disabled')).toBeVisible();
		const mention = section.getByRole('checkbox', {
			name: 'Erwähnungen (@) in Kommentaren'
		});
		await expect(mention).toBeChecked();
		await mention.uncheck();
		await section.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByText('E-Mail-Einstellungen gespeichert.')).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/account-mail.png`, fullPage: true });
		await expectNoSeriousViolations(page, 'the account page with mail settings');

		await page.reload();
		await expect(
			page.getByRole('checkbox', { name: 'Erwähnungen (@) in Kommentaren' })
		).not.toBeChecked();
		await expect(page.getByRole('checkbox', { name: /Prüfanfragen/ })).toBeChecked();

		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${SHOTS}/account-mail-390.png`, fullPage: true });

		// The API refuses unknown kinds and non-booleans with a German message.
		const bad = await page.request.put('/api/auth/mail', { data: { mention: 'nein' } });
		expect(bad.status()).toBe(400);
		expect((await bad.json()).error.code).toBe('invalid_input');
		const restored = await page.request.put('/api/auth/mail', { data: { mention: true } });
		expect(restored.status()).toBe(200);
		expect((await restored.json()).preferences.mention).toBe(true);
	});

	test('ohne Anmeldung: 401', async ({ browser }) => {
		const { context, page } = await anonymous(browser);
		expect((await page.request.get('/api/auth/mail')).status()).toBe(401);
		await context.close();
	});
});
