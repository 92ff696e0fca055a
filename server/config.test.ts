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
			syncMaxBufferedBytes: 64 * 1024 * 1024,
			seedExamplePlan: true,
			logLevel: 'info',
			origin: undefined,
			admin: undefined,
			cookieSecure: 'auto',
			syncMaxConnectionsPerUser: 20
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
			SYNC_MAX_BUFFERED_BYTES: '1048576',
			COMPACT_EVERY: '50',
			ROOM_IDLE_MS: '0',
			SEED_EXAMPLE_PLAN: 'nein',
			LOG_LEVEL: 'debug',
			INSTANCE_ID: 'rathaus-1',
			ORIGIN: 'https://mitplan.stadt.de/',
			MITPLAN_ADMIN_EMAIL: 'it@stadt.de',
			MITPLAN_ADMIN_PASSWORD: 'ein-langes-passwort',
			SESSION_TTL_HOURS: '8',
			COOKIE_SECURE: 'true',
			SYNC_MAX_CONNECTIONS_PER_USER: '3',
			LOGIN_MAX_FAILURES_PER_ACCOUNT: '4',
			LOGIN_MAX_FAILURES_PER_ADDRESS: '9',
			LOGIN_WINDOW_MINUTES: '10'
		});
		expect(config).toMatchObject({
			origin: 'https://mitplan.stadt.de',
			admin: { email: 'it@stadt.de', password: 'ein-langes-passwort' },
			sessionTtlMs: 8 * 3600 * 1000,
			cookieSecure: true,
			syncMaxConnectionsPerUser: 3,
			loginLimits: { perAccount: 4, perAddress: 9, windowMs: 10 * 60 * 1000 }
		});
		expect(config).toMatchObject({
			port: 8080,
			host: '127.0.0.1',
			redisUrl: 'redis://127.0.0.1:6379',
			dataDir: '/srv/mitplan',
			syncMaxMessageBytes: 65536,
			syncMaxConnections: 10,
			syncMaxBufferedBytes: 1048576,
			compactEvery: 50,
			roomIdleMs: 0,
			seedExamplePlan: false,
			logLevel: 'debug',
			instanceId: 'rathaus-1'
		});
	});

	it('reads the version settings (automatic snapshots) and refuses invalid ones', () => {
		expect(loadConfig({}).versions).toEqual({
			autoIdleMs: 180_000,
			autoKeep: 50,
			namedMax: 500,
			preRestoreKeep: 100
		});
		expect(
			loadConfig({
				VERSION_AUTO_IDLE_MS: '0',
				VERSION_AUTO_KEEP: '5',
				VERSION_NAMED_MAX: '7',
				VERSION_PRE_RESTORE_KEEP: '3'
			}).versions
		).toEqual({ autoIdleMs: 0, autoKeep: 5, namedMax: 7, preRestoreKeep: 3 });
		expect(() => loadConfig({ VERSION_AUTO_IDLE_MS: '-1' })).toThrow(/VERSION_AUTO_IDLE_MS/);
		expect(() => loadConfig({ VERSION_AUTO_KEEP: '0' })).toThrow(/VERSION_AUTO_KEEP/);
		expect(() => loadConfig({ VERSION_NAMED_MAX: '0' })).toThrow(/VERSION_NAMED_MAX/);
		expect(() => loadConfig({ VERSION_PRE_RESTORE_KEEP: 'viele' })).toThrow(
			/VERSION_PRE_RESTORE_KEEP/
		);
	});

	it('reads LOG_FORMAT (json in production by default) and refuses others', () => {
		expect(loadConfig({}).logFormat).toBe('text');
		expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
		expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'text' }).logFormat).toBe('text');
		expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
		expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT="xml" muss json oder text/);
	});

	it('wants the admin e-mail and password together', () => {
		expect(() => loadConfig({ MITPLAN_ADMIN_EMAIL: 'it@stadt.de' })).toThrow(/zusammen/);
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
				INSTANCE_ID: 'a/b',
				ORIGIN: 'mitplan.stadt.de',
				MITPLAN_ADMIN_EMAIL: 'it@stadt.de',
				MITPLAN_ADMIN_PASSWORD: 'kurz',
				COOKIE_SECURE: 'manchmal',
				SYNC_MAX_CONNECTIONS_PER_USER: '0'
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
			'INSTANCE_ID',
			'ORIGIN',
			'MITPLAN_ADMIN_PASSWORD',
			'COOKIE_SECURE',
			'SYNC_MAX_CONNECTIONS_PER_USER'
		]) {
			expect(problems).toContain(name);
		}
	});

	it('reads the time zone (default Europe/Berlin) and refuses unknown ones', () => {
		expect(loadConfig({}).timeZone).toBe('Europe/Berlin');
		expect(loadConfig({ TIME_ZONE: 'Europe/Vienna' }).timeZone).toBe('Europe/Vienna');
		expect(() => loadConfig({ TIME_ZONE: 'Mitteleuropa' })).toThrow(/TIME_ZONE="Mitteleuropa"/);
	});

	it('reads the feedback round limits', () => {
		expect(loadConfig({}).feedbackLimits).toEqual({
			perAddress: 5,
			windowMs: 10 * 60 * 1000,
			perRound: 2000
		});
		expect(
			loadConfig({
				FEEDBACK_MAX_PER_ADDRESS: '3',
				FEEDBACK_WINDOW_MINUTES: '1',
				FEEDBACK_MAX_PER_ROUND: '50'
			}).feedbackLimits
		).toEqual({ perAddress: 3, windowMs: 60_000, perRound: 50 });
		expect(() => loadConfig({ FEEDBACK_MAX_PER_ADDRESS: '0' })).toThrow(/FEEDBACK_MAX_PER_ADDRESS/);
		expect(() => loadConfig({ FEEDBACK_MAX_PER_ROUND: 'viele' })).toThrow(/FEEDBACK_MAX_PER_ROUND/);
	});
});

describe('review settings', () => {
	it('reads REVIEW_* with defaults and refuses out-of-range values', () => {
		expect(loadConfig({}).review).toEqual({
			dueSoonDays: 2,
			reminderIntervalMs: 60 * 60 * 1000,
			commentsPerMinute: 20
		});
		expect(
			loadConfig({
				REVIEW_DUE_SOON_DAYS: '5',
				REVIEW_REMINDER_MINUTES: '0',
				REVIEW_COMMENTS_PER_MINUTE: '3'
			}).review
		).toEqual({ dueSoonDays: 5, reminderIntervalMs: 0, commentsPerMinute: 3 });
		expect(() => loadConfig({ REVIEW_COMMENTS_PER_MINUTE: '0' })).toThrow(
			/REVIEW_COMMENTS_PER_MINUTE/
		);
		expect(() => loadConfig({ REVIEW_DUE_SOON_DAYS: 'bald' })).toThrow(/REVIEW_DUE_SOON_DAYS/);
	});

	it('reads the plan size limits and refuses invalid ones', () => {
		expect(loadConfig({})).toMatchObject({
			planMaxBytes: 32 * 1024 * 1024,
			planMaxEntries: 50_000
		});
		expect(loadConfig({ PLAN_MAX_BYTES: '1048576', PLAN_MAX_ENTRIES: '100' })).toMatchObject({
			planMaxBytes: 1048576,
			planMaxEntries: 100
		});
		expect(() => loadConfig({ PLAN_MAX_BYTES: '10' })).toThrow(/PLAN_MAX_BYTES/);
		expect(() => loadConfig({ PLAN_MAX_ENTRIES: 'viele' })).toThrow(/PLAN_MAX_ENTRIES/);
	});
});
