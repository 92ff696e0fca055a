/**
 * A small structured logger: one line per event, `level message {json details}` on stderr.
 * Enough for a municipality's IT to grep; no external service.
 */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface Logger {
	error(msg: string, details?: Record<string, unknown>): void;
	warn(msg: string, details?: Record<string, unknown>): void;
	info(msg: string, details?: Record<string, unknown>): void;
	debug(msg: string, details?: Record<string, unknown>): void;
	child(fields: Record<string, unknown>): Logger;
}

function serialize(details: Record<string, unknown>): string {
	return JSON.stringify(details, (_key, value) =>
		value instanceof Error ? { name: value.name, message: value.message } : value
	);
}

export function createLogger(level: LogLevel, base: Record<string, unknown> = {}): Logger {
	const write = (at: LogLevel, msg: string, details?: Record<string, unknown>) => {
		if (RANK[at] > RANK[level]) return;
		const all = { ...base, ...details };
		const tail = Object.keys(all).length > 0 ? ' ' + serialize(all) : '';
		process.stderr.write(`${new Date().toISOString()} ${at.toUpperCase()} ${msg}${tail}\n`);
	};
	return {
		error: (m, d) => write('error', m, d),
		warn: (m, d) => write('warn', m, d),
		info: (m, d) => write('info', m, d),
		debug: (m, d) => write('debug', m, d),
		child: (fields) => createLogger(level, { ...base, ...fields })
	};
}
