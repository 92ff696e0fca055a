/**
 * The administration page: create accounts (with German messages for taken e-mails), disable
 * and enable them, reset passwords; an expired session sends people to the login page; the last
 * administrator stays.
 */
import { expect, request as apiRequest, test } from '@playwright/test';
import { spawnServer, tempDir } from '../helpers/server';
import { freePort } from '../helpers/redis-server';
import {
	ADMIN_EMAIL,
	ADMIN_PASSWORD,
	NO_SESSION,
	anonymous,
	createUser,
	login
} from './support/auth';

test('Konten anlegen, sperren, entsperren und Passwort zurücksetzen', async ({ page, browser }) => {
	const tag = Math.random().toString(36).slice(2, 7);
	const email = `lena.${tag}@mitplan.test`;
	await page.goto('/verwaltung');
	const form = page.getByTestId('create-user-form');
	await form.getByLabel('Name').fill('Lena Neu');
	await form.getByLabel('E-Mail-Adresse').fill(email);
	await form.getByLabel('Erstes Passwort').fill('kurz');
	await form.getByTestId('create-user-submit').click();
	await expect(form.getByLabel('Erstes Passwort')).toBeFocused();
	await expect(form.getByRole('alert')).toContainText('mindestens 10 Zeichen');
	await form.getByLabel('Erstes Passwort').fill('ein-erstes-Passwort');
	await form.getByTestId('create-user-submit').click();
	const row = page.getByTestId('user-row').filter({ hasText: email });
	await expect(row).toContainText('Lena Neu');
	await expect(row).toContainText('Aktiv');

	// the same e-mail again: a clear message at the field
	await form.getByLabel('Name').fill('Lena Doppelt');
	await form.getByLabel('E-Mail-Adresse').fill(email);
	await form.getByLabel('Erstes Passwort').fill('ein-erstes-Passwort');
	await form.getByTestId('create-user-submit').click();
	await expect(form.getByRole('alert')).toContainText('bereits ein Konto');
	await expect(form.getByLabel('E-Mail-Adresse')).toBeFocused();

	// Lena is signed in elsewhere with her account page open
	const lena = await anonymous(browser);
	await login(lena.context.request, email, 'ein-erstes-Passwort');
	// the password came from the Administration: Lena must choose her own before anything else
	await lena.page.goto('/');
	await expect(lena.page).toHaveURL(/\/konto$/);
	await expect(lena.page.getByTestId('password-required')).toBeVisible();
	await expect(lena.page.getByTestId('account-email')).toHaveText(email);

	await row.getByRole('button', { name: /^Sperren/ }).click();
	await expect(row).toContainText('Gesperrt');
	// her next request finds no session: the page sends her to the login
	await lena.page.getByLabel('Aktuelles Passwort').fill('ein-erstes-Passwort');
	await lena.page.getByLabel('Neues Passwort', { exact: true }).fill('noch-ein-Passwort-1');
	await lena.page.getByLabel('Neues Passwort wiederholen').fill('noch-ein-Passwort-1');
	await lena.page.getByTestId('pw-submit').click();
	await expect(lena.page).toHaveURL(/\/anmelden\?next=%2Fkonto$/);
	const refused = await lena.context.request.post('/api/auth/login', {
		data: { email, password: 'ein-erstes-Passwort' }
	});
	expect(refused.status()).toBe(401);

	await row.getByRole('button', { name: /^Entsperren/ }).click();
	await expect(row).toContainText('Aktiv');
	await row.getByRole('button', { name: /^Passwort zurücksetzen/ }).click();
	const reset = page.getByTestId('reset-dialog');
	await reset.getByLabel('Neues Passwort').fill('zurueckgesetzt-123');
	await reset.getByTestId('reset-submit').click();
	await expect(reset).toBeHidden();
	await expect(
		page.getByTestId('toast').filter({ hasText: 'Neues Passwort für Lena Neu' })
	).toBeVisible();
	await login(lena.context.request, email, 'zurueckgesetzt-123');
	await lena.context.close();
});

test('ohne Administrationsrechte gibt es keine Verwaltung', async ({ page, browser }) => {
	const user = await createUser(page.request, 'Norbert Normal');
	const { context, page: norbert } = await anonymous(browser);
	await login(context.request, user.email, user.password);
	await norbert.goto('/');
	await norbert.getByTestId('user-menu').click();
	await expect(norbert.getByRole('link', { name: 'Mein Konto' })).toBeVisible();
	await expect(norbert.getByTestId('nav-admin')).toHaveCount(0);
	await norbert.goto('/verwaltung');
	await expect(norbert.getByTestId('admin-forbidden')).toContainText('nur für die Administration');
	await expect(norbert.getByTestId('users-table')).toHaveCount(0);
	await context.close();
});

test('die letzte Administration kann sich nicht selbst entfernen', async ({ browser }) => {
	// on its own server, so the shared administrator of the other tests stays untouched
	const data = tempDir('mitplan-e2e-admin-');
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const server = await spawnServer({
		DATA_DIR: data.dir,
		PORT: String(port),
		ORIGIN: baseURL,
		SEED_EXAMPLE_PLAN: 'false',
		MITPLAN_ADMIN_EMAIL: ADMIN_EMAIL,
		MITPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD
	});
	try {
		const context = await browser.newContext({ baseURL, storageState: NO_SESSION });
		await login(context.request, ADMIN_EMAIL, ADMIN_PASSWORD);
		const page = await context.newPage();
		await page.goto('/verwaltung');
		const me = page.getByTestId('user-row').filter({ hasText: '(Sie)' });
		await me.getByRole('button', { name: /^Administration entziehen/ }).click();
		await expect(page.getByTestId('admin-error')).toContainText(
			'letzte aktive Administrationskonto'
		);
		await me.getByRole('button', { name: /^Sperren/ }).click();
		await expect(page.getByTestId('admin-error')).toContainText(
			'letzte aktive Administrationskonto'
		);
		await expect(me).toContainText('Aktiv');
		const check = await apiRequest.newContext({ baseURL });
		await login(check, ADMIN_EMAIL, ADMIN_PASSWORD);
		await check.dispose();
		await context.close();
	} finally {
		await server.stop();
		data.remove();
	}
});
