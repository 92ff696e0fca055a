/**
 * Issue 17 item 4 in a real browser: a production server with OIDC_* set against a real OpenID
 * Connect provider (`oidc-provider`, started here on a free port). The login page shows „Mit
 * Stadt-Konto anmelden“, the button signs the person in through the provider, and a refused
 * sign-in ends on the German error page. Both pages: axe, 1280 and 390 px screenshots.
 */
import { chromium, expect, test, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { freePort } from '../helpers/redis-server';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

let child: ChildProcess;
let dataDir: string;
let base: string;
let provider: TestProvider;
let browser: Browser;

test.beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	provider = await startTestProvider([`${base}/auth/oidc/callback`]);
	dataDir = mkdtempSync(path.join(tmpdir(), 'mitplan-e2e-sso-'));
	child = spawn(process.execPath, ['build/server/main.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			DATA_DIR: dataDir,
			SEED_EXAMPLE_PLAN: 'false',
			LOG_LEVEL: 'warn',
			PASSWORD_HASH_COST: '12',
			MITPLAN_ADMIN_EMAIL: ADMIN_EMAIL,
			MITPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
			OIDC_ISSUER: provider.issuer,
			OIDC_CLIENT_ID: provider.clientId,
			OIDC_CLIENT_SECRET: provider.clientSecret,
			OIDC_LABEL: 'Stadt-Konto'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await expect
		.poll(
			() =>
				fetch(`${base}/api/health`).then(
					(r) => r.status,
					() => 0
				),
			{ timeout: 30_000 }
		)
		.toBe(200);
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--lang=de-DE']
	});
});

test.afterAll(async () => {
	await browser?.close();
	child?.kill('SIGTERM');
	await provider?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

test('Anmelden mit Stadt-Konto über den Anmeldedienst, Passwort bleibt möglich', async () => {
	test.setTimeout(90_000);
	const context = await browser.newContext({
		locale: 'de-DE',
		viewport: { width: 1280, height: 800 }
	});
	const page = await context.newPage();
	await page.goto(`${base}/anmelden`);
	const button = page.getByRole('link', { name: 'Mit Stadt-Konto anmelden' });
	await expect(button).toBeVisible();
	await expect(page.getByLabel('Passwort')).toBeVisible();
	await expectNoSeriousViolations(page, 'the login page with single sign-on');
	await page.screenshot({ path: `${SHOTS}/sso-login-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth > document.documentElement.clientWidth
	);
	expect(overflow).toBe(false);
	await page.screenshot({ path: `${SHOTS}/sso-login-390.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });

	// keyboard: the button is reachable and opens the provider, which signs the person in
	provider.signInAs({ sub: 'admin', email: ADMIN_EMAIL, email_verified: true, name: 'Admin' });
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`${base}/`);
	const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
	expect(me).toBe(200);
	await context.close();
});

test('abgelehnte Anmeldung: deutsche Fehlerseite, keine Sitzung', async () => {
	test.setTimeout(90_000);
	const context = await browser.newContext({
		locale: 'de-DE',
		viewport: { width: 1280, height: 800 }
	});
	const page = await context.newPage();
	provider.signInAs({ sub: 'fremd', email: 'fremd@stadt.test', email_verified: false });
	await page.goto(`${base}/anmelden`);
	await page.getByRole('link', { name: 'Mit Stadt-Konto anmelden' }).click();
	await expect(page).toHaveURL(/\/anmelden\/sso-fehler\?grund=sso_email_unverified$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Anmeldung nicht möglich' })
	).toBeVisible();
	await expect(page.getByTestId('sso-error')).toContainText('nicht als bestätigt gemeldet');
	await expect(page.getByRole('link', { name: 'Mit Mitplan-Passwort anmelden' })).toBeVisible();
	expect((await context.cookies(base)).find((c) => c.name === 'mitplan_session')).toBeUndefined();
	await expectNoSeriousViolations(page, 'the single sign-on error page');
	await page.screenshot({ path: `${SHOTS}/sso-error-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SHOTS}/sso-error-390.png`, fullPage: true });
	await context.close();
});
