/** Password hashing: format, verification, malformed hashes, non-blocking behaviour. */
import { describe, expect, it } from 'vitest';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './password';

describe('password hashing', () => {
	it('produces scrypt$N$r$p$salt$hash with the default cost and verifies it', async () => {
		const hash = await hashPassword('Sehr-geheim-123');
		const parts = hash.split('$');
		expect(parts[0]).toBe('scrypt');
		// OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1.
		expect(parts.slice(1, 4)).toEqual(['131072', '8', '1']);
		expect(Buffer.from(parts[4], 'base64url')).toHaveLength(16);
		expect(Buffer.from(parts[5], 'base64url')).toHaveLength(32);
		expect(await verifyPassword('Sehr-geheim-123', hash)).toBe(true);
		expect(await verifyPassword('Sehr-geheim-124', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
	});

	it('asks for a new hash when the stored one is cheaper than the current cost', async () => {
		const cheap = await hashPassword('Passwort-abc-1', { logN: 10, r: 8, p: 1 });
		expect(needsRehash(cheap)).toBe(true);
		expect(needsRehash(cheap, { logN: 10, r: 8, p: 1 })).toBe(false);
		expect(needsRehash(cheap, { logN: 9, r: 8, p: 1 })).toBe(false);
		expect(needsRehash(cheap, { logN: 10, r: 16, p: 1 })).toBe(true);
		expect(needsRehash('kaputt')).toBe(true);
	});

	it('salts: the same password hashes differently each time', async () => {
		const a = await hashPassword('gleiches Passwort', { logN: 10, r: 8, p: 1 });
		const b = await hashPassword('gleiches Passwort', { logN: 10, r: 8, p: 1 });
		expect(a).not.toBe(b);
		expect(await verifyPassword('gleiches Passwort', a)).toBe(true);
		expect(await verifyPassword('gleiches Passwort', b)).toBe(true);
	});

	it('reads the cost from the stored hash (a cheaper or dearer hash still verifies)', async () => {
		const cheap = await hashPassword('Passwort-abc-1', { logN: 10, r: 8, p: 1 });
		expect(cheap.split('$')[1]).toBe('1024');
		expect(await verifyPassword('Passwort-abc-1', cheap)).toBe(true);
	});

	it('treats Unicode normalisation forms alike', async () => {
		const hash = await hashPassword('Grüße-aus-Köln', { logN: 10, r: 8, p: 1 });
		expect(await verifyPassword('Gru\u0308ße-aus-Ko\u0308ln', hash)).toBe(true);
	});

	it('never matches a malformed stored hash', async () => {
		const good = await hashPassword('x'.repeat(12), { logN: 10, r: 8, p: 1 });
		const p = good.split('$');
		const bad = [
			'',
			'plain',
			['bcrypt', ...p.slice(1)].join('$'),
			['scrypt', '1000', ...p.slice(2)].join('$'),
			['scrypt', String(2 ** 25), ...p.slice(2)].join('$'),
			[...p.slice(0, 5), 'c2hvcnQ'].join('$'),
			p.slice(0, 5).join('$')
		];
		for (const stored of bad) expect(await verifyPassword('x'.repeat(12), stored)).toBe(false);
	});

	it('dummyVerify always answers false', async () => {
		expect(await dummyVerify('anything', { logN: 10, r: 8, p: 1 })).toBe(false);
	});

	it('does not block the event loop while hashing', async () => {
		let ticks = 0;
		const timer = setInterval(() => ticks++, 1);
		await Promise.all([hashPassword('a'.repeat(12)), hashPassword('b'.repeat(12))]);
		clearInterval(timer);
		expect(ticks).toBeGreaterThan(0);
	});
});
