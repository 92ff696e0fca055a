/**
 * Password hashing with node:crypto scrypt (no native dependency), asynchronous so the event
 * loop never blocks. Stored format, self-describing so the cost can be raised later:
 *
 *   scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>
 *
 * Defaults: OWASP's minimum for scrypt, N = 2^17, r = 8, p = 1 (128 MiB, on libuv's thread
 * pool), 16-byte salt, 32-byte key. Hashes of a lower cost still verify; `needsRehash` tells the
 * login to store a new hash at the current cost. `dummyVerify` spends the same time as a real
 * verification, so a login for an unknown e-mail is not faster than one for a known account.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
	/** log2 of the CPU/memory cost N (default 17). */
	logN: number;
	r: number;
	p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
	const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
	return new Promise((resolve, reject) => {
		scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) =>
			err ? reject(err) : resolve(key)
		);
	});
}

export async function hashPassword(
	password: string,
	params: ScryptParams = DEFAULT_SCRYPT
): Promise<string> {
	const N = 2 ** params.logN;
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, N, params.r, params.p);
	return [
		'scrypt',
		N,
		params.r,
		params.p,
		salt.toString('base64url'),
		key.toString('base64url')
	].join('$');
}

interface Parsed {
	N: number;
	r: number;
	p: number;
	salt: Buffer;
	key: Buffer;
}

function parse(stored: string): Parsed | null {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
	const [N, r, p] = parts.slice(1, 4).map((s) => Number(s));
	const isPow2 = Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0;
	if (
		!isPow2 ||
		!Number.isInteger(r) ||
		r < 1 ||
		r > 32 ||
		!Number.isInteger(p) ||
		p < 1 ||
		p > 16
	) {
		return null;
	}
	const salt = Buffer.from(parts[4], 'base64url');
	const key = Buffer.from(parts[5], 'base64url');
	if (salt.length < 8 || key.length !== KEY_BYTES) return null;
	return { N, r, p, salt, key };
}

/** True if `password` matches `stored`. A malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parse(stored);
	if (!parsed) return false;
	const key = await derive(password, parsed.salt, parsed.N, parsed.r, parsed.p);
	return timingSafeEqual(key, parsed.key);
}

/** True when `stored` was made with a lower cost than `params` (or cannot be read). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
	const parsed = parse(stored);
	if (!parsed) return true;
	return parsed.N < 2 ** params.logN || parsed.r < params.r || parsed.p < params.p;
}

const dummies = new Map<string, Promise<string>>();

/**
 * Runs a verification of the same cost against a throw-away hash and returns false: used for
 * unknown accounts so response times do not reveal which e-mails exist.
 */
export async function dummyVerify(
	password: string,
	params: ScryptParams = DEFAULT_SCRYPT
): Promise<false> {
	const id = `${params.logN}/${params.r}/${params.p}`;
	let dummy = dummies.get(id);
	if (!dummy) {
		dummy = hashPassword(randomBytes(16).toString('hex'), params);
		dummies.set(id, dummy);
	}
	await verifyPassword(password, await dummy);
	return false;
}
