/**
 * End-to-end tests in Debian's Chromium against the production build (`npm run build` first;
 * `npm test` does that). The server runs on a free port with a fresh temporary DATA_DIR, so
 * every run starts with just the seeded example plan, owned by the test administrator
 * (MITPLAN_ADMIN_EMAIL/-PASSWORD). The "setup" project logs that administrator in once
 * (tests/e2e/auth.setup.ts); all tests start with that session.
 */
import { defineConfig } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_STATE } from './tests/e2e/support/auth';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

// Computed once in the main process; workers inherit the environment.
process.env.MITPLAN_E2E_PORT ??= String(await freePort());
process.env.MITPLAN_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'mitplan-e2e-'));

const port = Number(process.env.MITPLAN_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: process.env.CI ? 1 : 0,
	// CI runs two workers and the server on two cores: long journeys need the headroom there.
	timeout: process.env.CI ? 90_000 : 45_000,
	expect: { timeout: 7_500 },
	reporter: 'list',
	outputDir: 'test-results/playwright',
	use: {
		baseURL,
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		viewport: { width: 1280, height: 720 },
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=de-DE']
		}
	},
	projects: [
		{ name: 'setup', testMatch: 'auth.setup.ts' },
		{
			name: 'chromium',
			testMatch: '**/*.spec.ts',
			dependencies: ['setup'],
			use: { storageState: ADMIN_STATE }
		}
	],
	webServer: {
		command: 'node build/server/main.js',
		url: `${baseURL}/api/health`,
		timeout: 60_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: process.env.MITPLAN_E2E_DATA_DIR!,
			ORIGIN: baseURL,
			LOG_LEVEL: 'warn',
			// Cheap password hashes keep the many e2e logins fast (production: 2^17).
			PASSWORD_HASH_COST: '12',
			SEED_EXAMPLE_PLAN: 'true',
			// The e2e people create their own plans; the default (editors) is tested in tests/accounts.test.ts.
			PLAN_CREATORS: 'all',
			MITPLAN_ADMIN_EMAIL: ADMIN_EMAIL,
			MITPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD
		}
	}
});
