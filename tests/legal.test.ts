/**
 * Legal pages and version over HTTP (production bundle): public without a session, from LEGAL_DIR
 * or the filled templates, safe HTML, 404 for other names; /api/health names the version.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let server: ServerProcess;
const data = tempDir();
const legal = tempDir('mitplan-legal-');

beforeAll(async () => {
	await fs.writeFile(
		path.join(legal.dir, 'impressum.md'),
		'# Impressum\n\nStadt Musterhausen\n\n<script>alert(1)</script>'
	);
	server = await spawnServer({
		DATA_DIR: data.dir,
		SEED_EXAMPLE_PLAN: 'false',
		LEGAL_DIR: legal.dir,
		LEGAL_OPERATOR: 'Stadt Musterhausen | Rathausplatz 1',
		LEGAL_CONTACT: 'vielfalt@musterhausen.de'
	});
}, 30_000);
afterAll(async () => {
	await server?.stop();
	data.remove();
	legal.remove();
});

describe('legal pages', () => {
	it('answer without a session, from LEGAL_DIR or the filled template, with safe HTML', async () => {
		const impressum = await fetch(`${server.httpUrl}/api/legal/impressum`);
		expect(impressum.status).toBe(200);
		const page = (await impressum.json()) as { title: string; html: string; configured: boolean };
		expect(page.title).toBe('Impressum');
		expect(page.html).toContain('Stadt Musterhausen');
		expect(page.html).not.toContain('<script');
		const privacy = (await (await fetch(`${server.httpUrl}/api/legal/datenschutz`)).json()) as {
			html: string;
			configured: boolean;
		};
		expect(privacy.configured).toBe(true);
		expect(privacy.html).toContain('vielfalt@musterhausen.de');
		expect(privacy.html).toContain('Rathausplatz 1');
		expect((await fetch(`${server.httpUrl}/api/legal/agb`)).status).toBe(404);
		// The pages themselves open without a session (no redirect to /anmelden).
		for (const name of ['impressum', 'datenschutz', 'barrierefreiheit']) {
			const res = await fetch(`${server.httpUrl}/${name}`, { redirect: 'manual' });
			expect(res.status, name).toBe(200);
		}
	});

	it('/api/health names the version from package.json', async () => {
		const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
		const health = (await (await fetch(`${server.httpUrl}/api/health`)).json()) as {
			version: string;
		};
		expect(health.version).toBe(version);
	});
});
