// The logger's two formats: pino JSON (with stack traces, nested errors) and text lines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, defaultLogFormat } from './log';

let lines: string[] = [];
let restore: () => void;

beforeEach(() => {
	lines = [];
	const write = process.stderr.write;
	process.stderr.write = ((chunk: string | Uint8Array) => {
		lines.push(String(chunk));
		return true;
	}) as typeof process.stderr.write;
	restore = () => (process.stderr.write = write);
});
afterEach(() => restore());

function failure(): Error {
	const cause = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
	return new Error('append failed', { cause });
}

describe('json format', () => {
	it('writes one JSON object per event with level, time, bound fields and stack traces', () => {
		const log = createLogger('info', { instance: 'rathaus-1' }, 'json').child({ planId: 'p1' });
		log.error('store append failed', { error: failure(), attempt: 3 });
		log.debug('not written');
		expect(lines).toHaveLength(1);
		const entry = JSON.parse(lines[0]);
		expect(entry).toMatchObject({
			level: 'error',
			msg: 'store append failed',
			instance: 'rathaus-1',
			planId: 'p1',
			attempt: 3,
			error: { type: 'Error', message: 'append failed', cause: { code: 'ENOSPC' } }
		});
		expect(new Date(entry.time).toISOString()).toBe(entry.time);
		expect(entry.error.stack).toMatch(/^Error: append failed\n\s+at /);
		expect(entry.error.cause.stack).toMatch(/ENOSPC/);
	});

	it('finds errors nested in details (the storage logger passes arrays)', () => {
		createLogger('warn', {}, 'json').warn('bus error', { details: [failure()] });
		const entry = JSON.parse(lines[0]);
		expect(entry.details[0].stack).toMatch(/append failed/);
	});
});

describe('text format', () => {
	it('writes `time LEVEL message {details}` with the stack indented below', () => {
		createLogger('info', { instance: 'x' }, 'text').error('store append failed', {
			error: failure()
		});
		expect(lines).toHaveLength(1);
		const [first, ...rest] = lines[0].trimEnd().split('\n');
		expect(first).toMatch(
			/^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR store append failed \{"instance":"x","error":\{"type":"Error","message":"append failed"/
		);
		expect(rest[0]).toBe('    Error: append failed');
		expect(rest.some((l) => /^\s+at /.test(l))).toBe(true);
	});
});

describe('LOG_FORMAT default', () => {
	it('is json in production, text elsewhere, and LOG_FORMAT wins', () => {
		expect(defaultLogFormat({ NODE_ENV: 'production' })).toBe('json');
		expect(defaultLogFormat({})).toBe('text');
		expect(defaultLogFormat({ NODE_ENV: 'production', LOG_FORMAT: 'text' })).toBe('text');
		expect(defaultLogFormat({ LOG_FORMAT: 'JSON' })).toBe('json');
	});
});
