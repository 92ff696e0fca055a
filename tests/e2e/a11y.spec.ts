import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { spawnServer, tempDir, type ServerProcess } from '../helpers/server';
import { freePort } from '../helpers/redis-server';
import {
	NO_SESSION,
	addMember,
	anonymous,
	createInvite,
	createPlan,
	createUser
} from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

/** A new plan filled with the example content ("Beispielplan anlegen"). */
async function openExamplePlan(page: Page) {
	await page.goto('/');
	await page.getByRole('button', { name: /Beispielplan (anlegen|ansehen)/ }).click();
	await page.getByTestId('create-submit').click();
	await expect(page).toHaveURL(/\/plans\//);
	await expect(page.getByTestId('field-column')).toHaveCount(5);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
}

test.describe('Barrierefreiheit (axe, WCAG 2.1 AA)', () => {
	test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

	test('Planübersicht', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Pläne' })).toBeVisible();
		await expect(page.getByTestId('plan-card').first()).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/plan-list.png` });
		await expectNoSeriousViolations(page, 'the plan list');

		await page.getByTestId('create-plan').first().click();
		await expect(page.getByTestId('create-dialog')).toBeVisible();
		await expectNoSeriousViolations(page, 'the create dialog');
	});

	test('Planungstafel mit Beispielplan und Detailansicht', async ({ page }) => {
		await openExamplePlan(page);
		await page.screenshot({ path: `${SHOTS}/board-example.png` });
		await expectNoSeriousViolations(page, 'the board');

		await page.getByTestId('measure-card').first().locator('.card-open').click();
		await expect(page.getByTestId('detail-panel')).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/detail-panel.png` });
		await expectNoSeriousViolations(page, 'the detail panel');
		await page.keyboard.press('Escape');

		await page.getByTestId('measure-card').first().getByTestId('card-menu').click();
		await expect(page.getByRole('menu')).toBeVisible();
		await expectNoSeriousViolations(page, 'the card menu');
	});

	test('Vollständigkeit des Beispielplans', async ({ page }) => {
		await openExamplePlan(page);
		await page.getByTestId('plan-completeness').click();
		await expect(page.getByTestId('completeness-total')).toBeVisible();
		await expect(page.getByTestId('completeness-group').first()).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/completeness.png` });
		await expectNoSeriousViolations(page, 'the Vollständigkeit page');
	});

	test('Skip-Link und Tastaturreihenfolge', async ({ page }) => {
		await page.goto('/');
		await page.locator('html[data-hydrated]').waitFor(); // rendered in the browser: wait for it
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		// the first focusable element inside <main>
		const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
		expect(inMain).toBe(true);
	});
});

test.describe('Barrierefreiheit der Konto- und Einladungsseiten', () => {
	test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

	test('Anmelden (auch mit Fehlermeldung)', async ({ browser }) => {
		const { context, page } = await anonymous(browser);
		await page.goto('/anmelden');
		await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/login.png` });
		await expectNoSeriousViolations(page, 'the login page');
		await page.getByTestId('login-submit').click();
		await expect(page.getByLabel('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
		await page.screenshot({ path: `${SHOTS}/login-errors.png` });
		await expectNoSeriousViolations(page, 'the login page with errors');
		await context.close();
	});

	test('Mein Konto und Verwaltung', async ({ page }) => {
		await page.goto('/konto');
		await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/account.png`, fullPage: true });
		await expectNoSeriousViolations(page, 'the account page');

		await createUser(page.request, 'Greta Gesperrt');
		await page.goto('/verwaltung');
		await expect(page.getByTestId('users-table')).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/admin.png`, fullPage: true });
		await expectNoSeriousViolations(page, 'the administration page');

		await page.getByTestId('user-menu').click();
		await page.screenshot({ path: `${SHOTS}/user-menu.png` });
		await expectNoSeriousViolations(page, 'the user menu');
	});

	test('Einstellungen eines Plans mit Einladung und QR-Code', async ({ page }) => {
		const planId = await createPlan(page.request, 'Plan für die Barrierefreiheit');
		const user = await createUser(page.request, 'Mia Mitglied');
		await addMember(page.request, planId, user.email, 'editor');
		await createInvite(page.request, planId, { role: 'viewer' });
		await page.goto(`/plans/${planId}/einstellungen`);
		await page.getByTestId('invite-guests').check();
		await page.getByTestId('invite-submit').click();
		await expect(page.getByTestId('invite-qr')).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/settings.png`, fullPage: true });
		await expectNoSeriousViolations(page, 'the settings page');
		await page.getByTestId('invite-big').click();
		await expect(page.getByTestId('invite-qr-dialog')).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/settings-qr.png` });
		await expectNoSeriousViolations(page, 'the big QR code');
	});

	test('Einladung öffnen (als Gast) und Leseansicht der Tafel', async ({ page, browser }) => {
		const response = await page.request.post('/api/plans', {
			data: { title: 'Plan zum Mitmachen', example: true }
		});
		const planId = ((await response.json()) as { id: string }).id;
		const invite = await createInvite(page.request, planId, { role: 'viewer', allowGuests: true });
		const { context, page: guest } = await anonymous(browser);
		await guest.goto(`/einladung/${invite.token}`);
		await expect(guest.getByTestId('invite-plan')).toHaveText('Plan zum Mitmachen');
		await guest.screenshot({ path: `${SHOTS}/invite.png` });
		await expectNoSeriousViolations(guest, 'the invitation page');

		await guest.locator('html[data-hydrated]').waitFor();
		await guest.getByLabel('Ihr Name').fill('Gerd Gast');
		await guest.getByTestId('guest-join').click();
		await expect(guest.getByTestId('role-badge')).toContainText('Nur lesen');
		await expect(guest.getByTestId('field-column')).toHaveCount(5);
		await guest.screenshot({ path: `${SHOTS}/board-readonly.png` });
		await expectNoSeriousViolations(guest, 'the read-only board');
		await guest.getByTestId('measure-card').first().locator('.card-open').click();
		await expect(guest.getByTestId('detail-panel')).toBeVisible();
		await guest.screenshot({ path: `${SHOTS}/detail-readonly.png` });
		await expectNoSeriousViolations(guest, 'the read-only detail panel');

		await guest.goto('/einladung/unbekannt-000');
		await expect(guest.getByTestId('invite-error')).toBeVisible();
		await guest.screenshot({ path: `${SHOTS}/invite-unknown.png` });
		await expectNoSeriousViolations(guest, 'an unknown invitation');
		await context.close();
	});
});

