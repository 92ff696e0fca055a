/**
 * The administration page: create accounts (with German messages for taken e-mails), disable
 * and enable them, reset passwords, give and take the right "Darf Pläne anlegen"; an expired
 * session sends people to the login page; the last administrator stays.
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

/** Runs `fn` against a server of its own (own data, only the administrator), then stops it. */
async function withOwnServer(
	env: Record<string, string>,
	fn: (baseURL: string) => Promise<void>
): Promise<void> {
	const data = tempDir('mitplan-e2e-admin-');
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const server = await spawnServer({
		DATA_DIR: data.dir,
		PORT: String(port),
		ORIGIN: baseURL,
		SEED_EXAMPLE_PLAN: 'false',
		MITPLAN_ADMIN_EMAIL: ADMIN_EMAIL,
		MITPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
		...env
	});
	try {
		await fn(baseURL);
	} finally {
		await server.stop();
		data.remove();
	}
}

test('die letzte Administration kann sich nicht selbst entfernen', async ({ browser }) => {
	// on its own server, so the shared administrator of the other tests stays untouched
	await withOwnServer({}, async (baseURL) => {
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
	});
});

test('„Darf Pläne anlegen“: beim Anlegen und pro Konto setzen', async ({ browser }) => {
	// Own server with the default PLAN_CREATORS=editors: only the flag lets a new account create.
	await withOwnServer({ PLAN_CREATORS: 'editors' }, async (baseURL) => {
		const context = await browser.newContext({ baseURL, storageState: NO_SESSION });
		await login(context.request, ADMIN_EMAIL, ADMIN_PASSWORD);
		const page = await context.newPage();
		await page.goto('/verwaltung');
		// the Administration always may: its box is ticked and cannot be changed
		const me = page.getByTestId('user-row').filter({ hasText: '(Sie)' });
		await expect(me.getByTestId('user-can-create')).toBeChecked();
		await expect(me.getByTestId('user-can-create')).toBeDisabled();

		// created with the right
		const form = page.getByTestId('create-user-form');
		await form.getByLabel('Name').fill('Paula Plan');
		await form.getByLabel('E-Mail-Adresse').fill('paula@mitplan.test');
		await form.getByLabel('Erstes Passwort').fill('paulas-erstes-Passwort');
		await form.getByTestId('create-user-must-change').uncheck();
		await form.getByLabel('Darf Pläne anlegen').check();
		await form.getByTestId('create-user-submit').click();
		const paula = page.getByTestId('user-row').filter({ hasText: 'paula@mitplan.test' });
		await expect(
			paula.getByRole('checkbox', { name: 'Darf Pläne anlegen – Paula Plan' })
		).toBeChecked();
		await expect(form.getByLabel('Darf Pläne anlegen')).not.toBeChecked();

		// created without it: Norbert sees no "Neuer Plan" until the Administration ticks the box
		await form.getByLabel('Name').fill('Norbert Normal');
		await form.getByLabel('E-Mail-Adresse').fill('norbert@mitplan.test');
		await form.getByLabel('Erstes Passwort').fill('norberts-Passwort-1');
		await form.getByTestId('create-user-must-change').uncheck();
		await form.getByTestId('create-user-submit').click();
		const row = page.getByTestId('user-row').filter({ hasText: 'norbert@mitplan.test' });
		const box = row.getByRole('checkbox', { name: 'Darf Pläne anlegen – Norbert Normal' });
		await expect(box).not.toBeChecked();

		const other = await browser.newContext({ baseURL, storageState: NO_SESSION });
		await login(other.request, 'norbert@mitplan.test', 'norberts-Passwort-1');
		const norbert = await other.newPage();
		await norbert.goto('/');
		await expect(norbert.getByTestId('plans-empty')).toBeVisible();
		await expect(norbert.getByTestId('create-plan')).toBeHidden();

		await box.check();
		await expect(
			page.getByTestId('toast').filter({ hasText: 'darf jetzt Pläne anlegen' })
		).toBeVisible();
		await page.reload();
		await expect(box).toBeChecked();
		await norbert.reload();
		await expect(norbert.getByTestId('create-plan')).toBeVisible();

		await box.uncheck();
		await expect(page.getByTestId('toast').filter({ hasText: 'keine Pläne mehr' })).toBeVisible();
		await page.reload();
		await expect(box).not.toBeChecked();
		await norbert.reload();
		await expect(norbert.getByTestId('plans-empty')).toBeVisible();
		await expect(norbert.getByTestId('create-plan')).toBeHidden();
		await other.close();
		await context.close();
	});
});

test('Passwort über einen Link der Administration neu festlegen', async ({ page, browser }) => {
	const user = await createUser(page.request, 'Rita Reset');
	const res = await page.request.post(`/api/admin/users/${user.id}/reset-link`);
	expect(res.status()).toBe(201);
	const { url } = (await res.json()) as { url: string };
	const { context, page: rita } = await anonymous(browser);
	await rita.goto(new URL(url).pathname);
	await rita.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
	await expect(rita.getByTestId('password-strength')).toHaveText('Noch 6 Zeichen.');
	await rita.getByLabel('Neues Passwort wiederholen').fill('kurz');
	await rita.getByTestId('reset-link-submit').click();
	await expect(rita.getByText('mindestens 10 Zeichen lang')).toBeVisible();
	await expect(rita.getByLabel('Neues Passwort', { exact: true })).toBeFocused();
	await rita.getByLabel('Neues Passwort', { exact: true }).fill('ritas-eigenes-Passwort');
	await rita.getByTestId('reset-link-submit').click();
	await expect(rita.getByText('stimmen nicht überein')).toBeVisible();
	await expect(rita.getByLabel('Neues Passwort wiederholen')).toBeFocused();
	await rita.getByLabel('Neues Passwort wiederholen').fill('ritas-eigenes-Passwort');
	await rita.getByTestId('reset-link-submit').click();
	await expect(rita).toHaveURL(/\/anmelden$/);
	await login(context.request, user.email, 'ritas-eigenes-Passwort');
	await context.close();
});
