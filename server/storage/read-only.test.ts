/**
 * The read-only views of a file data folder (backup, export CLI) and the data-folder lock: reading
 * never changes a byte (not even a torn tail an append in flight left), and a second process or
 * store on one folder is refused while a dead owner's lock is taken over.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileStore } from './file-store';
import { createFileKv } from './kv-file';
import { readFileKv, readFilePlan, readFilePlans } from './read-only';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-lock';

const dirs: string[] = [];
afterEach(async () => {
	for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});
async function scratch(): Promise<string> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-ro-'));
	dirs.push(dir);
	return dir;
}

function update(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getArray<string>('items').push([text]);
	return Y.encodeStateAsUpdate(doc);
}

const itemsOf = (state: Uint8Array | null) => {
	const doc = new Y.Doc();
	if (state) Y.applyUpdate(doc, state);
	return doc.getArray<string>('items').toArray().sort();
};

describe('read-only views', () => {
	it('read plans and KV like the stores do, without changing a byte', async () => {
		const dir = await scratch();
		const store = await createFileStore({ dir });
		await store.append('a', update('eins'));
		await store.compact('a');
		await store.append('a', update('zwei'));
		await store.append('b', update('drei'));
		await store.append('gone', update('weg'));
		await store.delete('gone');
		await store.close();
		const kv = await createFileKv({ dir });
		await kv.set('user:1', '{"name":"Ada"}');
		await kv.set('session:x', 's', { ttlMs: 60_000 });
		await kv.set('session:old', 's', { ttlMs: 1 });
		await kv.sAdd('plans', 'a');
		await kv.listPush('audit', 'erst', 10);
		await kv.listPush('audit', 'dann', 10);
		await kv.close();
		// An append in flight: half a record at the end of a's log.
		const log = path.join(dir, 'plans', 'a', 'log.bin');
		await fs.appendFile(log, Buffer.from([9, 0, 0, 0, 1, 2]));
		const before = await fs.readFile(log);
		await new Promise((r) => setTimeout(r, 5));

		expect(itemsOf(await readFilePlan(dir, 'a'))).toEqual(['eins', 'zwei']);
		expect(await readFilePlan(dir, 'gone')).toBeNull();
		expect(await readFilePlan(dir, '../a')).toBeNull();
		const all = new Map<string, string[]>();
		for await (const p of readFilePlans(dir)) all.set(p.id, itemsOf(p.state));
		expect([...all.keys()]).toEqual(['a', 'b']);
		expect(all.get('b')).toEqual(['drei']);
		const entries = await readFileKv(dir);
		expect(entries.get('user:1')).toMatchObject({ t: 'str', v: '{"name":"Ada"}' });
		expect(entries.has('session:x')).toBe(true);
		expect(entries.has('session:old')).toBe(false);
		expect(entries.get('audit')).toEqual({ t: 'list', v: ['dann', 'erst'] });
		// Untouched: the torn tail is still there (the store itself would have cut it off).
		expect((await fs.readFile(log)).equals(before)).toBe(true);
	});
});

describe('data folder lock', () => {
	it('refuses a second holder, frees on release and takes over a dead process lock', async () => {
		const dir = await scratch();
		const lock = await lockDataDir(dir);
		await expect(lockDataDir(dir, 100)).rejects.toBeInstanceOf(DataDirLockedError);
		// Released meanwhile: the waiting second lock gets it.
		const waiting = lockDataDir(dir, 2000);
		setTimeout(() => void lock.release(), 100);
		await (await waiting).release();
		const again = await lockDataDir(dir);
		await again.release();
		await expect(fs.access(path.join(dir, LOCK_FILE))).rejects.toThrow();

		// A lock left by a process that has ended.
		const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
		await fs.writeFile(path.join(dir, LOCK_FILE), `${dead.stdout.toString()}\n`);
		const taken = await lockDataDir(dir);
		expect((await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')).trim()).toBe(String(process.pid));
		await taken.release();

		// A live process (our parent, the test runner's shell or init) holds it: refused with its PID.
		await fs.writeFile(path.join(dir, LOCK_FILE), `${process.ppid}\n`);
		await expect(lockDataDir(dir)).rejects.toThrow(new RegExp(`PID ${process.ppid}`));
	});
});