test.describe('Erster Start', () => {
	let server: ServerProcess | undefined;
	let data: ReturnType<typeof tempDir> | undefined;

	test.afterEach(async () => {
		await server?.stop();
		data?.remove();
	});

	test('Einrichten legt das erste Administrationskonto an', async ({ browser }) => {
		data = tempDir('mitplan-e2e-setup-');
		const port = await freePort();
		const baseURL = `http://127.0.0.1:${port}`;
		server = await spawnServer({
			DATA_DIR: data.dir,
			PORT: String(port),
			ORIGIN: baseURL,
			SEED_EXAMPLE_PLAN: 'false'
		});
		const context = await browser.newContext({ baseURL, storageState: NO_SESSION });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page).toHaveURL(/\/einrichten$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Mitplan einrichten' })).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/setup.png` });
		await expectNoSeriousViolations(page, 'the setup page');

		await page.getByLabel('Ihr Name').fill('Erste Administratorin');
		await page.getByLabel('E-Mail-Adresse').fill('erste@mitplan.test');
		await page.getByLabel('Passwort', { exact: true }).fill('kurz');
		await page.getByLabel('Passwort wiederholen').fill('kurz');
		await page.getByTestId('setup-submit').click();
		await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
		await expect(page.getByText('mindestens 10 Zeichen lang')).toBeVisible();
		await page.getByLabel('Passwort', { exact: true }).fill('ein-langes-erstes-Passwort');
		await page.getByLabel('Passwort wiederholen').fill('ein-langes-erstes-Passwort');
		await page.getByTestId('setup-submit').click();
		await expect(page.getByRole('heading', { level: 1, name: 'Pläne' })).toBeVisible();
		await expect(page.getByTestId('plans-empty')).toContainText('noch in keinem Plan Mitglied');
		await expect(page.getByTestId('user-menu')).toContainText('Erste Administratorin');

		// done once: the setup page sends everyone to the login now
		await page.goto('/einrichten');
		await expect(page).toHaveURL(/\/anmelden$|\/$/);
		await context.close();
	});
});
