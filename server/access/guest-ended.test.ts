/**
 * The gate asks why a guest session ended (guestSessionEnded, store reads) only for cookies shaped
 * like a session token: a junk cookie costs no such read, while an ended guest's real cookie still
 * leads to /gast-beendet. Real access service on the file KV, wrapped to count reads.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessService, Principal } from '../../src/lib/contract/access';
import { createAccessService } from '../auth/service';
import { randomToken } from '../auth/tokens';
import { createFileKv } from '../storage/kv-file';
import type { KvStore } from '../storage/kv';
import { isSessionTokenShaped } from './credentials';
import { createAccessGate } from './gate';

const quiet = { warn: () => {}, error: () => {} };
const quietLog = {
	debug: () => {},
	info: () => {},
	warn: () => {},
	error: () => {},
	child: () => quietLog
};

let dir: string;
let kv: KvStore;
let access: AccessService;
/** Keys read through `get` since the last reset. */
let reads: string[];

beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-gate-'));
	const inner = await createFileKv({ dir, logger: quiet });
	reads = [];
	kv = new Proxy(inner, {
		get(target, prop, receiver) {
			if (prop === 'get') {
				return (key: string) => {
					reads.push(key);
					return target.get(key);
				};
			}
			const value = Reflect.get(target, prop, receiver);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
	access = await createAccessService({
		kv,
		log: quietLog as never,
		passwordHashing: { logN: 10, r: 8, p: 1 }
	});
});

afterEach(async () => {
	await kv.close();
	await fs.rm(dir, { recursive: true, force: true });
});

const gate = () => createAccessGate({ origin: undefined, access });
const page = (sessionToken: string) => ({
	method: 'GET',
	path: '/plans/p1',
	search: '',
	origin: null,
	host: '127.0.0.1',
	sessionToken
});
const endedReads = () => reads.filter((key) => key.startsWith('guestended:'));

describe('gate: why a guest session ended', () => {
	it('session tokens are what isSessionTokenShaped accepts', () => {
		for (let i = 0; i < 20; i++) expect(isSessionTokenShaped(randomToken())).toBe(true);
		expect(isSessionTokenShaped('x'.repeat(42))).toBe(false);
		expect(isSessionTokenShaped('x'.repeat(44))).toBe(false);
		expect(isSessionTokenShaped(`${'x'.repeat(42)}!`)).toBe(false);
	});

	it('a junk cookie triggers no guest-ended read; an ended guest still goes to /gast-beendet', async () => {
		const owner = await access.createUser({
			email: 'o@stadt.de',
			name: 'Olga',
			password: 'ein-langes-Passwort-1'
		});
		if (!owner.ok) throw new Error(owner.error.message);
		const actor: Principal = {
			kind: 'user',
			id: owner.value.id,
			name: owner.value.name,
			email: owner.value.email,
			isAdmin: false
		};
		await access.registerPlan('p1', actor);
		const invite = await access.createInvite('p1', actor, {
			role: 'viewer',
			expiresAt: Date.now() + 3_600_000,
			maxUses: 5,
			allowGuests: true
		});
		if (!invite.ok) throw new Error(invite.error.message);
		const joined = await access.joinAsGuest(invite.value.token, 'Gast Gustav', '10.0.0.1');
		if (!joined.ok) throw new Error(joined.error.message);
		const guestCookie = joined.value.sessionToken;
		expect((await gate().checkRequest(page(guestCookie))).kind).toBe('pass');

		// junk: token-like (base64url) but not a session token's shape, and plain garbage
		for (const junk of ['a'.repeat(64), 'abcdefghijklmnopqrstu', 'kein-cookie', 'x']) {
			reads = [];
			const decision = await gate().checkRequest(page(junk));
			expect(decision).toMatchObject({ kind: 'redirect', clearCookie: true });
			expect(endedReads(), junk).toEqual([]);
		}

		expect((await access.revokeInvite('p1', actor, invite.value.invite.id)).ok).toBe(true);
		reads = [];
		const ended = await gate().checkRequest(page(guestCookie));
		expect(ended).toMatchObject({
			kind: 'redirect',
			location: '/gast-beendet?grund=invite_revoked',
			clearCookie: false
		});
		expect(endedReads()).toHaveLength(1);
	});
});
