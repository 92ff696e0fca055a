/** REDIS_URL naming a Redis Cluster (`redis+cluster://…`): accepted, parsed, refused when malformed. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { isClusterUrl, parseClusterUrl } from './storage/redis-cluster-url';
import { redactUrl } from './storage/redis-connection';

function problemsOf(env: Record<string, string>): string {
	try {
		loadConfig(env);
	} catch (err) {
		if (err instanceof ConfigError) return err.problems.join('\n');
		throw err;
	}
	return '';
}

describe('REDIS_URL for a Redis Cluster', () => {
	it('accepts seed nodes after redis+cluster://', () => {
		const config = loadConfig({ REDIS_URL: 'redis+cluster://10.0.0.1:7000,10.0.0.2:7001' });
		expect(config.redisUrl).toBe('redis+cluster://10.0.0.1:7000,10.0.0.2:7001');
		expect(isClusterUrl(config.redisUrl!)).toBe(true);
		expect(isClusterUrl('redis://10.0.0.1:7000')).toBe(false);
	});

	it('parses credentials, TLS and the nodes', () => {
		expect(
			parseClusterUrl('rediss+cluster://mitplan:ge%40heim@a.example:7000,b.example:7001/')
		).toEqual({
			rootNodes: ['rediss://a.example:7000', 'rediss://b.example:7001'],
			username: 'mitplan',
			password: 'ge@heim',
			tls: true
		});
		expect(parseClusterUrl('redis+cluster://:geheim@[::1]:7000')).toEqual({
			rootNodes: ['redis://[::1]:7000'],
			username: undefined,
			password: 'geheim',
			tls: false
		});
	});

	it('never shows the password in messages', () => {
		expect(redactUrl('redis+cluster://u:geheim@a:7000,b:7001')).toBe(
			'redis+cluster://u:***@a:7000,b:7001'
		);
	});

	it('refuses nodes without a port, empty lists and bad ports, in German', () => {
		for (const url of [
			'redis+cluster://a.example',
			'redis+cluster://',
			'redis+cluster://a:7000,,b:7001',
			'redis+cluster://a:99999'
		]) {
			expect(problemsOf({ REDIS_URL: url })).toMatch(
				/REDIS_URL \(Redis Cluster\): .*(host:port|Port)/
			);
		}
		expect(problemsOf({ REDIS_URL: 'cluster://a:7000' })).toMatch(/redis\+cluster:\/\//);
	});
});
