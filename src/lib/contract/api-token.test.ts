/** How a personal API token bounds roles: its plans only, at most its highest role. */
import { describe, expect, it } from 'vitest';
import type { Principal } from './access';
import { bearerToken, isApiTokenShaped, scopedRole, tokenAllowsPlan } from './api-token';

const user = (apiToken?: {
	planIds: string[] | null;
	maxRole: 'viewer' | 'editor';
}): Principal => ({
	kind: 'user',
	id: 'u1',
	name: 'U',
	email: 'u@x.de',
	isAdmin: false,
	...(apiToken ? { apiToken: { tokenId: 't', ...apiToken } } : {})
});

describe('scopedRole', () => {
	it('leaves sessions alone', () => {
		expect(scopedRole(user(), 'p1', 'owner')).toBe('owner');
		expect(scopedRole(user(), 'p1', null)).toBeNull();
	});

	it('caps at the token role and never raises', () => {
		const editor = user({ planIds: null, maxRole: 'editor' });
		expect(scopedRole(editor, 'p1', 'owner')).toBe('editor');
		expect(scopedRole(editor, 'p1', 'editor')).toBe('editor');
		expect(scopedRole(editor, 'p1', 'reviewer')).toBe('reviewer');
		expect(scopedRole(editor, 'p1', null)).toBeNull();
		expect(scopedRole(user({ planIds: null, maxRole: 'viewer' }), 'p1', 'editor')).toBe('viewer');
	});

	it('gives no role outside its plans', () => {
		const onlyA = user({ planIds: ['a'], maxRole: 'editor' });
		expect(scopedRole(onlyA, 'a', 'owner')).toBe('editor');
		expect(scopedRole(onlyA, 'b', 'owner')).toBeNull();
		expect(tokenAllowsPlan(onlyA, 'b')).toBe(false);
		expect(tokenAllowsPlan(user(), 'b')).toBe(true);
	});
});

describe('token shape', () => {
	it('reads Bearer headers and knows the mp_ shape', () => {
		expect(bearerToken('Bearer mp_abc')).toBe('mp_abc');
		expect(bearerToken('bearer  x ')).toBe('x');
		expect(bearerToken('Basic dXNlcg==')).toBeNull();
		expect(bearerToken(null)).toBeNull();
		expect(isApiTokenShaped(`mp_${'a'.repeat(43)}`)).toBe(true);
		expect(isApiTokenShaped(`mp_${'a'.repeat(42)}`)).toBe(false);
		expect(isApiTokenShaped('a'.repeat(46))).toBe(false);
	});
});
