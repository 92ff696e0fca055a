/**
 * Umsetzung (issue 14) on real servers, with the embedded file store and with a real Redis:
 * adoption (a raw y-websocket client — even the owner's — cannot set "beschlossen"; the PATCH
 * refuses it; the council decision sets it and freezes "Beschlussfassung"), implementation data
 * with who-may-report rules and bad input, a Sachstand on a deleted measure, the reminders into
 * the inbox with the notice seam, and (Redis) a bulk status update racing Sachstand notes on a
 * second instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMeta } from '../src/lib/domain/index';
import { CloseCode } from '../src/lib/contract/close-codes';
import { parsePlanId } from '../src/lib/contract/ids';
import type { MonitoringCaller, MonitoringNotice } from '../src/lib/contract/monitoring';
import type { PlanRole } from '../src/lib/contract/roles';
import { createOwnedPlan, memberWithRole, syncToken } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { addContent } from './helpers/review';
import { startInProcess, tempDir } from './helpers/server';

type Server = Awaited<ReturnType<typeof startInProcess>>;
type User = Awaited<ReturnType<typeof createOwnedPlan>>['owner'];

const as = (principal: User, role: PlanRole): MonitoringCaller => ({ principal, role });

function nextClose(c: TestClient): Promise<{ code: number; reason: string }> {
	return new Promise((resolve) => {
		const onClose = (event: CloseEvent | null) => {
			c.provider.off('connection-close', onClose);
			resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
		};
		c.provider.on('connection-close', onClose);
	});
}

describe.each(['file', 'redis'] as const)('Umsetzung (%s store)', (kind) => {
	let server: Server;
	let data: ReturnType<typeof tempDir> | undefined;
	let redis: TestRedis | undefined;
	const clients: TestClient[] = [];

	beforeAll(async () => {
		if (kind === 'redis') {
			redis = await startRedis();
			server = await startInProcess({ REDIS_URL: redis.url });
		} else {
			data = tempDir();
			server = await startInProcess({ DATA_DIR: data.dir });
		}
	}, 60_000);

	afterAll(async () => {
		for (const c of clients) c.destroy();
		await server.close();
		await redis?.stop();
		data?.remove();
	});

	async function client(planId: string, token: string) {
		const c = connectClient(server.wsUrl, planId, 'Test', token);
		clients.push(c);
		await c.synced;
		return c;
	}

	it('adoption: only with the council decision, never through the document', async () => {
		const { core } = server;
		const { planId, owner } = await createOwnedPlan(core, 'Integrationskonzept');
		const ownerDoc = await client(planId, await syncToken(core, owner, planId));
		// A raw client of the owner writes status "beschlossen" into the document: refused.
		const raw = await client(planId, await syncToken(core, owner, planId));
		const closed = nextClose(raw);
		raw.doc.getMap('meta').set('status', 'beschlossen');
		const { code, reason } = await closed;
		expect(code).toBe(CloseCode.Refused);
		expect(reason).toMatch(/Ratsbeschluss/);
		await new Promise((r) => setTimeout(r, 200));
		expect(readMeta(ownerDoc.doc).status).toBe('entwurf');
		// The settings PATCH refuses it too.
		const patched = await core.plans.commands.changeSettings(owner, parsePlanId(planId)!, {
			status: 'beschlossen'
		});
		expect(patched).toMatchObject({ ok: false, error: { status: 409, code: 'adoption_required' } });
		// Bad decisions: a clear German error, nothing changed.
		const future = await core.monitoring.adopt(owner, planId, {
			date: '2099-01-01',
			body: 'Stadtverordnetenversammlung',
			reference: 'SVV-Beschluss 2027/0815'
		});
		expect(future).toMatchObject({
			ok: false,
			error: { message: 'Das Datum des Beschlusses kann nicht in der Zukunft liegen.' }
		});
		const noRef = await core.monitoring.adopt(owner, planId, {
			date: '2026-11-30',
			body: 'Stadtverordnetenversammlung',
			reference: ' '
		});
		expect(noRef).toMatchObject({ ok: false, error: { status: 400 } });
		expect((await core.monitoring.adoption(planId)).ok && null).toBeNull();
		// The decision: status, version "Beschlussfassung", record.
		const adopted = await core.monitoring.adopt(owner, planId, {
			date: '2026-11-30',
			body: 'Stadtverordnetenversammlung',
			reference: 'SVV-Beschluss 2027/0815'
		});
		if (!adopted.ok) throw new Error(adopted.error.message);
		expect(adopted.value).toMatchObject({
			date: '2026-11-30',
			reference: 'SVV-Beschluss 2027/0815',
			adoptedBy: { id: owner.id }
		});
		await waitFor(() => readMeta(ownerDoc.doc).status === 'beschlossen', 'status relayed');
		const versions = await core.versions.list(planId);
		if (!versions.ok) throw new Error(versions.error.message);
		const frozen = versions.value.find((v) => v.id === adopted.value.versionId);
		expect(frozen).toMatchObject({ name: 'Beschlussfassung', kind: 'named' });
		const version = await core.versions.get(planId, adopted.value.versionId);
		expect(version.ok && version.value.plan.meta.status).toBe('beschlossen');
		expect(await core.monitoring.adoption(planId)).toMatchObject({
			ok: true,
			value: { reference: 'SVV-Beschluss 2027/0815' }
		});
		expect(
			await core.monitoring.adopt(owner, planId, {
				date: '2026-11-30',
				body: 'SVV',
				reference: 'x'
			})
		).toMatchObject({ ok: false, error: { status: 409, code: 'already_adopted' } });
		// The owner may still change other settings in the document of an adopted plan.
		ownerDoc.doc.getMap('meta').set('title', 'Integrationskonzept 2027');
		await waitFor(
			() => readMeta(core.rooms.peek(planId)!.doc).title === 'Integrationskonzept 2027',
			'title stored'
		);
	}, 60_000);

	it('implementation data: responsible people and the owner report; bad input is refused', async () => {
		const { core } = server;
		const { planId, owner } = await createOwnedPlan(core, 'Umsetzung');
		const { measureId } = await addContent(core, planId);
		const amt = await memberWithRole(core, planId, owner, 'reviewer', 'Amt für Soziales');
		const other = await memberWithRole(core, planId, owner, 'reviewer', 'Andere');
		const m = core.monitoring;
		// Only the owner names responsible people; only members.
		expect(
			await m.update(as(amt, 'reviewer'), planId, measureId, { responsibleIds: [amt.id] })
		).toMatchObject({ ok: false, error: { status: 403 } });
		expect(
			await m.update(as(owner, 'owner'), planId, measureId, { responsibleIds: ['fremd'] })
		).toMatchObject({ ok: false, error: { status: 400 } });
		expect(
			await m.update(as(owner, 'owner'), planId, measureId, {
				responsibleIds: [amt.id],
				office: 'Amt für Soziales',
				contact: 'Frau Yilmaz, 06106 123'
			})
		).toMatchObject({ ok: true, value: { responsibleIds: [amt.id], office: 'Amt für Soziales' } });
		// A responsible person reports; someone else may not.
		const changed = await m.update(as(amt, 'reviewer'), planId, measureId, {
			status: 'in_umsetzung',
			reason: 'Erster Kurs gestartet',
			percent: 30,
			budget: [{ year: 2027, planned: 12000, spent: 3000 }]
		});
		if (!changed.ok) throw new Error(changed.error.message);
		expect(changed.value.history[0]).toMatchObject({
			from: 'nicht_begonnen',
			to: 'in_umsetzung',
			reason: 'Erster Kurs gestartet',
			by: { id: amt.id }
		});
		expect(await m.update(as(other, 'reviewer'), planId, measureId, { percent: 50 })).toMatchObject(
			{ ok: false, error: { status: 403, code: 'not_responsible' } }
		);
		// Bad input: German errors, nothing lost.
		const bad = [
			[{ percent: 150 }, 'Der Fortschritt muss eine Zahl zwischen 0 und 100 Prozent sein.'],
			[{ status: 'verzoegert' }, /begründen/],
			[{ status: 'verzoegert', reason: '' }, /begründen/],
			[{ milestones: [{ title: 'Kurs', dueDate: '31.12.2027' }] }, /Fälligkeitsdatum/]
		] as const;
		for (const [body, message] of bad) {
			const r = await m.update(as(amt, 'reviewer'), planId, measureId, body);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error.message).toMatch(message);
		}
		const note = await m.addNote(as(amt, 'reviewer'), planId, measureId, {
			date: '2026-12-01',
			text: 'Zwei Kurse laufen, 24 Teilnehmende.'
		});
		if (!note.ok) throw new Error(note.error.message);
		expect(
			await m.update(as(amt, 'reviewer'), planId, measureId, { nextUpdateDue: '2026-11-01' })
		).toMatchObject({ ok: false, error: { code: 'invalid_dates' } });
		const kept = await m.get(as(other, 'reviewer'), planId, measureId);
		expect(kept).toMatchObject({
			ok: true,
			value: { mayReport: false, mayManage: false, progress: 30 }
		});
		expect(kept.ok && kept.value.impl).toMatchObject({
			status: 'in_umsetzung',
			percent: 30,
			notes: [{ text: 'Zwei Kurse laufen, 24 Teilnehmende.' }]
		});
		const overview = await m.overview(as(owner, 'owner'), planId);
		if (!overview.ok) throw new Error(overview.error.message);
		expect(overview.value.measures).toHaveLength(1);
		expect(overview.value.rollUp.plan).toMatchObject({ total: 1, progress: 30 });
		expect(overview.value.people.map((p) => p.name).sort()).toEqual(
			['Amt für Soziales', 'Andere', 'Eigentümerin'].sort()
		);
		// A Sachstand on a deleted measure.
		const room = await core.rooms.acquire(planId);
		room!.transact((doc: Y.Doc) => doc.getMap('items').delete(measureId));
		core.rooms.release(room!);
		const gone = await m.addNote(as(amt, 'reviewer'), planId, measureId, {
			date: '2026-12-02',
			text: 'Noch ein Stand'
		});
		expect(gone).toMatchObject({
			ok: false,
			error: {
				status: 404,
				code: 'measure_not_found',
				message: 'Diese Maßnahme gibt es im Plan nicht (mehr) – sie wurde vielleicht gelöscht.'
			}
		});
	}, 60_000);

	it('reminders: "Sachstand fällig" once per due date, the weekly digest, the notice seam', async () => {
		const { core } = server;
		const { planId, owner } = await createOwnedPlan(core, 'Erinnerungen');
		const { measureId } = await addContent(core, planId, {
			field: 'Arbeit',
			goal: 'Mehr Ausbildung',
			measure: 'Ausbildungsmesse'
		});
		const amt = await memberWithRole(core, planId, owner, 'reviewer', 'Jobcenter');
		const adopted = await core.monitoring.adopt(owner, planId, {
			date: '2026-11-30',
			body: 'Gemeinderat',
			reference: 'GR 2026/12'
		});
		expect(adopted.ok).toBe(true);
		const set = await core.monitoring.update(as(owner, 'owner'), planId, measureId, {
			responsibleIds: [amt.id],
			nextUpdateDue: '2026-01-15'
		});
		expect(set.ok).toBe(true);
		const notices: MonitoringNotice[] = [];
		const off = core.monitoring.onNotice((n) => {
			if (n.planId === planId) notices.push(n);
		});
		await core.monitoring.runReminders();
		await core.monitoring.runReminders();
		off();
		const inbox = await core.review.inbox(amt);
		if (!inbox.ok) throw new Error(inbox.error.message);
		const due = inbox.value.notifications.filter((n) => n.kind === 'update_due');
		expect(due).toHaveLength(1);
		expect(due[0]).toMatchObject({
			planId,
			itemId: measureId,
			text: 'Sachstand fällig: „Ausbildungsmesse“ (fällig am 15.01.2026).'
		});
		const ownerInbox = await core.review.inbox(owner);
		const digest = ownerInbox.ok
			? ownerInbox.value.notifications.filter(
					(n) => n.kind === 'weekly_digest' && n.planId === planId
				)
			: [];
		expect(digest).toHaveLength(1);
		expect(digest[0].text).toMatch(/1 Sachstand überfällig/);
		expect(notices.map((n) => n.kind).sort()).toEqual(['update_due', 'weekly_digest']);
	}, 60_000);
});

describe('Umsetzung across two instances on one Redis', () => {
	let redis: TestRedis;
	let a: Server;
	let b: Server;

	beforeAll(async () => {
		redis = await startRedis();
		a = await startInProcess({ REDIS_URL: redis.url });
		b = await startInProcess({ REDIS_URL: redis.url });
	}, 60_000);

	afterAll(async () => {
		await a.close();
		await b.close();
		await redis.stop();
	});

	it('bulk status on one instance and Sachstände on another lose nothing', async () => {
		const { planId, owner } = await createOwnedPlan(a.core, 'Zwei Instanzen');
		const ids: string[] = [];
		for (let i = 0; i < 3; i++) {
			ids.push(
				(
					await addContent(a.core, planId, {
						field: `Feld ${i}`,
						goal: `Ziel ${i}`,
						measure: `Maßnahme ${i}`
					})
				).measureId
			);
		}
		const missingReason = await a.core.monitoring.bulkStatus(as(owner, 'owner'), planId, {
			measureIds: ids,
			status: 'geplant'
		});
		expect(missingReason).toMatchObject({ ok: false, error: { status: 400 } });
		const [bulk, ...notes] = await Promise.all([
			a.core.monitoring.bulkStatus(as(owner, 'owner'), planId, {
				measureIds: [...ids, 'geloescht'],
				status: 'geplant',
				reason: 'Haushalt 2027 beschlossen'
			}),
			...ids.map((id, i) =>
				b.core.monitoring.addNote(as(owner, 'owner'), planId, id, {
					date: '2026-12-01',
					text: `Stand ${i}`
				})
			)
		]);
		if (!bulk.ok) throw new Error(bulk.error.message);
		expect(bulk.value.updated.sort()).toEqual([...ids].sort());
		expect(bulk.value.refused).toEqual([
			{
				measureId: 'geloescht',
				message: 'Diese Maßnahme gibt es im Plan nicht (mehr) – sie wurde vielleicht gelöscht.'
			}
		]);
		for (const n of notes) expect(n.ok).toBe(true);
		const seen = await b.core.monitoring.overview(as(owner, 'owner'), planId);
		if (!seen.ok) throw new Error(seen.error.message);
		for (const measure of seen.value.measures) {
			expect(measure.impl.status).toBe('geplant');
			expect(measure.impl.history[0].reason).toBe('Haushalt 2027 beschlossen');
			expect(measure.impl.notes).toHaveLength(1);
		}
		expect(seen.value.rollUp.plan.counts.geplant).toBe(3);
	}, 90_000);
});
