/**
 * Over 400 lines because the same versions suite runs against the file store and Redis and its cases share clients and plans.
 *
 * Versions over real HTTP and real websocket clients, against the production bundle with the
 * file store and with Redis (needs `npm run build`): taking versions, restoring while two clients
 * edit, the pre-restore snapshot as undo, clear 404/403s, per-item history attribution and the
 * automatic snapshot after an editing pause.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getText, readPlan, updateItem, deleteItem } from '../src/lib/domain/index';
import type { PlanJson } from '../src/lib/domain/types';
import type {
	CompareResult,
	HistoryEntry,
	VersionMeta,
	VersionWithPlan
} from '../src/lib/versions/types';
import { ADMIN_ENV, login, syncTokenViaApi, type HttpSession } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

const AUTO_IDLE_MS = 1200;
const NAMED_MAX = 3;

for (const storage of ['file', 'redis'] as const) {
	describe(`versions (${storage})`, () => {
		let server: ServerProcess;
		let redis: TestRedis | undefined;
		let data: ReturnType<typeof tempDir>;
		let admin: HttpSession;
		const clients: TestClient[] = [];
		let userCount = 0;

		beforeAll(async () => {
			data = tempDir();
			const env: Record<string, string> = {
				DATA_DIR: data.dir,
				SEED_EXAMPLE_PLAN: 'false',
				VERSION_AUTO_IDLE_MS: String(AUTO_IDLE_MS),
				VERSION_NAMED_MAX: String(NAMED_MAX),
				VERSION_PRE_RESTORE_KEEP: '2',
				...ADMIN_ENV
			};
			if (storage === 'redis') {
				redis = await startRedis();
				env.REDIS_URL = redis.url;
			}
			server = await spawnServer(env);
			admin = await login(server.httpUrl);
		});

		afterAll(async () => {
			for (const c of clients) c.destroy();
			await server?.stop();
			await redis?.stop();
			data?.remove();
		});

		async function newUser(name: string): Promise<{ email: string; session: HttpSession }> {
			const email = `v-${storage}-${++userCount}@mitplan.test`;
			const password = `passwort-${userCount}-lang`;
			const res = await admin.request('/api/admin/users', {
				method: 'POST',
				json: { email, name, password, mustChangePassword: false }
			});
			expect(res.status).toBe(201);
			return { email, session: await login(server.httpUrl, email, password) };
		}

		async function member(planId: string, name: string, role: string) {
			const user = await newUser(name);
			const res = await admin.request(`/api/plans/${planId}/members`, {
				method: 'POST',
				json: { email: user.email, role }
			});
			expect(res.status).toBe(201);
			// opening the plan once ends „eingeladen“ (only then can the person be assigned)
			expect((await user.session.request(`/api/plans/${planId}`)).status).toBe(200);
			return user.session;
		}

		async function examplePlan(title: string): Promise<PlanJson> {
			const res = await admin.request('/api/plans', {
				method: 'POST',
				json: { title, example: true }
			});
			expect(res.status).toBe(201);
			const { id } = (await res.json()) as { id: string };
			return (await (await admin.request(`/api/plans/${id}`)).json()) as PlanJson;
		}

		async function client(session: HttpSession, planId: string, name: string) {
			const c = connectClient(server.wsUrl, planId, name, await syncTokenViaApi(session, planId));
			clients.push(c);
			await c.synced;
			return c;
		}

		async function takeVersion(planId: string, name: string): Promise<VersionMeta> {
			const res = await admin.request(`/api/plans/${planId}/versions`, {
				method: 'POST',
				json: { name }
			});
			expect(res.status).toBe(201);
			return (await res.json()) as VersionMeta;
		}

		const list = async (planId: string) =>
			(await (await admin.request(`/api/plans/${planId}/versions`)).json()) as VersionMeta[];
		const current = async (planId: string) =>
			(await (await admin.request(`/api/plans/${planId}`)).json()) as PlanJson;
		const restore = (planId: string, versionId: string, session = admin) =>
			session.request(`/api/plans/${planId}/versions/${versionId}/restore`, { method: 'POST' });
		const errorCode = async (res: Response) =>
			((await res.json()) as { error: { code: string; message: string } }).error;

		it('takes a named version and opens it read-only with its content', async () => {
			const plan = await examplePlan('Versionen lesen');
			const version = await takeVersion(plan.id, '  Entwurf Kerngruppe  ');
			expect(version).toMatchObject({
				planId: plan.id,
				name: 'Entwurf Kerngruppe',
				kind: 'named',
				createdBy: { name: expect.any(String), kind: 'user' }
			});
			expect(version.counts.measures).toBeGreaterThan(0);
			const res = await admin.request(`/api/plans/${plan.id}/versions/${version.id}`);
			expect(res.status).toBe(200);
			const got = (await res.json()) as VersionWithPlan;
			expect(got.plan).toEqual(plan);
			expect((await list(plan.id)).map((v) => v.id)).toEqual([version.id]);

			for (const name of ['', ' ', 'x'.repeat(121)]) {
				const bad = await admin.request(`/api/plans/${plan.id}/versions`, {
					method: 'POST',
					json: { name }
				});
				expect(bad.status).toBe(400);
				expect((await errorCode(bad)).code).toBe('invalid_version_name');
			}

			const pdf = await admin.request(`/api/plans/${plan.id}/versions/${version.id}/export.pdf`);
			expect(pdf.status).toBe(200);
			expect(pdf.headers.get('content-type')).toBe('application/pdf');
			expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

			// Snapshots live in the blob store of the configured storage, not in the KV.
			const blob = path.join(data.dir, 'versions', plan.id, `${version.id}.bin`);
			expect(existsSync(blob)).toBe(storage === 'file');
			// Deleting the plan deletes its versions.
			expect((await admin.request(`/api/plans/${plan.id}`, { method: 'DELETE' })).status).toBe(204);
			expect(existsSync(path.join(data.dir, 'versions', plan.id))).toBe(false);
		});

		it('restores while two clients edit: both converge, nothing is lost, the restore can be undone', async () => {
			const plan = await examplePlan('Wiederherstellen');
			const editor = await member(plan.id, 'Anna Editorin', 'editor');
			const a = await client(admin, plan.id, 'Admin');
			const b = await client(editor, plan.id, 'Anna');
			const [m0, m1, m2] = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
			const version = await takeVersion(plan.id, 'Zwischenbericht');

			// After the version: a title changed, a goal deleted.
			expect(updateItem(a.doc, m0.id, { title: 'Geänderter Titel' }).ok).toBe(true);
			const goal = plan.fields[2].goals[0];
			expect(deleteItem(b.doc, goal.id).ok).toBe(true);
			await waitFor(
				async () => (await current(plan.id)).fields[2].goals[0]?.id !== goal.id,
				'edits stored'
			);
			const before = await current(plan.id);

			// Both keep typing into other measures while the restore happens.
			let typing = true;
			const typeInto = (c: TestClient, id: string, tag: string) =>
				(async () => {
					let n = 0;
					while (typing) {
						getText(c.doc, id, 'resources')!.insert(0, `${tag}${n++} `);
						await new Promise((r) => setTimeout(r, 15));
					}
				})();
			const loops = [typeInto(a, m1.id, 'A'), typeInto(b, m2.id, 'B')];
			await new Promise((r) => setTimeout(r, 100));
			const res = await restore(plan.id, version.id);
			expect(res.status).toBe(200);
			const { snapshot } = (await res.json()) as { snapshot: VersionMeta };
			expect(snapshot).toMatchObject({
				kind: 'pre_restore',
				name: 'Vor Wiederherstellung von „Zwischenbericht“'
			});
			await new Promise((r) => setTimeout(r, 100));
			typing = false;
			await Promise.all(loops);

			const json = (c: TestClient) => JSON.stringify(readPlan(c.doc, plan.id));
			await waitFor(
				async () => json(a) === json(b) && json(a) === JSON.stringify(await current(plan.id)),
				'all converge'
			);
			const after = readPlan(a.doc, plan.id);
			const measure = (p: PlanJson, id: string) =>
				p.fields.flatMap((f) => f.goals.flatMap((g) => g.measures)).find((m) => m.id === id);
			expect(measure(after, m0.id)?.title).toBe(m0.title);
			expect(after.fields[2].goals[0].id).toBe(goal.id);
			// typing that happened after the restore survived on top of it
			expect(measure(after, m1.id)?.resources).toMatch(/^A\d+ /);
			expect(measure(after, m2.id)?.resources).toMatch(/^B\d+ /);

			// The snapshot before the restore holds the state before it …
			const snap = (await (
				await admin.request(`/api/plans/${plan.id}/versions/${snapshot.id}`)
			).json()) as VersionWithPlan;
			expect(measure(snap.plan, m0.id)?.title).toBe('Geänderter Titel');
			// … and restoring it undoes the restore.
			expect((await restore(plan.id, snapshot.id)).status).toBe(200);
			await waitFor(
				() => measure(readPlan(b.doc, plan.id), m0.id)?.title === 'Geänderter Titel',
				'undo reaches b'
			);
			const undone = await current(plan.id);
			expect(undone.fields[2].goals.map((g) => g.id)).toEqual(
				before.fields[2].goals.map((g) => g.id)
			);
			await waitFor(() => json(a) === json(b), 'converge after undo');

			// No version lost: the named one and both pre-restore snapshots are listed.
			const versions = await list(plan.id);
			const ids = versions.map((v) => v.id);
			expect(ids).toContain(version.id);
			expect(ids).toContain(snapshot.id);
			expect(versions.filter((v) => v.kind === 'pre_restore')).toHaveLength(2);

			// the compare endpoint sees the restored title as a redline
			const cmp = await admin.request(
				`/api/plans/${plan.id}/compare?from=${version.id}&to=current`
			);
			expect(cmp.status).toBe(200);
			const diff = ((await cmp.json()) as CompareResult).diff;
			const changed = diff.items.find((i) => i.id === m0.id);
			expect(changed?.status).toBe('changed');
		});

		it('refuses versions of another plan and unknown ids with 404, a viewer with 403', async () => {
			const planA = await examplePlan('Plan A');
			const planB = await examplePlan('Plan B');
			const versionB = await takeVersion(planB.id, 'Ratsfassung');
			const foreign = await restore(planA.id, versionB.id);
			expect(foreign.status).toBe(404);
			expect(await errorCode(foreign)).toMatchObject({
				code: 'version_not_found',
				message: expect.stringContaining('Version')
			});
			for (const path of [
				`/api/plans/${planA.id}/versions/${versionB.id}`,
				`/api/plans/${planA.id}/versions/gibtesnicht`,
				`/api/plans/${planA.id}/versions/gibtesnicht/export.pdf`,
				`/api/plans/${planA.id}/compare?from=gibtesnicht&to=current`
			]) {
				const res = await admin.request(path);
				expect(res.status, path).toBe(404);
				expect((await errorCode(res)).code).toBe('version_not_found');
			}
			expect((await restore(planA.id, 'gibtesnicht')).status).toBe(404);
			const noSides = await admin.request(`/api/plans/${planA.id}/compare?from=current`);
			expect(noSides.status).toBe(400);
			// nothing changed, and the server still serves
			expect(await current(planA.id)).toEqual(planA);
			expect((await list(planB.id)).map((v) => v.id)).toEqual([versionB.id]);

			const viewer = await member(planA.id, 'Vera Viewer', 'viewer');
			expect((await viewer.request(`/api/plans/${planA.id}/versions`)).status).toBe(200);
			const take = await viewer.request(`/api/plans/${planA.id}/versions`, {
				method: 'POST',
				json: { name: 'Nicht erlaubt' }
			});
			expect(take.status).toBe(403);
			const versionA = await takeVersion(planA.id, 'Erlaubt');
			expect((await restore(planA.id, versionA.id, viewer)).status).toBe(403);
			// a plan the caller is not a member of answers 404
			expect((await viewer.request(`/api/plans/${planB.id}/versions`)).status).toBe(404);
		});

		it('caps named versions, keeps the newest pre-restore snapshots, lets the owner delete one', async () => {
			const plan = await examplePlan('Viele Versionen');
			const named: VersionMeta[] = [];
			for (let i = 1; i <= NAMED_MAX; i++) named.push(await takeVersion(plan.id, `Stand ${i}`));
			const tooMany = await admin.request(`/api/plans/${plan.id}/versions`, {
				method: 'POST',
				json: { name: 'Einer zu viel' }
			});
			expect(tooMany.status).toBe(409);
			expect(await errorCode(tooMany)).toMatchObject({
				code: 'too_many_versions',
				message: expect.stringContaining('löschen Sie')
			});
			expect((await list(plan.id)).map((v) => v.name)).not.toContain('Einer zu viel');

			// deleting: owner only, unknown ids 404, audited, the snapshot is gone
			const editor = await member(plan.id, 'Eda Editorin', 'editor');
			const remove = (id: string, session = admin) =>
				session.request(`/api/plans/${plan.id}/versions/${id}`, { method: 'DELETE' });
			expect((await remove(named[0].id, editor)).status).toBe(403);
			expect((await remove('gibtesnicht')).status).toBe(404);
			const deleted = await remove(named[0].id);
			expect(deleted.status).toBe(200);
			expect(((await deleted.json()) as VersionMeta).name).toBe('Stand 1');
			expect((await remove(named[0].id)).status).toBe(404);
			expect((await admin.request(`/api/plans/${plan.id}/versions/${named[0].id}`)).status).toBe(
				404
			);
			if (storage === 'file') {
				const dir = path.join(data.dir, 'versions', plan.id);
				expect(existsSync(path.join(dir, `${named[0].id}.bin`))).toBe(false);
				expect(existsSync(path.join(dir, `${named[1].id}.bin`))).toBe(true);
			}
			const audit = (await (await admin.request(`/api/plans/${plan.id}/audit`)).json()) as Array<{
				action: string;
				details?: Record<string, unknown>;
			}>;
			expect(audit[0]).toMatchObject({ action: 'version_deleted' });
			expect(JSON.stringify(audit[0])).toContain('Stand 1');
			// room for a new one again
			await takeVersion(plan.id, 'Ratsfassung');

			// only the newest VERSION_PRE_RESTORE_KEEP (2) snapshots taken before a restore stay
			const snapshots: string[] = [];
			for (let i = 0; i < 3; i++) {
				const res = await restore(plan.id, named[1].id);
				expect(res.status).toBe(200);
				snapshots.push(((await res.json()) as { snapshot: VersionMeta }).snapshot.id);
			}
			const pre = (await list(plan.id)).filter((v) => v.kind === 'pre_restore');
			expect(pre.map((v) => v.id).sort()).toEqual(snapshots.slice(1).sort());
			expect((await list(plan.id)).filter((v) => v.kind === 'named')).toHaveLength(NAMED_MAX);
		});

		it('exports a version as PDF like the live plan: with the checks and the Abwägungstabelle', async () => {
			const plan = await examplePlan('Versions-PDF');
			const measureId = plan.fields[0].goals[0].measures[0].id;
			const dora = await member(plan.id, 'Dora Dezernat', 'reviewer');
			const members = (await (
				await admin.request(`/api/plans/${plan.id}/members`)
			).json()) as Array<{
				userId: string;
				name: string;
			}>;
			const doraId = members.find((m) => m.name === 'Dora Dezernat')!.userId;
			const assigned = await admin.request(`/api/plans/${plan.id}/checks`, {
				method: 'POST',
				json: { measureIds: [measureId], departmentUserId: doraId, dueDate: '2030-02-01' }
			});
			expect(assigned.status).toBe(201);
			const [check] = (await assigned.json()) as Array<{ id: string }>;
			const verdict = await dora.request(`/api/plans/${plan.id}/checks/${check.id}/verdict`, {
				method: 'PUT',
				json: {
					outcome: 'feasible',
					reasons: 'Im Haushalt vorgesehen',
					conditions: '',
					responsibleOffice: 'Kämmerei'
				}
			});
			expect(verdict.status).toBe(200);
			const version = await takeVersion(plan.id, 'Ratsfassung');

			const pdf = async (path: string) => {
				const res = await admin.request(path);
				expect(res.status, path).toBe(200);
				const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
				// jsPDF writes the page tree uncompressed; the size stands for the (compressed) content
				return { pages: Number(/\/Count (\d+)/.exec(text)?.[1]), bytes: text.length };
			};
			// the same state and options: the same document (only its date and id differ)
			const query = 'versionLabel=Ratsfassung&date=2026-03-01';
			for (const extra of ['', '&consideration=true']) {
				const live = await pdf(`/api/plans/${plan.id}/export.pdf?${query}${extra}`);
				const old = await pdf(
					`/api/plans/${plan.id}/versions/${version.id}/export.pdf?${query}${extra}`
				);
				expect(old, extra || 'default').toEqual(live);
			}
			const without = await pdf(`/api/plans/${plan.id}/versions/${version.id}/export.pdf?${query}`);
			const withTable = await pdf(
				`/api/plans/${plan.id}/versions/${version.id}/export.pdf?${query}&consideration=true`
			);
			expect(withTable.pages).toBeGreaterThan(without.pages);
			// Six exports in a row (each in the export worker): slow on a loaded machine.
		}, 60_000);

		it('attributes an edit to the person who made it (history) and snapshots after a pause', async () => {
			const plan = await examplePlan('Verlauf');
			const anna = await member(plan.id, 'Anna Autorin', 'editor');
			const bernd = await member(plan.id, 'Bernd Bearbeiter', 'editor');
			const a = await client(anna, plan.id, 'Anna');
			const b = await client(bernd, plan.id, 'Bernd');
			const [m0, m1] = plan.fields[0].goals[0].measures;
			expect(updateItem(a.doc, m0.id, { lead: 'Amt für Soziales', status: 'umgesetzt' }).ok).toBe(
				true
			);
			expect(updateItem(b.doc, m1.id, { title: 'Neu von Bernd' }).ok).toBe(true);
			await waitFor(
				async () =>
					(await current(plan.id)).fields[0].goals[0].measures[1].title === 'Neu von Bernd',
				'stored'
			);

			const history = async (itemId: string) =>
				(await (
					await anna.request(`/api/plans/${plan.id}/history?itemId=${itemId}`)
				).json()) as HistoryEntry[];
			let entries: HistoryEntry[] = [];
			await waitFor(async () => (entries = await history(m0.id)).length > 0, 'history of m0');
			expect(entries).toHaveLength(1);
			expect(entries[0]).toMatchObject({
				itemId: m0.id,
				itemType: 'measure',
				action: 'changed',
				actor: { name: 'Anna Autorin', kind: 'user' }
			});
			expect(entries[0].fields.sort()).toEqual(['lead', 'status']);
			const m1History = await history(m1.id);
			expect(m1History.map((e) => e.actor.name)).toEqual(['Bernd Bearbeiter']);
			expect((await anna.request(`/api/plans/${plan.id}/history?itemId=../x`)).status).toBe(400);

			// The editing pause (VERSION_AUTO_IDLE_MS) produces one automatic snapshot.
			let autos: VersionMeta[] = [];
			await waitFor(
				async () => (autos = (await list(plan.id)).filter((v) => v.kind === 'auto')).length > 0,
				'automatic snapshot',
				AUTO_IDLE_MS + 8000
			);
			expect(autos).toHaveLength(1);
			expect(autos[0].createdBy.kind).toBe('system');
			const snap = (await (
				await admin.request(`/api/plans/${plan.id}/versions/${autos[0].id}`)
			).json()) as VersionWithPlan;
			expect(snap.plan.fields[0].goals[0].measures[1].title).toBe('Neu von Bernd');
			// no further edits: no further snapshot
			await new Promise((r) => setTimeout(r, AUTO_IDLE_MS + 500));
			expect((await list(plan.id)).filter((v) => v.kind === 'auto')).toHaveLength(1);
		});
	});
}
