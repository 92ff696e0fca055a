/**
 * Plan transfer (docs/plan-transfer.md): export one plan with what belongs to it — document,
 * versions and their history, review threads/requests/decisions/checks, feedback rounds with
 * submissions, the Zeitplan — and import such a file into this installation. Not carried:
 * members, invites, accounts, audit, personal calendar links and inboxes (they belong to people
 * of the source installation). Import checks the whole file first (format.ts), then writes the
 * records and snapshots, then the document (which makes the plan exist), then the owner; a
 * failure on the way removes what was written, so nothing is left half-imported.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { PlanImported, PlanTransferService } from '../../src/lib/contract/transfer';
import { PLAN_ERRORS, type ApiError, type ApiResult } from '../../src/lib/contract/result';
import { isValidPlanId, newId, summarize } from '../../src/lib/domain/index';
import type { AccessService } from '../auth/types';
import type { Logger } from '../log';
import type { VersionBlobStore } from '../storage/blob-store';
import type { KvStore } from '../storage/kv';
import { StorageError, type DocStore } from '../storage/types';
import type { RoomManager } from '../sync/rooms';
import { HISTORY_CAP } from '../versions/history-recorder';
import { MITPLAN_VERSION } from '../version';
import {
	PLAN,
	TRANSFER_FORMAT,
	TRANSFER_VERSION,
	TransferError,
	parseTransfer,
	type TransferFile,
	type TransferRecord
} from './format';

export interface TransferDeps {
	store: DocStore;
	rooms: RoomManager;
	kv: KvStore;
	blobs: VersionBlobStore;
	access: Pick<AccessService, 'registerPlan'>;
	log: Logger;
	limits: { maxDocBytes: number; maxEntries: number };
}

const b64 = (bytes: Uint8Array) =>
	Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

const failure = (error: ApiError) => ({ ok: false as const, error });
const refused = (e: TransferError) =>
	failure({ status: e.status, code: e.code, message: e.message });

function parseStored(raw: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch {
		return { ok: false };
	}
}

export function createTransferService(deps: TransferDeps): PlanTransferService {
	const { kv, blobs, store, rooms, log } = deps;

	async function currentState(planId: string): Promise<Uint8Array | null> {
		const live = rooms.peek(planId);
		if (live) return Y.encodeStateAsUpdate(live.doc);
		return store.load(planId);
	}

	async function collect(planId: string, itemIds: string[]): Promise<TransferRecord[]> {
		const records: TransferRecord[] = [];
		const real = (key: string) => key.split(PLAN).join(planId);
		const str = async (key: string): Promise<unknown> => {
			const raw = await kv.get(real(key));
			if (raw === null) return null;
			const parsed = parseStored(raw);
			if (!parsed.ok) {
				log.warn('transfer export: unreadable record left out', { planId, key });
				return null;
			}
			records.push({ key, type: 'string', value: parsed.value });
			return parsed.value;
		};
		const set = async (key: string): Promise<string[]> => {
			const members = await kv.sMembers(real(key));
			if (members.length > 0) records.push({ key, type: 'set', members });
			return members;
		};
		const list = async (key: string) => {
			const values = (await kv.listRange(real(key), 0, HISTORY_CAP - 1))
				.map(parseStored)
				.filter((v) => v.ok)
				.map((v) => v.value);
			if (values.length > 0) records.push({ key, type: 'list', values });
		};
		const ids = (v: unknown): string[] =>
			Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

		await str(`versions:${PLAN}`);
		await list(`history:${PLAN}`);
		await str(`zp:plan:${PLAN}`);
		const threadIds = new Set(ids(await str(`review:plan:${PLAN}:thread-ids`)));
		for (const id of await set(`review:plan:${PLAN}:threads`)) threadIds.add(id);
		for (const id of threadIds) await str(`review:thread:${PLAN}:${id}`);
		const requests = await str(`review:plan:${PLAN}:requests`);
		for (const r of Array.isArray(requests) ? requests : []) {
			const id = (r as { id?: unknown })?.id;
			if (typeof id === 'string') await str(`review:plan:${PLAN}:decisions:${id}`);
		}
		await str(`review:plan:${PLAN}:checks`);
		for (const roundId of await set(`fb:plan:${PLAN}:rounds`)) {
			await str(`fb:round:${roundId}`);
			await str(`fb:round:${roundId}:seq`);
			for (const subId of await set(`fb:round:${roundId}:subs`)) {
				await str(`fb:sub:${roundId}:${subId}`);
			}
		}
		for (const itemId of itemIds) await set(`fb:origin:${PLAN}:${itemId}`);
		return records;
	}

	return {
		async exportPlan(planId) {
			if (!isValidPlanId(planId)) return failure(PLAN_ERRORS.invalidId());
			try {
				const state = await currentState(planId);
				if (!state) return failure(PLAN_ERRORS.notFound());
				const doc = new Y.Doc();
				Y.applyUpdate(doc, state);
				const title = summarize(doc, planId).title;
				const itemIds = [...doc.getMap('items').keys()];
				doc.destroy();
				const records = await collect(planId, itemIds);
				const index = records.find((r) => r.key === `versions:${PLAN}`);
				const versionIds =
					index?.type === 'string'
						? ((index.value as { versions?: { id?: unknown }[] })?.versions ?? [])
								.map((v) => v?.id)
								.filter((id): id is string => typeof id === 'string')
						: [];
				const snapshots: TransferFile['snapshots'] = [];
				for (const id of versionIds) {
					const data = await blobs.get(planId, id);
					if (data) snapshots.push({ id, data: b64(data) });
				}
				const file: TransferFile = {
					format: TRANSFER_FORMAT,
					version: TRANSFER_VERSION,
					exportedAt: new Date().toISOString(),
					mitplanVersion: MITPLAN_VERSION,
					planId,
					title,
					doc: b64(state),
					records,
					snapshots
				};
				return { ok: true, value: file };
			} catch (error) {
				log.error('plan export failed', { planId, error });
				return failure(PLAN_ERRORS.unavailable());
			}
		},

		async importPlan(owner, input, options): Promise<ApiResult<PlanImported>> {
			let parsed;
			try {
				parsed = parseTransfer(input, deps.limits);
			} catch (error) {
				if (error instanceof TransferError) return refused(error);
				throw error;
			}
			const { file, doc, snapshots, roundIds } = parsed;
			const written: string[] = [];
			let planId = file.planId;
			let docWritten = false;
			try {
				const conflict = async () => {
					if (await store.exists(planId)) return true;
					for (const id of roundIds) if ((await kv.get(`fb:round:${id}`)) !== null) return true;
					return false;
				};
				const remap = options.newId || (await conflict());
				if (remap && !options.newId) {
					return refused(
						new TransferError(
							409,
							'plan_exists',
							'Einen Plan mit dieser ID (oder ihre Beteiligungsrunden) gibt es hier schon. Importieren Sie ihn mit neuen IDs (newId=1).'
						)
					);
				}
				// Exact ids (and `round/submission` refs) are renamed; public links always renewed.
				const rename = new Map<string, string>();
				if (remap) {
					planId = newId();
					rename.set(file.planId, planId);
					for (const id of roundIds) {
						const prefix = /^([a-z]+)-/.exec(id)?.[1] ?? 'runde';
						rename.set(id, `${prefix}-${randomBytes(9).toString('base64url')}`);
					}
				}
				rename.set(PLAN, planId);
				for (const r of file.records) {
					const token =
						r.type === 'string' ? (r.value as { token?: unknown } | null)?.token : undefined;
					if (/^fb:round:[^:]+$/.test(r.key) && typeof token === 'string') {
						rename.set(token, randomBytes(24).toString('base64url'));
					}
				}
				const name = (s: string) =>
					rename.get(s) ??
					(s.includes('/')
						? s
								.split('/')
								.map((p) => rename.get(p) ?? p)
								.join('/')
						: s);
				const deep = (v: unknown): unknown =>
					typeof v === 'string'
						? name(v)
						: Array.isArray(v)
							? v.map(deep)
							: v && typeof v === 'object'
								? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]))
								: v;
				const keyOf = (key: string) => key.split(':').map(name).join(':');

				for (const r of file.records) {
					const key = keyOf(r.key);
					written.push(key);
					if (r.type === 'string') await kv.set(key, JSON.stringify(deep(r.value)));
					else if (r.type === 'set') for (const m of r.members) await kv.sAdd(key, name(m));
					else
						for (const v of [...r.values].reverse())
							await kv.listPush(key, JSON.stringify(deep(v)), HISTORY_CAP);
					const round = /^fb:round:([^:]+)$/.exec(key);
					if (round && r.type === 'string') {
						const token = (deep(r.value) as { token: string }).token;
						written.push(`fb:token:${token}`);
						await kv.set(`fb:token:${token}`, round[1]);
					}
				}
				for (const s of snapshots) await blobs.put(planId, s.id, s.data);
				try {
					await store.append(planId, doc);
				} catch (error) {
					if (error instanceof StorageError && error.code === 'deleted') {
						throw new TransferError(
							409,
							'plan_exists',
							'Diese Plan-ID war hier schon vergeben (gelöschter Plan). Importieren Sie ihn mit neuen IDs (newId=1).'
						);
					}
					throw error;
				}
				docWritten = true;
				await deps.access.registerPlan(planId, owner);
				log.info('plan imported', { planId, from: file.planId, remapped: remap });
				return { ok: true, value: { id: planId, title: file.title, remapped: remap } };
			} catch (error) {
				await kv.del(written).catch(() => {});
				await blobs
					.deletePlan(
						planId,
						snapshots.map((s) => s.id)
					)
					.catch(() => {});
				if (docWritten) await store.delete(planId).catch(() => {});
				if (error instanceof TransferError) return refused(error);
				log.error('plan import failed', { planId, error });
				return failure(PLAN_ERRORS.unavailable());
			}
		}
	};
}
