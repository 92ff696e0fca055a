/**
 * Issue 12 item 1 in a real browser: a server without ORIGIN reached over plain HTTP under a
 * non-localhost name (Chromium maps mitplan.local to 127.0.0.1). Sign-in works (the session
 * cookie is not Secure), the invite link and its QR code read http://mitplan.local:PORT/…, and a
 * guest joins through that link; a session's guest link (projector QR code) works the same way.
 * Starts its own server from the production build.
 */
import { chromium, expect, test, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/auth';

let child: ChildProcess;
let dataDir: string;
let port: number;
let browser: Browser;

test.beforeAll(async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'mitplan-e2e-http-'));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: '0',
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		SEED_EXAMPLE_PLAN: 'false',
		LOG_LEVEL: 'info',
		MITPLAN_ADMIN_EMAIL: ADMIN_EMAIL,
		MITPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD
	};
	delete env.ORIGIN;
	child = spawn(process.execPath, ['build/server/main.js'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	port = await new Promise<number>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /läuft auf http:\/\/[^:]+:(\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
	});
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--lang=de-DE',
			'--host-resolver-rules=MAP mitplan.local 127.0.0.1'
		]
	});
});

test.afterAll(async () => {
	await browser?.close();
	child?.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
});

test('Einladung per Link und QR-Code über http://mitplan.local ohne ORIGIN', async () => {
	const base = `http://mitplan.local:${port}`;
	const owner = await browser.newContext({ locale: 'de-DE' });
	const page = await owner.newPage();

	// sign in over plain http: the browser must keep the session cookie
	await page.goto(`${base}/anmelden`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('E-Mail-Adresse').fill(ADMIN_EMAIL);
	await page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
	await page.getByTestId('login-submit').click();
	await expect(page).toHaveURL(`${base}/`);
	const cookies = await owner.cookies(base);
	expect(cookies.find((c) => c.name === 'mitplan_session')?.secure).toBe(false);

	// (from inside the page: only Chromium maps mitplan.local)
	const planId = await page.evaluate(async () => {
		const res = await fetch('/api/plans', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'Sitzung im Rathaus' })
		});
		return ((await res.json()) as { id: string }).id;
	});

	await page.goto(`${base}/plans/${planId}/einstellungen`);
	const create = page.getByTestId('invite-create');
	await create.getByLabel('Rolle').selectOption('editor');
	await create.getByTestId('invite-guests').check();
	await create.getByTestId('invite-submit').click();
	const link = await page.getByTestId('invite-link').inputValue();
	expect(link).toMatch(new RegExp(`^http://mitplan\\.local:${port}/einladung/[^/]+$`));

	// the QR code encodes exactly this link (same generator and options as InviteQr.svelte)
	const svg = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	await expect(page.getByTestId('invite-qr').first()).toHaveAttribute(
		'src',
		`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
	);

	// a guest scans it: opens the link in a fresh browser and joins with a name
	const guestContext = await browser.newContext({ locale: 'de-DE' });
	const guest = await guestContext.newPage();
	await guest.goto(link);
	await expect(guest.getByTestId('invite-plan')).toHaveText('Sitzung im Rathaus');
	await guest.locator('html[data-hydrated]').waitFor();
	await guest.getByLabel('Ihr Name').fill('Gabi Gast');
	await guest.getByTestId('guest-join').click();
	await expect(guest).toHaveURL(`${base}/plans/${planId}`);
	await expect(guest.getByTestId('guest-badge')).toHaveText('Gast');
	await expect(guest.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await guestContext.close();

	// A session's QR code on the projector: the guest link reads http://mitplan.local too, and a
	// guest lands on the session page (issue 13)
	const sessionId = await page.evaluate(async (id) => {
		const res = await fetch(`/api/plans/${id}/sitzungen`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'Sitzung im Saal', date: '2027-03-12' })
		});
		return ((await res.json()) as { id: string }).id;
	}, planId);
	await page.goto(`${base}/plans/${planId}/sitzungen/${sessionId}/beamer`);
	await expect(page.getByTestId('beamer-join')).toContainText('auch ohne Konto');
	const sessionLink = await page.evaluate(
		async ([id, sid]) =>
			(
				(await (
					await fetch(`/api/plans/${id}/sitzungen/${sid}/gastlink`, { method: 'POST' })
				).json()) as { url: string }
			).url,
		[planId, sessionId]
	);
	expect(sessionLink).toMatch(
		new RegExp(`^http://mitplan\\.local:${port}/einladung/[^/?]+\\?weiter=`)
	);
	const roomGuestContext = await browser.newContext({ locale: 'de-DE' });
	const roomGuest = await roomGuestContext.newPage();
	await roomGuest.goto(sessionLink);
	await roomGuest.locator('html[data-hydrated]').waitFor();
	await roomGuest.getByLabel('Ihr Name').fill('Rolf Raum');
	await roomGuest.getByTestId('guest-join').click();
	await expect(roomGuest).toHaveURL(`${base}/plans/${planId}/sitzungen/${sessionId}`);
	await expect(roomGuest.getByRole('heading', { level: 1 })).toHaveText('Sitzung im Saal');
	await roomGuestContext.close();
	await owner.close();
});
