/**
 * "Prüfende Stelle" as an office (issue 12, item 11), on the real embedded file store and on a
 * private Redis: office-only and office-plus-member assignments, validation (empty office without
 * a member, too long), who records the verdict of an office-only check (an owner, not the
 * member of another check), "Meine Prüfaufgaben" for owners, the due-date reminder and old checks
 * stored without an office; notices in the reader’s language and old notices with only a sentence.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { createAccessService } from '../auth/service';
import type { AccessService, Principal } from '../auth/types';
import { createLogger } from '../log';
import { createFileKv } from '../storage/kv-file';
import { createRedisKv } from '../storage/kv-redis';
import { KvError, type KvStore } from '../storage/kv';
import { checkHolderLabel, type AdminCheck } from '../../src/lib/review/types';
import type { ItemInfo, PlanItems } from './items';
import { createReviewService, type Caller, type ReviewService } from './service';

type User = Principal & { kind: 'user' };
const quiet = { warn: () => {}, error: () => {} };

let redis: TestRedis | undefined;
let redisDir = '';
let n = 0;

beforeAll(async () => {
	redisDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-check-office-redis-'));
	redis = await startRedis({ persistDir: redisDir });
});
afterAll(async () => {
	await redis?.stop();
	await fs.rm(redisDir, { recursive: true, force: true });
});

describe.each(['file', 'redis'] as const)('check assigned to an office (%s store)', (kind) => {
	let dir: string;
	let kv: KvStore;
	let access: AccessService;
	let review: ReviewService;
	let owner: User;
	let rita: User;
	let ed: User;
	const plans = new Map<string, PlanItems>();
	const clock = Date.parse('2026-03-01T09:00:00Z');

	async function user(name: string): Promise<User> {
		const created = await access.createUser({
			email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 7)}@mitplan.test`,
			name,
			password: 'passwort-1234567'
		});
		if (!created.ok) throw new Error(created.error.message);
		const u = created.value;
		return { kind: 'user', id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin };
	}
	const asOwner = (): Caller => ({ principal: owner, role: 'owner' });
	const asRita = (): Caller => ({ principal: rita, role: 'reviewer' });
	const asEd = (): Caller => ({ principal: ed, role: 'editor' });

	beforeEach(async () => {
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-check-office-'));
		kv =
			kind === 'file'
				? await createFileKv({ dir, logger: quiet })
				: await createRedisKv({ url: redis!.url, keyPrefix: `mitplan:co${++n}:`, logger: quiet });
		const log = createLogger('error');
		access = await createAccessService({ kv, log, passwordHashing: { logN: 10, r: 8, p: 1 } });
		plans.clear();
		plans.set('plan-a', {
			title: 'Integrationskonzept',
			items: new Map<string, ItemInfo>([
				['f1', { type: 'field', parentId: null, title: 'Bildung' }],
				['g1', { type: 'goal', parentId: 'f1', title: 'Mehr Kita-Plätze' }],
				['m1', { type: 'measure', parentId: 'g1', title: 'Sprachkurse' }],
				['m2', { type: 'measure', parentId: 'g1', title: 'Elterncafé' }]
			])
		});
		review = createReviewService({
			kv,
			access,
			readPlan: async (id) => plans.get(id) ?? null,
			emitter: { toPlan: () => {}, toUser: () => {} },
			log,
			now: () => clock
		});
		owner = await user('Olga');
		rita = await user('Rita');
		ed = await user('Ed');
		await access.registerPlan('plan-a', owner);
		await access.setMember('plan-a', owner, { userId: rita.id }, 'reviewer');
		await access.setMember('plan-a', owner, { userId: ed.id }, 'editor');
	});

	afterEach(async () => {
		await kv.close();
		await fs.rm(dir, { recursive: true, force: true });
	});

	const queueOf = async (u: User) => {
		const q = await review.queue(u);
		if (!q.ok) throw new Error(q.error.message);
		return q.value.filter((e) => e.kind === 'check');
	};
	const verdict = {
		outcome: 'feasible',
		reasons: 'Im Regelbetrieb leistbar.',
		responsibleOffice: 'Amt für Jugend und Familie'
	};

	it('validates: no office and no member → 400, too long → 400, office trimmed', async () => {
		for (const input of [
			{ office: '   ' },
			{ office: '', departmentUserId: '' },
			{ departmentUserId: null },
			{}
		]) {
			const r = await review.assignChecks(asOwner(), 'plan-a', {
				measureIds: ['m1'],
				dueDate: '2026-03-20',
				...input
			});
			expect(!r.ok && r.error).toMatchObject({ status: 400, code: 'check_holder_required' });
			expect(!r.ok && r.error.message).toContain('Amt');
		}
		const long = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			office: 'A'.repeat(121),
			dueDate: '2026-03-20'
		});
		expect(!long.ok && long.error).toMatchObject({ status: 400, code: 'check_office_too_long' });
		expect(!long.ok && long.error.message).toContain('120 Zeichen');
		const notText = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			office: 42,
			dueDate: '2026-03-20'
		});
		expect(!notText.ok && notText.error.code).toBe('invalid_input');

		const exact = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			office: `  ${'B'.repeat(120)}  `,
			dueDate: '2026-03-20'
		});
		expect(exact.ok && exact.value[0]).toMatchObject({ office: 'B'.repeat(120), department: null });
	});

	it('a due reminder that could not be delivered is sent by the next run', async () => {
		const r = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			office: 'Sozialamt',
			dueDate: '2026-03-02'
		});
		expect(r.ok).toBe(true);
		const update = kv.update;
		// The inbox write fails (store down for a moment): nothing is delivered …
		kv.update = () => Promise.reject(new KvError('unavailable', 'Speicher weg'));
		try {
			expect(await review.runReminders()).toBe(0);
		} finally {
			kv.update = update;
		}
		// … and the next run delivers it instead of treating it as sent.
		expect(await review.runReminders()).toBe(1);
		expect(await review.runReminders()).toBe(0);
		const inbox = await review.inbox(owner);
		expect(inbox.ok && inbox.value.notifications.map((x) => x.kind)).toEqual(['due_soon']);
	});

	it('an office-only check is the owners’ task: queue, verdict, reminder', async () => {
		const r = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			office: ' Sozialamt ',
			dueDate: '2026-03-02'
		});
		expect(r.ok).toBe(true);
		const check = r.ok ? r.value[0] : null!;
		expect(check).toMatchObject({ office: 'Sozialamt', department: null });
		expect(checkHolderLabel(check)).toBe('Sozialamt');
		const state = await review.state('plan-a');
		expect(state.ok && state.value.checks[0]).toMatchObject({ office: 'Sozialamt' });

		// "Meine Prüfaufgaben": the owner follows it up; a reviewer does not see it.
		expect((await queueOf(owner)).map((e) => e.id)).toEqual([check.id]);
		expect(await queueOf(rita)).toEqual([]);

		// The owner is reminded when it is due soon (nobody else could be).
		expect(await review.runReminders()).toBe(1);
		const inbox = await review.inbox(owner);
		expect(inbox.ok && inbox.value.notifications[0]).toMatchObject({
			kind: 'due_soon',
			text: 'Die Verwaltungsprüfung von „Sprachkurse“ durch Sozialamt ist am 02.03.2026 fällig.'
		});

		// Only an owner records the office's answer.
		const byRita = await review.recordCheckVerdict(asRita(), 'plan-a', check.id, verdict);
		expect(!byRita.ok && byRita.error).toMatchObject({ status: 403, code: 'not_department' });
		const byEd = await review.recordCheckVerdict(asEd(), 'plan-a', check.id, verdict);
		expect(!byEd.ok && byEd.error.code).toBe('not_department');
		const byOwner = await review.recordCheckVerdict(asOwner(), 'plan-a', check.id, verdict);
		expect(byOwner.ok && byOwner.value).toMatchObject({
			office: 'Sozialamt',
			verdict: { outcome: 'feasible', by: { id: owner.id } }
		});
		expect(await queueOf(owner)).toEqual([]);
		expect(await review.checksByMeasure('plan-a')).toHaveProperty('m1.office', 'Sozialamt');
	});

	it('office with a member: the member answers, the owner may not', async () => {
		const r = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m2'],
			office: 'Amt für Jugend und Familie',
			departmentUserId: rita.id,
			dueDate: '2026-03-20'
		});
		const check = r.ok ? r.value[0] : null!;
		expect(check).toMatchObject({
			office: 'Amt für Jugend und Familie',
			department: { id: rita.id, name: 'Rita' }
		});
		expect(checkHolderLabel(check)).toBe('Amt für Jugend und Familie (Rita)');
		const inbox = await review.inbox(rita);
		expect(inbox.ok && inbox.value.notifications[0].text).toBe(
			'Olga bittet Sie (Amt für Jugend und Familie) bis 20.03.2026 um die Verwaltungsprüfung von „Elterncafé“.'
		);
		expect((await queueOf(rita)).map((e) => e.id)).toEqual([check.id]);
		expect(await queueOf(owner)).toEqual([]);
		const byOwner = await review.recordCheckVerdict(asOwner(), 'plan-a', check.id, verdict);
		expect(!byOwner.ok && byOwner.error.code).toBe('not_department');
		const byRita = await review.recordCheckVerdict(asRita(), 'plan-a', check.id, verdict);
		expect(byRita.ok).toBe(true);
	});

	it('old checks stored without an office keep working', async () => {
		const old: Omit<AdminCheck, 'office'> = {
			id: 'oldcheck1',
			planId: 'plan-a',
			measureId: 'm1',
			department: { id: rita.id, name: 'Rita', kind: 'user' },
			dueDate: '2026-03-20',
			note: '',
			assignedBy: { id: owner.id, name: 'Olga', kind: 'user' },
			assignedAt: '2026-02-01T10:00:00.000Z',
			verdict: null
		};
		await kv.set('review:plan:plan-a:checks', JSON.stringify({ [old.id]: old }));
		const state = await review.state('plan-a');
		expect(state.ok && state.value.checks[0]).toEqual(old);
		expect(checkHolderLabel(old)).toBe('Rita');
		expect((await queueOf(rita)).map((e) => e.id)).toEqual(['oldcheck1']);
		const byRita = await review.recordCheckVerdict(asRita(), 'plan-a', 'oldcheck1', verdict);
		expect(byRita.ok && byRita.value.verdict?.outcome).toBe('feasible');
	});
	it('a notice reads in the reader’s language; an old notice (German sentence only) keeps it', async () => {
		const old = {
			id: 'oldnotice1',
			kind: 'mention',
			planId: 'plan-a',
			planTitle: 'Integrationskonzept',
			itemId: 'm1',
			threadId: null,
			actor: { id: owner.id, name: 'Olga', kind: 'user' },
			text: 'Olga hat Sie in „Sprachkurse“ erwähnt.',
			createdAt: '2026-02-01T10:00:00.000Z',
			read: false
		};
		await kv.set(`review:inbox:${rita.id}`, JSON.stringify([old]));
		const r = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1', 'm2'],
			departmentUserId: rita.id,
			dueDate: '2026-03-20'
		});
		expect(r.ok).toBe(true);
		const en = await review.inbox(rita, 'en');
		expect(en.ok && en.value.notifications.map((x) => x.text)).toEqual([
			'Olga asks you for the administrative check of 2 measures by 20/03/2026.',
			'Olga hat Sie in „Sprachkurse“ erwähnt.'
		]);
		const de = await review.inbox(rita);
		expect(de.ok && de.value.notifications.map((x) => x.text)).toEqual([
			'Olga bittet Sie bis 20.03.2026 um die Verwaltungsprüfung von 2 Maßnahmen.',
			'Olga hat Sie in „Sprachkurse“ erwähnt.'
		]);
		// Stored as kind + params, without a sentence.
		const stored = JSON.parse((await kv.get(`review:inbox:${rita.id}`))!) as Array<object>;
		expect(stored[0]).toMatchObject({ kind: 'check_assigned', params: { count: 2 } });
		expect(stored[0]).not.toHaveProperty('text');
		expect(await review.markRead(rita, { all: true })).toMatchObject({
			ok: true,
			value: { unread: 0 }
		});
	});
});
