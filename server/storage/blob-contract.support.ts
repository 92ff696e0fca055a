/**
 * Behavioural contract every VersionBlobStore must meet. Call runBlobStoreContract() from an
 * adapter's test; `open()` may be called several times per test and every store it returns for
 * one test shares the same backing data (same directory / same Redis key prefix).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VersionBlobError, type VersionBlobStore } from './blob-store';

export function runBlobStoreContract(
	name: string,
	open: () => Promise<{ blobs: VersionBlobStore; cleanup: () => Promise<void> }>
): void {
	describe(`VersionBlobStore contract (${name})`, () => {
		const cleanups: Array<() => Promise<void>> = [];
		const store = async () => {
			const opened = await open();
			cleanups.push(opened.cleanup);
			return opened.blobs;
		};
		afterEach(async () => {
			for (const c of cleanups.splice(0)) await c();
		});

		it('stores bytes exactly (every byte value) and survives a reopen', async () => {
			const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
			const a = await store();
			await a.put('plan_1', 'v1', bytes);
			expect(await a.get('plan_1', 'v1')).toEqual(bytes);
			const b = await store();
			expect(await b.get('plan_1', 'v1')).toEqual(bytes);
		});

		it('answers null for an unknown snapshot and replaces one written again', async () => {
			const s = await store();
			expect(await s.get('plan_1', 'missing')).toBeNull();
			await s.put('plan_1', 'v1', new Uint8Array([1, 2, 3]));
			await s.put('plan_1', 'v1', new Uint8Array([4]));
			expect(await s.get('plan_1', 'v1')).toEqual(new Uint8Array([4]));
		});

		it('deletes named snapshots, and a plan with everything of it (other plans stay)', async () => {
			const s = await store();
			for (const v of ['v1', 'v2', 'v3']) await s.put('plan_a', v, new Uint8Array([1]));
			await s.put('plan_b', 'v1', new Uint8Array([2]));
			await s.delete('plan_a', ['v1']);
			await s.delete('plan_a', []);
			expect(await s.get('plan_a', 'v1')).toBeNull();
			expect(await s.get('plan_a', 'v2')).toEqual(new Uint8Array([1]));
			// v3 is not in the list: deletePlan still removes it (metadata may never have been written)
			await s.deletePlan('plan_a', ['v2']);
			expect(await s.get('plan_a', 'v2')).toBeNull();
			expect(await s.get('plan_a', 'v3')).toBeNull();
			expect(await s.get('plan_b', 'v1')).toEqual(new Uint8Array([2]));
		});

		it('refuses ids that could leave the store (paths, key patterns)', async () => {
			const s = await store();
			for (const [plan, version] of [
				['../x', 'v1'],
				['plan_1', '../../etc'],
				['plan*', 'v1'],
				['', 'v1']
			]) {
				await expect(s.put(plan, version, new Uint8Array([1]))).rejects.toBeInstanceOf(
					VersionBlobError
				);
				await expect(s.get(plan, version)).rejects.toBeInstanceOf(VersionBlobError);
			}
			await expect(s.deletePlan('../x', [])).rejects.toBeInstanceOf(VersionBlobError);
		});
	});
}
