/**
 * Issue 17, item 9: a store written by the previous release (tests/fixtures/store-0.1.0, made by
 * 0.1.0 before store versions existed: one plan from the Beispielplan with a comment thread, a
 * named version and a Zeitplan milestone, the administrator admin@mitplan.test) is opened by this
 * code: migrations run once at start, everything is still there, the version is recorded; a store
 * of a newer version stops the start with a clear message.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CURRENT_STORE_VERSION, STORE_VERSION_KEY } from '../server/storage/migrations';
import { createFileKv } from '../server/storage/kv-file';
import { ADMIN_ENV, login } from './helpers/auth';
import { spawnServer, tempDir } from './helpers/server';

const FIXTURE = path.resolve('tests/fixtures/store-0.1.0');
const PLAN = 'T8ntmB0MD1YK';
const data = tempDir('mitplan-upgrade-');
afterAll(() => data.remove());

async function json<T>(res: Promise<Response>): Promise<T> {
	const r = await res;
	if (r.status !== 200) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
	return (await r.json()) as T;
}

describe('upgrading from the previous release', () => {
	it('opens the old store, migrates it once and keeps every plan, version and comment', async () => {
		expect(readFileSync(path.join(FIXTURE, 'app/kv.jsonl'), 'utf8')).not.toContain(
			STORE_VERSION_KEY
		);
		cpSync(FIXTURE, data.dir, { recursive: true });
		const env = { DATA_DIR: data.dir, SEED_EXAMPLE_PLAN: 'false', LOG_FORMAT: 'text' };
		const first = await spawnServer(env);
		try {
			expect(first.output()).toMatch(/store migrated \{[^}]*"from":0,"to":1/);
			const s = await login(first.httpUrl, ADMIN_ENV.MITPLAN_ADMIN_EMAIL, 'test-passwort-123');
			const plans = await json<{ id: string; title: string }[]>(s.request('/api/plans'));
			expect(plans.map((p) => [p.id, p.title])).toEqual([[PLAN, 'Vielfaltsstrategie Altstadt']]);
			const plan = await json<{ fields: unknown[] }>(s.request(`/api/plans/${PLAN}`));
			expect(plan.fields.length).toBeGreaterThan(3);
			const versions = JSON.stringify(await json(s.request(`/api/plans/${PLAN}/versions`)));
			expect(versions).toContain('Stand vor dem Update');
			const versionId = /"id":"([^"]+)","planId":"[^"]+","name":"Stand vor dem Update"/.exec(
				versions
			)![1];
			await json(s.request(`/api/plans/${PLAN}/versions/${versionId}`));
			expect(JSON.stringify(await json(s.request(`/api/plans/${PLAN}/review`)))).toContain(
				'Ist das finanziert?'
			);
			expect(JSON.stringify(await json(s.request(`/api/plans/${PLAN}/zeitplan`)))).toContain(
				'Auftaktveranstaltung'
			);
			const health = await json<{ version: string; status: string }>(
				fetch(`${first.httpUrl}/api/health`)
			);
			expect(health).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+/) });
		} finally {
			await first.stop();
		}
		const kv = await createFileKv({ dir: data.dir });
		expect(await kv.get(STORE_VERSION_KEY)).toBe(String(CURRENT_STORE_VERSION));
		await kv.close();

		const second = await spawnServer(env);
		try {
			expect(second.output()).not.toContain('store migration');
		} finally {
			await second.stop();
		}
	}, 120_000);

	it('refuses to start on a store written by a newer Mitplan', async () => {
		const dir = tempDir('mitplan-newer-');
		try {
			cpSync(FIXTURE, dir.dir, { recursive: true });
			const kv = await createFileKv({ dir: dir.dir });
			await kv.set(STORE_VERSION_KEY, '99');
			await kv.close();
			await expect(spawnServer({ DATA_DIR: dir.dir })).rejects.toThrow(
				/Speicherversion 99, diese Mitplan-Version kennt nur bis 1/
			);
		} finally {
			dir.remove();
		}
	}, 60_000);
});
