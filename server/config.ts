/**
 * The one validated configuration of a Mitplan server, read once at start-up from the
 * environment. Every variable is documented in README.md ("Konfiguration / Configuration").
 * Invalid values stop the start with a message that names the variable and what is allowed.
 */
import os from 'node:os';
import path from 'node:path';
import { PLAN_CREATOR_SETTINGS, type PlanCreators } from '../src/lib/contract/policy';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../src/lib/domain/time-zone';
import { readOidcConfig, type OidcConfig } from './auth/oidc/config';
import { isClusterUrl, parseClusterUrl } from './storage/redis-cluster-url';

export interface Config {
	/** PORT: TCP port of the HTTP + websocket server. */
	port: number;
	/** HOST: interface to listen on. */
	host: string;
	/**
	 * REDIS_URL: when set, plans are stored in Redis and instances share updates through it;
	 * `redis+cluster://host:port,host:port` names a Redis Cluster (its seed nodes).
	 */
	redisUrl: string | undefined;
	/** DATA_DIR: directory of the embedded file store (used when REDIS_URL is not set). */
	dataDir: string;
	/** SYNC_MAX_MESSAGE_BYTES: largest websocket message accepted; larger ones close that connection (1009). */
	syncMaxMessageBytes: number;
	/** SYNC_MAX_CONNECTIONS: open websocket connections one instance accepts (more get 4429). */
	syncMaxConnections: number;
	/**
	 * SYNC_MAX_BUFFERED_BYTES: unsent data one connection may have queued on the server; a client
	 * that reads slower than the plan changes (or never) is disconnected above it.
	 */
	syncMaxBufferedBytes: number;
	/**
	 * PLAN_MAX_BYTES: encoded size of one plan; PLAN_MAX_ENTRIES: its items plus Leitlinien links.
	 * Above either limit the plan stays readable and only deletions are accepted (close code 4413).
	 */
	planMaxBytes: number;
	planMaxEntries: number;
	/** COMPACT_EVERY: compact a plan's log into its snapshot after this many appended updates. */
	compactEvery: number;
	/** ROOM_IDLE_MS: unload a plan from memory this long after its last client left. */
	roomIdleMs: number;
	/** SEED_EXAMPLE_PLAN: create the "Beispielplan" when the store holds no plan at all. */
	seedExamplePlan: boolean;
	/** LOG_LEVEL: error | warn | info | debug. */
	logLevel: 'error' | 'warn' | 'info' | 'debug';
	/** LOG_FORMAT: json (one JSON object per line; default when NODE_ENV=production) | text. */
	logFormat: 'json' | 'text';
	/** INSTANCE_ID: name of this process in logs and pub/sub (default: random). */
	instanceId: string;
	/** ORIGIN: the public address (e.g. https://mitplan.stadt.de); browsers' requests must come from it. */
	origin: string | undefined;
	/**
	 * TRUST_PROXY: a reverse proxy in front sets X-Forwarded-Proto; only then does its "https" count
	 * (links, Secure cookie, HSTS). Off: only TLS on the socket itself counts.
	 */
	trustProxy: boolean;
	/** MITPLAN_ADMIN_EMAIL / MITPLAN_ADMIN_PASSWORD: create this administrator at start-up if missing. */
	admin: { email: string; password: string } | undefined;
	/** PLAN_CREATORS: admins | editors (default: Administration + owners/editors of a plan) | all. */
	planCreators: PlanCreators;
	/** SESSION_TTL_HOURS: how long a sign-in lasts. */
	sessionTtlMs: number;
	/** COOKIE_SECURE: auto (Secure when the request came over HTTPS), true or false. */
	cookieSecure: 'auto' | boolean;
	/** SYNC_MAX_CONNECTIONS_PER_USER: open websocket connections one person may hold on one instance. */
	syncMaxConnectionsPerUser: number;
	/** SYNC_MAX_UPGRADES_PER_ADDRESS: sync websocket upgrade attempts per client address and minute. */
	syncMaxUpgradesPerAddress: number;
	/** SYNC_SESSION_RECHECK_SECONDS: how often open /sync connections re-check their session. */
	syncSessionRecheckMs: number;
	/** SOCKETIO_MAX_CONNECTIONS_PER_USER: open socket.io connections one person may hold per instance. */
	socketIoMaxConnectionsPerUser: number;
	/** ADDRESS_HEADER / XFF_DEPTH (as adapter-node reads them): the client address behind a proxy. */
	addressHeader: string | undefined;
	xffDepth: number;
	/**
	 * LOGIN_MAX_FAILURES_PER_ACCOUNT: failures per (account, address) before doubling delays;
	 * LOGIN_MAX_FAILURES_PER_ADDRESS: failures per address across accounts; within LOGIN_WINDOW_MINUTES.
	 */
	loginLimits: { perAccount: number; perAddress: number; windowMs: number };
	/**
	 * PASSWORD_HASH_COST: log2 of scrypt's N for new and upgraded password hashes (default 17 =
	 * OWASP's minimum; lower only for tests). Stored hashes of a lower cost are upgraded at login.
	 */
	passwordHashCost: number;
	/** AUDIT_ROUTINE_MAX_PER_PERSON: routine audit entries (exports …) per person and plan in 10 min. */
	auditRoutinePerPerson: number;
	/**
	 * VERSION_AUTO_IDLE_MS: automatic snapshot after this editing pause (0 = none); VERSION_AUTO_KEEP:
	 * how many are kept; VERSION_NAMED_MAX: named versions per plan (more: 409 too_many_versions);
	 * VERSION_PRE_RESTORE_KEEP: snapshots taken before a restore kept per plan (newest).
	 */
	versions: { autoIdleMs: number; autoKeep: number; namedMax: number; preRestoreKeep: number };
	/** FEEDBACK_MAX_PER_ADDRESS within FEEDBACK_WINDOW_MINUTES, FEEDBACK_MAX_PER_ROUND. */
	feedbackLimits: { perAddress: number; windowMs: number; perRound: number };
	/**
	 * REVIEW_DUE_SOON_DAYS (remind of open review requests/checks due within this many days),
	 * REVIEW_REMINDER_MINUTES (how often to look; 0 = never), REVIEW_COMMENTS_PER_MINUTE
	 * (comment writes per person per minute, then 429).
	 */
	review: { dueSoonDays: number; reminderIntervalMs: number; commentsPerMinute: number };
	/**
	 * PDF export in worker threads: EXPORT_WORKERS running at once, EXPORT_QUEUE waiting (more:
	 * 503 + Retry-After), EXPORT_MAX_PER_PERSON at once per person (more: 429), EXPORT_TIMEOUT_MS
	 * per export (then the worker is terminated), EXPORT_MAX_CHARS of text (more: 413),
	 * EXPORT_MAX_MEMORY_MB heap per worker.
	 */
	exports: {
		workers: number;
		queue: number;
		perPerson: number;
		timeoutMs: number;
		maxChars: number;
		maxMemoryMb: number;
	};
	/**
	 * TIME_ZONE: the municipality's time zone (IANA name). "Today" for due dates, reminders and the
	 * PDF cover and the clock times in CSV exports are computed in it, not in the server's zone.
	 */
	timeZone: string;
	/**
	 * The legal pages (server/legal): LEGAL_DIR (folder with impressum.md, datenschutz.md,
	 * barrierefreiheit.md), else the built-in templates filled with LEGAL_OPERATOR / LEGAL_CONTACT.
	 */
	legal: { dir?: string; operator?: string; contact?: string };
	/** METRICS_TOKEN: `/metrics` answers only with this bearer token; unset: `/metrics` is off (404). */
	metricsToken: string | undefined;
	/** OIDC_*: single sign-on through OpenID Connect (server/auth/oidc); unset: passwords only. */
	oidc: OidcConfig | undefined;
	/**
	 * E-mail (server/mail): SMTP_URL (smtp:// or smtps://, user and password in the URL; unset: no
	 * mail), MAIL_FROM (sender, default "Mitplan <mitplan@host of ORIGIN>"), MAIL_MAX_ATTEMPTS
	 * (tries per mail before it is given up), MAIL_RETRY_SECONDS (first retry delay, doubling).
	 */
	mail: { smtpUrl: string; from: string; maxAttempts: number; retryBaseMs: number } | undefined;
}

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Ungültige Konfiguration:\n  - ${problems.join('\n  - ')}`);
		this.name = 'ConfigError';
	}
}

type Env = Record<string, string | undefined>;

function randomInstanceId(): string {
	return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

export function loadConfig(env: Env = process.env): Config {
	const problems: string[] = [];

	const int = (name: string, fallback: number, min: number, max: number): number => {
		const raw = env[name];
		if (raw === undefined || raw === '') return fallback;
		const value = Number(raw);
		if (!Number.isInteger(value) || value < min || value > max) {
			problems.push(`${name}="${raw}" muss eine ganze Zahl von ${min} bis ${max} sein.`);
			return fallback;
		}
		return value;
	};

	const bool = (name: string, fallback: boolean): boolean => {
		const raw = env[name]?.trim().toLowerCase();
		if (raw === undefined || raw === '') return fallback;
		if (['1', 'true', 'yes', 'ja', 'on'].includes(raw)) return true;
		if (['0', 'false', 'no', 'nein', 'off'].includes(raw)) return false;
		problems.push(`${name}="${env[name]}" muss true oder false sein.`);
		return fallback;
	};

	let redisUrl = env.REDIS_URL?.trim() || undefined;
	if (redisUrl && isClusterUrl(redisUrl)) {
		try {
			parseClusterUrl(redisUrl);
		} catch (err) {
			problems.push(`REDIS_URL (Redis Cluster): ${(err as Error).message}`);
			redisUrl = undefined;
		}
	} else if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
		problems.push(
			`REDIS_URL="${redisUrl}" muss mit redis://, rediss:// oder (Redis Cluster) redis+cluster:// beginnen.`
		);
		redisUrl = undefined;
	}

	const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
	if (!['error', 'warn', 'info', 'debug'].includes(logLevel)) {
		problems.push(`LOG_LEVEL="${env.LOG_LEVEL}" muss error, warn, info oder debug sein.`);
	}

	const logFormatRaw = env.LOG_FORMAT?.trim().toLowerCase() || '';
	if (logFormatRaw && logFormatRaw !== 'json' && logFormatRaw !== 'text') {
		problems.push(`LOG_FORMAT="${env.LOG_FORMAT}" muss json oder text sein.`);
	}
	const logFormat: Config['logFormat'] =
		logFormatRaw === 'json' || logFormatRaw === 'text'
			? logFormatRaw
			: env.NODE_ENV === 'production'
				? 'json'
				: 'text';

	const instanceId = env.INSTANCE_ID?.trim() || randomInstanceId();
	if (!/^[A-Za-z0-9_-]{1,32}$/.test(instanceId)) {
		problems.push(
			`INSTANCE_ID="${instanceId}" darf nur A–Z, a–z, 0–9, _ und - enthalten (max. 32).`
		);
	}

	let origin = env.ORIGIN?.trim() || undefined;
	if (origin) {
		try {
			const parsed = new URL(origin);
			if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error('protocol');
			origin = parsed.origin;
		} catch {
			problems.push(`ORIGIN="${origin}" muss eine Adresse wie https://mitplan.stadt.de sein.`);
			origin = undefined;
		}
	}

	const adminEmail = env.MITPLAN_ADMIN_EMAIL?.trim() || '';
	const adminPassword = env.MITPLAN_ADMIN_PASSWORD ?? '';
	if (!!adminEmail !== !!adminPassword) {
		problems.push('MITPLAN_ADMIN_EMAIL und MITPLAN_ADMIN_PASSWORD müssen zusammen gesetzt werden.');
	} else if (adminPassword && adminPassword.length < 10) {
		problems.push('MITPLAN_ADMIN_PASSWORD muss mindestens 10 Zeichen lang sein.');
	}

	let timeZone = env.TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
	if (!isTimeZone(timeZone)) {
		problems.push(`TIME_ZONE="${timeZone}" muss eine Zeitzone wie Europe/Berlin sein.`);
		timeZone = DEFAULT_TIME_ZONE;
	}

	const cookieRaw = env.COOKIE_SECURE?.trim().toLowerCase() || 'auto';
	let cookieSecure: Config['cookieSecure'] = 'auto';
	if (cookieRaw !== 'auto') cookieSecure = bool('COOKIE_SECURE', false);

	const planCreators = (env.PLAN_CREATORS?.trim().toLowerCase() ||
		'editors') as Config['planCreators'];
	if (!PLAN_CREATOR_SETTINGS.includes(planCreators)) {
		problems.push(`PLAN_CREATORS="${env.PLAN_CREATORS}" muss admins, editors oder all sein.`);
	}

	const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
	if (metricsToken && metricsToken.length < 16)
		problems.push('METRICS_TOKEN muss mindestens 16 Zeichen lang sein.');

	const mail = mailSettings(env, origin, problems, int);

	const config: Config = {
		port: int('PORT', 3000, 0, 65535),
		host: env.HOST?.trim() || '0.0.0.0',
		redisUrl,
		dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
		// At most the stores' limit for one update (64 MiB), so every accepted message is storable.
		syncMaxMessageBytes: int('SYNC_MAX_MESSAGE_BYTES', 8 * 1024 * 1024, 1024, 64 * 1024 * 1024),
		syncMaxConnections: int('SYNC_MAX_CONNECTIONS', 2000, 1, 1_000_000),
		syncMaxBufferedBytes: int(
			'SYNC_MAX_BUFFERED_BYTES',
			64 * 1024 * 1024,
			64 * 1024,
			1024 * 1024 * 1024
		),
		planMaxBytes: int('PLAN_MAX_BYTES', 32 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
		planMaxEntries: int('PLAN_MAX_ENTRIES', 50_000, 10, 10_000_000),
		compactEvery: int('COMPACT_EVERY', 500, 1, 1_000_000),
		roomIdleMs: int('ROOM_IDLE_MS', 30_000, 0, 24 * 3600 * 1000),
		seedExamplePlan: bool('SEED_EXAMPLE_PLAN', true),
		logLevel,
		logFormat,
		instanceId,
		origin,
		trustProxy: bool('TRUST_PROXY', false),
		admin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
		planCreators,
		sessionTtlMs: int('SESSION_TTL_HOURS', 14 * 24, 1, 365 * 24) * 3600 * 1000,
		cookieSecure,
		syncMaxConnectionsPerUser: int('SYNC_MAX_CONNECTIONS_PER_USER', 20, 1, 10_000),
		syncMaxUpgradesPerAddress: int('SYNC_MAX_UPGRADES_PER_ADDRESS', 300, 1, 1_000_000),
		syncSessionRecheckMs: int('SYNC_SESSION_RECHECK_SECONDS', 60, 1, 24 * 3600) * 1000,
		socketIoMaxConnectionsPerUser: int('SOCKETIO_MAX_CONNECTIONS_PER_USER', 20, 1, 10_000),
		addressHeader: env.ADDRESS_HEADER?.trim().toLowerCase() || undefined,
		xffDepth: int('XFF_DEPTH', 1, 1, 100),
		loginLimits: {
			perAccount: int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
			perAddress: int('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100_000),
			windowMs: int('LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60) * 60 * 1000
		},
		passwordHashCost: int('PASSWORD_HASH_COST', 17, 10, 20),
		auditRoutinePerPerson: int('AUDIT_ROUTINE_MAX_PER_PERSON', 60, 1, 100_000),
		versions: {
			autoIdleMs: int('VERSION_AUTO_IDLE_MS', 180_000, 0, 24 * 3600 * 1000),
			autoKeep: int('VERSION_AUTO_KEEP', 50, 1, 10_000),
			namedMax: int('VERSION_NAMED_MAX', 500, 1, 10_000),
			preRestoreKeep: int('VERSION_PRE_RESTORE_KEEP', 100, 1, 10_000)
		},
		feedbackLimits: {
			perAddress: int('FEEDBACK_MAX_PER_ADDRESS', 5, 1, 10_000),
			windowMs: int('FEEDBACK_WINDOW_MINUTES', 10, 1, 24 * 60) * 60 * 1000,
			perRound: int('FEEDBACK_MAX_PER_ROUND', 2000, 1, 100_000)
		},
		review: {
			dueSoonDays: int('REVIEW_DUE_SOON_DAYS', 2, 0, 60),
			reminderIntervalMs: int('REVIEW_REMINDER_MINUTES', 60, 0, 7 * 24 * 60) * 60 * 1000,
			commentsPerMinute: int('REVIEW_COMMENTS_PER_MINUTE', 20, 1, 10_000)
		},
		exports: {
			// One core stays free for the event loop.
			workers: int(
				'EXPORT_WORKERS',
				Math.max(1, Math.min(4, os.availableParallelism() - 1)),
				1,
				64
			),
			queue: int('EXPORT_QUEUE', 20, 0, 10_000),
			perPerson: int('EXPORT_MAX_PER_PERSON', 2, 1, 100),
			timeoutMs: int('EXPORT_TIMEOUT_MS', 120_000, 100, 3600 * 1000),
			maxChars: int('EXPORT_MAX_CHARS', 4_000_000, 1000, 500_000_000),
			maxMemoryMb: int('EXPORT_MAX_MEMORY_MB', 1024, 64, 65_536)
		},
		timeZone,
		metricsToken,
		oidc: readOidcConfig(env, problems, bool),
		mail,
		legal: {
			dir: env.LEGAL_DIR?.trim() ? path.resolve(env.LEGAL_DIR.trim()) : undefined,
			operator: env.LEGAL_OPERATOR?.trim() || undefined,
			contact: env.LEGAL_CONTACT?.trim() || undefined
		}
	};

	if (problems.length > 0) throw new ConfigError(problems);
	return config;
}

/** SMTP_URL and its companions; ORIGIN is required with it (every mail links back to Mitplan). */
function mailSettings(
	env: Env,
	origin: string | undefined,
	problems: string[],
	int: (name: string, fallback: number, min: number, max: number) => number
): Config['mail'] {
	const smtpUrl = env.SMTP_URL?.trim() || undefined;
	if (!smtpUrl) return undefined;
	let host = '';
	try {
		const parsed = new URL(smtpUrl);
		if (!['smtp:', 'smtps:'].includes(parsed.protocol) || !parsed.hostname) throw new Error('url');
		host = parsed.hostname;
	} catch {
		problems.push(
			'SMTP_URL muss eine Adresse wie smtp://benutzer:passwort@mail.stadt.de:587 sein.'
		);
	}
	if (!origin) problems.push('SMTP_URL braucht ORIGIN: jede E-Mail verlinkt auf Mitplan.');
	const fallbackFrom = `Mitplan <mitplan@${origin ? new URL(origin).hostname : host || 'localhost'}>`;
	const from = env.MAIL_FROM?.trim() || fallbackFrom;
	if (/[\r\n]/.test(from) || !/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(from)) {
		problems.push(`MAIL_FROM="${from}" muss eine Adresse wie "Mitplan <mitplan@stadt.de>" sein.`);
	}
	return {
		smtpUrl,
		from,
		maxAttempts: int('MAIL_MAX_ATTEMPTS', 10, 1, 100),
		retryBaseMs: int('MAIL_RETRY_SECONDS', 60, 1, 24 * 3600) * 1000
	};
}
