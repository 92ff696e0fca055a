/**
 * Mitplan's logger, on stderr. Two formats (LOG_FORMAT): `json` (default when NODE_ENV is
 * production) writes one pino JSON object per event — `time`, `level` as a word, `msg`, the
 * bound fields and details, errors with `type`, `message`, `stack`, `code` and `cause` — for a
 * log collector; `text` writes `time LEVEL message {json details}` lines (stack traces below)
 * for people reading a terminal. Callers only see the small `Logger` interface.
 */
import { pino, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogFormat = 'json' | 'text';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface Logger {
	error(msg: string, details?: Record<string, unknown>): void;
	warn(msg: string, details?: Record<string, unknown>): void;
	info(msg: string, details?: Record<string, unknown>): void;
	debug(msg: string, details?: Record<string, unknown>): void;
	child(fields: Record<string, unknown>): Logger;
}

/** LOG_FORMAT if valid, else json in production and text elsewhere (config.ts validates it). */
export function defaultLogFormat(env: Record<string, string | undefined> = process.env): LogFormat {
	const raw = env.LOG_FORMAT?.trim().toLowerCase();
	if (raw === 'json' || raw === 'text') return raw;
	return env.NODE_ENV === 'production' ? 'json' : 'text';
}

interface SerializedError {
	type: string;
	message: string;
	stack?: string;
	code?: unknown;
	cause?: unknown;
}

function serializeError(error: Error, depth: number): SerializedError {
	const out: SerializedError = { type: error.name, message: error.message, stack: error.stack };
	const code = (error as { code?: unknown }).code;
	if (code !== undefined) out.code = code;
	if (error.cause !== undefined && depth < 3) out.cause = withErrors(error.cause, depth + 1);
	return out;
}

/** Replaces every Error below `value` (details may nest them) by its serialized form. */
export function withErrors(value: unknown, depth = 0): unknown {
	if (value instanceof Error) return serializeError(value, depth);
	if (depth > 6 || value === null || typeof value !== 'object') return value;
	if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
	if (Array.isArray(value)) return value.map((v) => withErrors(v, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) out[k] = withErrors(v, depth + 1);
	return out;
}

/** Every `stack` below a serialized value, for the text format's indented trace lines. */
function stacksOf(value: unknown, found: string[] = [], depth = 0): string[] {
	if (depth > 8 || value === null || typeof value !== 'object') return found;
	for (const [k, v] of Object.entries(value)) {
		if (k === 'stack' && typeof v === 'string') found.push(v);
		else stacksOf(v, found, depth + 1);
	}
	return found;
}

/** The sink: process.stderr.write, looked up at each write (tests capture it). */
const stderr = { write: (line: string) => void process.stderr.write(line) };

function textLogger(level: LogLevel, base: Record<string, unknown>): Logger {
	const write = (at: LogLevel, msg: string, details?: Record<string, unknown>) => {
		if (RANK[at] > RANK[level]) return;
		const all = withErrors({ ...base, ...details }) as Record<string, unknown>;
		const stacks = stacksOf(all);
		const tail =
			Object.keys(all).length > 0
				? ' ' + JSON.stringify(all, (k, v) => (k === 'stack' ? undefined : v))
				: '';
		const trace = stacks.map((s) => '\n    ' + s.split('\n').join('\n    ')).join('');
		stderr.write(`${new Date().toISOString()} ${at.toUpperCase()} ${msg}${tail}${trace}\n`);
	};
	return {
		error: (m, d) => write('error', m, d),
		warn: (m, d) => write('warn', m, d),
		info: (m, d) => write('info', m, d),
		debug: (m, d) => write('debug', m, d),
		child: (fields) => textLogger(level, { ...base, ...fields })
	};
}

function wrapPino(p: PinoLogger): Logger {
	const at =
		(method: LogLevel) =>
		(msg: string, details?: Record<string, unknown>): void => {
			if (details && Object.keys(details).length > 0) p[method](withErrors(details) as object, msg);
			else p[method](msg);
		};
	return {
		error: at('error'),
		warn: at('warn'),
		info: at('info'),
		debug: at('debug'),
		child: (fields) => wrapPino(p.child(withErrors(fields) as Record<string, unknown>))
	};
}

function jsonLogger(level: LogLevel, base: Record<string, unknown>): Logger {
	const root = pino(
		{
			level,
			messageKey: 'msg',
			timestamp: pino.stdTimeFunctions.isoTime,
			formatters: { level: (label) => ({ level: label }) }
		},
		stderr
	);
	return wrapPino(Object.keys(base).length > 0 ? root.child(base) : root);
}

export function createLogger(
	level: LogLevel,
	base: Record<string, unknown> = {},
	format: LogFormat = defaultLogFormat()
): Logger {
	return format === 'json' ? jsonLogger(level, base) : textLogger(level, base);
}
