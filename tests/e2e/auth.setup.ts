/** Logs the test administrator in through the login page once; the tests reuse the session. */
import { expect, test as setup } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_STATE } from './support/auth';

setup('Administrator anmelden', async ({ page }) => {
	await page.goto('/');
	// not signed in: the start page sends us to the login page and back afterwards
	await expect(page).toHaveURL(/\/anmelden/);
	await page.getByLabel('E-Mail-Adresse').fill(ADMIN_EMAIL);
	await page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
	await page.getByTestId('login-submit').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pläne' })).toBeVisible();
	await page.context().storageState({ path: ADMIN_STATE });
});
