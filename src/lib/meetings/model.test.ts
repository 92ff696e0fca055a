/** The structure-lock rule shared by the sync server and the board (lockedFor, lockExempt). */
import { describe, expect, it } from 'vitest';
import { lockExempt, lockedFor } from './model';

describe('lockedFor', () => {
	const lock = { exempt: lockExempt('u-mod') };

	it('spares nobody but owners when there is no Moderation, and nobody is locked without a lock', () => {
		expect(lockExempt(null)).toEqual([]);
		expect(lockedFor({ exempt: lockExempt(null) }, { principalId: 'u-ed', owner: false })).toBe(
			true
		);
		expect(lockedFor(null, { principalId: 'u-ed', owner: false })).toBe(false);
		expect(lockedFor(null, { principalId: undefined, owner: false })).toBe(false);
	});

	it('spares owners and the Moderation, locks editors, guests and unknown principals', () => {
		expect(lockedFor(lock, { principalId: 'u-owner', owner: true })).toBe(false);
		expect(lockedFor(lock, { principalId: 'u-mod', owner: false })).toBe(false);
		expect(lockedFor(lock, { principalId: 'u-ed', owner: false })).toBe(true);
		expect(lockedFor(lock, { principalId: 'guest-abc', owner: false })).toBe(true);
		expect(lockedFor(lock, { principalId: undefined, owner: false })).toBe(true);
	});
});
