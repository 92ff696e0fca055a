/**
 * Backup and restore (`npm run backup` / `npm run restore`, the bundled build/server/backup.js)
 * against real server processes, on the file store and on Redis: a backup taken while clients
 * keep editing restores into an empty store, and a server started on it serves every plan with
 * every edit made before the backup began, the accounts, memberships and versions. Bad archives,
 * a non-empty target and a second process on a data folder are refused with German messages.
 * Needs `npm run build` (done by `npm test`).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createItem, readPlan, type PlanJson } from '../src/lib/domain/index';
import { ADMIN_ENV, login, syncTokenViaApi, type HttpSession } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

const run = promisify(execFile);
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
});

function scratch() {
	const dir = tempDir('mitplan-backup-');
	cleanups.push(() => dir.remove());
	return dir.dir;
}

async function redis(): Promise<TestRedis> {
	const r = await startRedis();
	cleanups.push(() => r.stop());
	return r;
}

/** Runs `npm run backup|restore -- <file>` as its own process with the given store settings. */
async function cli(command: 'backup' | 'restore', file: string, env: Record<string, string>) {
	return run(process.execPath, ['scripts/backup.mjs', command, file], {
		env: { ...process.env, REDIS_URL: '', DATA_DIR: '', ...env },
		timeout: 120_000
	}).then(
		(r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
		(e: { code: number; stdout: string; stderr: string }) => ({
			code: e.code,
			stdout: e.stdout,
			stderr: e.stderr
		})
	);
}

async function spawn(
	env: Record<string, string>
): Promise<{ server: ServerProcess; session: HttpSession }> {
	const server = await spawnServer({ SEED_EXAMPLE_PLAN: 'false', ...ADMIN_ENV, ...env });
	cleanups.push(() => server.stop());
	return { server, session: await login(server.httpUrl) };
}

const titlesOf = (plan: PlanJson) => new Set(plan.fields.map((f) => f.title));

async function getPlan(session: HttpSession, planId: string): Promise<PlanJson> {
	const res = await session.request(`/api/plans/${planId}`);
	expect(res.status).toBe(200);
	return (await res.json()) as PlanJson;
}

const stores: Array<
	[string, () => Promise<{ source: Record<string, string>; target: Record<string, string> }>]
> = [
	[
		'file store',
		async () => ({ source: { DATA_DIR: scratch() }, target: { DATA_DIR: scratch() } })
	],
	[
		'Redis',
		async () => {
			const [a, b] = await Promise.all([redis(), redis()]);
			return { source: { REDIS_URL: a.url }, target: { REDIS_URL: b.url } };
		}
	]
];

describe.each(stores)('backup and restore (%s)', (_name, setup) => {
	it('round-trips a busy instance: every plan, every edit made before the backup, accounts and versions', async () => {
		const { source, target } = await setup();
		const { server, session } = await spawn(source);

		// Three plans, each with a writer and a witness (the witness seeing an edit means the
		// server took it).
		const plans: Array<{ id: string; writer: TestClient; witness: TestClient }> = [];
		for (const title of ['Integrationskonzept', 'Vielfaltsstrategie', 'Teilhabeplan']) {
			const res = await session.request('/api/plans', { method: 'POST', json: { title } });
			expect(res.status).toBe(201);
			const id = ((await res.json()) as { id: string }).id;
			const token = await syncTokenViaApi(session, id);
			const writer = connectClient(server.wsUrl, id, 'Schreibend', token);
			const witness = connectClient(server.wsUrl, id, 'Zeugin', token);
			cleanups.push(
				() => writer.destroy(),
				() => witness.destroy()
			);
			await Promise.all([writer.synced, witness.synced]);
			plans.push({ id, writer, witness });
		}
		let counter = 0;
		const addField = (p: (typeof plans)[number]) => {
			const title = `Feld ${++counter}`;
			const made = createItem(p.writer.doc, { type: 'field', values: { title } });
			if (!made.ok) throw new Error(made.error.message);
			return title;
		};
		const before = new Map<string, string[]>(plans.map((p) => [p.id, []]));
		for (let i = 0; i < 5; i++) for (const p of plans) before.get(p.id)!.push(addField(p));
		for (const p of plans) {
			await waitFor(
				() => titlesOf(readPlan(p.witness.doc, p.id)).size === 5,
				'the witness sees 5 fields'
			);
		}
		// A named version of the first plan (a blob plus its index in the KV).
		const version = await session.request(`/api/plans/${plans[0].id}/versions`, {
			method: 'POST',
			json: { name: 'Vor der Sicherung' }
		});
		expect(version.status).toBe(201);
		const versionId = ((await version.json()) as { id: string }).id;
		// Let the last appends land (the relay may run ahead of the store's fsync).
		await new Promise((r) => setTimeout(r, 300));

		// Keep typing while the backup runs.
		let typing = true;
		const during = (async () => {
			while (typing) {
				for (const p of plans) addField(p);
				await new Promise((r) => setTimeout(r, 15));
			}
		})();
		const archive = path.join(scratch(), 'mitplan.backup.gz');
		const backup = await cli('backup', archive, source);
		typing = false;
		await during;
		expect(backup.stderr).toBe('');
		expect(backup.code).toBe(0);
		expect(backup.stdout).toMatch(/Sicherung geschrieben .*: 3 Pläne, \d+ Einträge, 1 Versionen/);

		// The live plans after the backup (a superset of what the backup can hold).
		const finals = new Map<string, Set<string>>();
		for (const p of plans) {
			await waitFor(
				async () =>
					titlesOf(await getPlan(session, p.id)).size ===
					titlesOf(readPlan(p.writer.doc, p.id)).size,
				'the server has every edit'
			);
			finals.set(p.id, titlesOf(await getPlan(session, p.id)));
		}

		const restore = await cli('restore', archive, target);
		expect(restore.stderr).toBe('');
		expect(restore.code).toBe(0);
		expect(restore.stdout).toMatch(/Sicherung zurückgespielt .*: 3 Pläne/);

		// A server on the restored store: the administrator's plans, memberships, every plan with
		// every edit from before the backup and nothing that never existed, and the version.
		const restored = await spawn(target);
		const list = await restored.session.request('/api/plans');
		expect(list.status).toBe(200);
		const listed = ((await list.json()) as Array<{ id: string }>).map((p) => p.id).sort();
		expect(listed).toEqual(plans.map((p) => p.id).sort());
		for (const p of plans) {
			const titles = titlesOf(await getPlan(restored.session, p.id));
			for (const title of before.get(p.id)!) expect(titles).toContain(title);
			for (const title of titles) expect(finals.get(p.id)!).toContain(title);
		}
		const versions = await restored.session.request(
			`/api/plans/${plans[0].id}/versions/${versionId}`
		);
		expect(versions.status).toBe(200);
		const opened = (await versions.json()) as { plan: PlanJson };
		expect([...titlesOf(opened.plan)].sort()).toEqual([...before.get(plans[0].id)!].sort());
	}, 180_000);
});

describe('bad archives and targets', () => {
	it('refuses a foreign, a truncated and an altered file and a non-empty target; writes nothing', async () => {
		const source = scratch();
		const { server } = await spawn({ DATA_DIR: source });
		const archive = path.join(scratch(), 'ok.gz');
		const ok = await cli('backup', archive, { DATA_DIR: source });
		expect(ok.code).toBe(0);
		await server.stop();

		const foreign = path.join(scratch(), 'foreign.gz');
		await fs.writeFile(foreign, 'Dies ist keine Sicherung\n');
		const empty = scratch();
		const r1 = await cli('restore', foreign, { DATA_DIR: empty });
		expect(r1.code).toBe(1);
		expect(r1.stderr).toContain('keine Mitplan-Sicherung');

		const bytes = await fs.readFile(archive);
		const truncated = path.join(scratch(), 'truncated.gz');
		await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
		const r2 = await cli('restore', truncated, { DATA_DIR: empty });
		expect(r2.code).toBe(1);
		expect(r2.stderr).toMatch(/unvollständig|beschädigt/);

		const lines = gunzipSync(bytes).toString('utf8').split('\n');
		lines[1] = lines[1].replace(/"t":"(plan|kv)"/, '"t":"$1","x":1');
		const altered = path.join(scratch(), 'altered.gz');
		await fs.writeFile(altered, gzipSync(lines.join('\n')));
		const r3 = await cli('restore', altered, { DATA_DIR: empty });
		expect(r3.code).toBe(1);
		expect(r3.stderr).toContain('Prüfsumme');

		// Nothing was written by the refused restores: no plan, no KV log, no marker.
		const left = await fs.readdir(empty);
		expect(left.filter((n) => n !== 'mitplan.lock')).toEqual([]);

		// A target that already holds data is refused.
		const r4 = await cli('restore', archive, { DATA_DIR: source });
		expect(r4.code).toBe(1);
		expect(r4.stderr).toContain('nicht leer');
	}, 120_000);

	it('keeps a second process off a data folder and refuses to start after an unfinished restore', async () => {
		const dir = scratch();
		const { server } = await spawn({ DATA_DIR: dir });
		const second = await spawnServer({ DATA_DIR: dir, SEED_EXAMPLE_PLAN: 'false' }).then(
			async (s) => {
				await s.stop();
				return 'started';
			},
			(error: Error) => error.message
		);
		expect(second).toMatch(/wird schon von einem anderen Mitplan-Prozess benutzt \(PID \d+\)/);
		const archive = path.join(scratch(), 'b.gz');
		expect((await cli('backup', archive, { DATA_DIR: dir })).code).toBe(0);
		const intoRunning = await cli('restore', archive, { DATA_DIR: dir });
		expect(intoRunning.code).toBe(1);
		expect(intoRunning.stderr).toMatch(/anderen Mitplan-Prozess/);
		await server.stop();

		// After the server stopped, the lock is gone; a marker left by a cut-short restore stops
		// the next start with a clear line.
		const fresh = scratch();
		await fs.writeFile(path.join(fresh, 'restore-incomplete'), 'x\n');
		const refused = await spawnServer({ DATA_DIR: fresh, SEED_EXAMPLE_PLAN: 'false' }).then(
			async (s) => {
				await s.stop();
				return 'started';
			},
			(error: Error) => error.message
		);
		expect(refused).toMatch(/Wiederherstellung .* wurde nicht abgeschlossen/);
	}, 120_000);
});
