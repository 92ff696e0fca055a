/**
 * Issue 12, item 18: a start that fails for an operator's reason (full disk, unwritable or wrong
 * DATA_DIR) prints one clear German/English line, not a stack trace. The production bundle is
 * started as a child process (needs `npm run build`, done by `npm test`).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStartupError } from '../server/startup-error';
import { createFileStore } from '../server/storage/file-store';
import { StorageError } from '../server/storage/types';
import { spawnServer, tempDir } from './helpers/server';

const config = { dataDir: '/srv/mitplan', redisUrl: undefined };

describe('start-up errors', () => {
	it('names full disks, unwritable and wrong DATA_DIRs in one line', async () => {
		const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
			code: 'ENOSPC'
		});
		expect(describeStartupError(enospc, config)).toMatch(/kein freier Speicherplatz.*no space/);
		const wrapped = new StorageError('unavailable', 'append failed', {
			cause: Object.assign(new Error('EACCES'), { code: 'EACCES' })
		});
		expect(describeStartupError(wrapped, config)).toMatch(/nicht beschreibbar.*not writable/);
		expect(
			describeStartupError(new StorageError('unavailable', 'x'), {
				...config,
				redisUrl: 'redis://127.0.0.1:1'
			})
		).toMatch(/Redis/);
		expect(describeStartupError(new TypeError('bug'), config)).toBeNull();

		// A real file-system error: DATA_DIR below a file.
		const tmp = tempDir();
		const file = path.join(tmp.dir, 'datei');
		writeFileSync(file, 'x');
		const error = await createFileStore({ dir: path.join(file, 'data') }).catch((e) => e);
		expect(describeStartupError(error, config)).toMatch(/kein Ordner/);
		tmp.remove();
	});

	it('the server prints one line and exits 1 when DATA_DIR cannot be used', async () => {
		const tmp = tempDir();
		const file = path.join(tmp.dir, 'datei');
		writeFileSync(file, 'x');
		const failure = await spawnServer({ DATA_DIR: path.join(file, 'data') }).then(
			() => null,
			(e: Error) => e.message
		);
		tmp.remove();
		expect(failure).toMatch(/server exited \(1\)/);
		expect(failure).toMatch(/Start abgebrochen: DATA_DIR .* ist kein Ordner/);
		expect(failure).not.toMatch(/\n\s+at /); // no stack trace
	});
});
