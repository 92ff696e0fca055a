import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
	it('has working defaults for a plain `npm start`', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			redisUrl: undefined,
			syncMaxMessageBytes: 8 * 1024 * 1024,
			syncMaxConnections: 2000,
			seedExamplePlan: true,
			logLevel: 'info'
		});
		expect(config.dataDir).toMatch(/data$/);
	});

	it('reads every variable', () => {
		const config = loadConfig({
			PORT: '8080',
			HOST: '127.0.0.1',
			REDIS_URL: 'redis://127.0.0.1:6379',
			DATA_DIR: '/srv/mitplan',
			SYNC_MAX_MESSAGE_BYTES: '65536',
			SYNC_MAX_CONNECTIONS: '10',
			COMPACT_EVERY: '50',
			ROOM_IDLE_MS: '0',
			SEED_EXAMPLE_PLAN: 'nein',
			LOG_LEVEL: 'debug',
			INSTANCE_ID: 'rathaus-1'
		});
		expect(config).toMatchObject({
			port: 8080,
			host: '127.0.0.1',
			redisUrl: 'redis://127.0.0.1:6379',
			dataDir: '/srv/mitplan',
			syncMaxMessageBytes: 65536,
			syncMaxConnections: 10,
			compactEvery: 50,
			roomIdleMs: 0,
			seedExamplePlan: false,
			logLevel: 'debug',
			instanceId: 'rathaus-1'
		});
	});

	it('refuses invalid values, naming each variable', () => {
		let error: unknown;
		try {
			loadConfig({
				PORT: 'achtzig',
				REDIS_URL: 'http://redis',
				SYNC_MAX_MESSAGE_BYTES: String(1024 * 1024 * 1024),
				SEED_EXAMPLE_PLAN: 'vielleicht',
				LOG_LEVEL: 'laut',
				INSTANCE_ID: 'a/b'
			});
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const problems = (error as ConfigError).problems.join('\n');
		for (const name of [
			'PORT',
			'REDIS_URL',
			'SYNC_MAX_MESSAGE_BYTES',
			'SEED_EXAMPLE_PLAN',
			'LOG_LEVEL',
			'INSTANCE_ID'
		]) {
			expect(problems).toContain(name);
		}
	});
});
