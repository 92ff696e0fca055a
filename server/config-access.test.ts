/** TRUST_PROXY and PLAN_CREATORS (issue 12 items 1 and 10): defaults and validation. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig: proxy trust and plan creators', () => {
	it('trusts no proxy and lets owners/editors create plans by default', () => {
		expect(loadConfig({})).toMatchObject({ trustProxy: false, planCreators: 'editors' });
	});

	it('reads TRUST_PROXY and PLAN_CREATORS', () => {
		expect(loadConfig({ TRUST_PROXY: 'true', PLAN_CREATORS: 'admins' })).toMatchObject({
			trustProxy: true,
			planCreators: 'admins'
		});
		expect(loadConfig({ PLAN_CREATORS: 'all' }).planCreators).toBe('all');
	});

	it('refuses unknown values with a message naming the variable', () => {
		expect(() => loadConfig({ PLAN_CREATORS: 'reviewers' })).toThrow(ConfigError);
		expect(() => loadConfig({ PLAN_CREATORS: 'reviewers' })).toThrow(/PLAN_CREATORS/);
		expect(() => loadConfig({ TRUST_PROXY: 'vielleicht' })).toThrow(/TRUST_PROXY/);
	});
});
