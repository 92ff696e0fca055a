/** The file KvStore: the shared contract plus durability (reopen, torn tail, compaction). */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runKvContract } from './kv-contract.support';
import { createFileKv } from './kv-file';

const dirs: string[] = [];
const tempDir = async () => {
	const d = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-kv-'));
	dirs.push(d);
	return d;
};
afterEach(async () => {
	for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});
const quiet = { warn: () => {}, error: () => {} };

let currentDir = '';
runKvContract(
	'file',
	async () => {
		// All stores of one test share a directory: a new test starts with a fresh one.
		if (!currentDir || !dirs.includes(currentDir)) currentDir = await tempDir();
		const kv = await createFileKv({ dir: currentDir, logger: quiet });
		return { kv, cleanup: () => kv.close() };
	},
	false
);

describe('file kv specifics', () => {
	it('writes into <dir>/app/kv.jsonl and replays it after reopening', async () => {
		const dir = await tempDir();
		const kv = await createFileKv({ dir, logger: quiet });
		await kv.set('a', '1');
		await kv.sAdd('s', 'x');
		await kv.del('a');
		await kv.set('b', '2');
		await kv.close();
		const text = await fs.readFile(path.join(dir, 'app', 'kv.jsonl'), 'utf8');
		expect(text).toContain('"k":"b"');
		const again = await createFileKv({ dir, logger: quiet });
		expect(await again.get('a')).toBeNull();
		expect(await again.get('b')).toBe('2');
		expect(await again.sMembers('s')).toEqual(['x']);
		await again.close();
	});

	it('ignores a torn last line and keeps everything before it', async () => {
		const dir = await tempDir();
		const kv = await createFileKv({ dir, logger: quiet });
		await kv.set('keep', 'yes');
		await kv.close();
		const file = path.join(dir, 'app', 'kv.jsonl');
		await fs.appendFile(file, '{"o":"set","k":"torn","v":"hal');
		const warnings: string[] = [];
		const again = await createFileKv({
			dir,
			logger: { warn: (m) => void warnings.push(m), error: () => {} }
		});
		expect(await again.get('keep')).toBe('yes');
		expect(await again.get('torn')).toBeNull();
		expect(warnings.join('\n')).toMatch(/torn/);
		// Writes after the repair land on a clean line.
		await again.set('after', 'ok');
		await again.close();
		const third = await createFileKv({ dir, logger: quiet });
		expect(await third.get('after')).toBe('ok');
		expect(await third.get('keep')).toBe('yes');
		await third.close();
	});

	it('skips an unreadable middle line, logs it and keeps a copy of the original', async () => {
		const dir = await tempDir();
		const file = path.join(dir, 'app', 'kv.jsonl');
		await fs.mkdir(path.dirname(file), { recursive: true });
		await fs.writeFile(
			file,
			'{"o":"set","k":"a","v":"1"}\nGARBAGE\n{"o":"set","k":"b","v":"2"}\n{"o":"bogus","k":"c"}\n'
		);
		const errors: string[] = [];
		const kv = await createFileKv({
			dir,
			logger: { warn: () => {}, error: (m) => void errors.push(m) }
		});
		expect(await kv.get('a')).toBe('1');
		expect(await kv.get('b')).toBe('2');
		expect(errors.join('\n')).toMatch(/2 unreadable/);
		expect((await fs.readdir(path.dirname(file))).some((n) => n.includes('.corrupt-'))).toBe(true);
		await kv.close();
	});

	it('compacts the log on open and when it grows, dropping expired keys', async () => {
		const dir = await tempDir();
		const file = path.join(dir, 'app', 'kv.jsonl');
		const kv = await createFileKv({ dir, logger: quiet, compactAfterOps: 20 });
		for (let i = 0; i < 100; i++) await kv.set('hot', String(i));
		await kv.set('gone', 'x', { ttlMs: 50 });
		const lines = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean);
		expect(lines.length).toBeLessThan(30);
		expect(await kv.get('hot')).toBe('99');
		await new Promise((r) => setTimeout(r, 120));
		await kv.close();
		const again = await createFileKv({ dir, logger: quiet });
		const after = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean);
		expect(after).toEqual(['{"o":"set","k":"hot","v":"99"}']);
		expect(await again.get('hot')).toBe('99');
		// No temp files left behind.
		expect(await fs.readdir(path.dirname(file))).toEqual(['kv.jsonl']);
		await again.close();
	});
});
