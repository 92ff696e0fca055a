/**
 * Login for an unknown e-mail address must cost as much as for a known one: the service runs a
 * dummy scrypt verification instead of answering at once (so timing does not reveal accounts).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../log';
import { createFileKv } from '../storage/kv-file';
import * as password from './password';
import { createAccessService } from './service';

vi.mock('./password', async (importOriginal) => {
	const mod = await importOriginal<typeof import('./password')>();
	return { ...mod, dummyVerify: vi.fn(mod.dummyVerify), verifyPassword: vi.fn(mod.verifyPassword) };
});

const quietLog: Logger = {
	error: () => {},
	warn: () => {},
	info: () => {},
	debug: () => {},
	child: () => quietLog
};
const dirs: string[] = [];
afterEach(async () => {
	for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

describe('login timing', () => {
	it('verifies against a dummy hash of the same cost for unknown e-mail addresses', async () => {
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-timing-'));
		dirs.push(dir);
		const kv = await createFileKv({ dir, logger: { warn: () => {}, error: () => {} } });
		const params = { logN: 11, r: 8, p: 1 };
		const svc = await createAccessService({ kv, log: quietLog, passwordHashing: params });
		await svc.createUser({ email: 'a@stadt.de', name: 'A', password: 'Richtig-geheim-1' });
		const dummy = vi.mocked(password.dummyVerify);
		const verify = vi.mocked(password.verifyPassword);
		dummy.mockClear();
		verify.mockClear();

		expect((await svc.login('niemand@stadt.de', 'irgendwas-1', 'x')).ok).toBe(false);
		expect(dummy).toHaveBeenCalledTimes(1);
		expect(dummy).toHaveBeenCalledWith('irgendwas-1', params);

		dummy.mockClear();
		verify.mockClear();
		expect((await svc.login('a@stadt.de', 'falsch-falsch', 'x')).ok).toBe(false);
		expect(dummy).not.toHaveBeenCalled();
		expect(verify).toHaveBeenCalledTimes(1);
		await kv.close();
	});
});
