// The access log's URL redaction, and one line per request from a real server (JSON format).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggablePath } from './access-log';
import { startInProcess, tempDir } from '../../tests/helpers/server';

describe('loggablePath', () => {
	it('replaces token segments and secret query values', () => {
		expect(loggablePath('/einladung/abcDEF123')).toBe('/einladung/…');
		expect(loggablePath('/api/invites/abc/accept')).toBe('/api/invites/…/accept');
		expect(loggablePath('/api/kalender/f00.ics')).toBe('/api/kalender/….ics');
		expect(loggablePath('/beteiligung/t0k3n?x=1')).toBe('/beteiligung/…?x=1');
		expect(loggablePath('/umsetzung/t0k3n')).toBe('/umsetzung/…');
		expect(loggablePath('/api/public/umsetzung/t0k3n')).toBe('/api/public/umsetzung/…');
		expect(loggablePath('/passwort-neu/geheim')).toBe('/passwort-neu/…');
		expect(loggablePath('/sync/p1?token=geheim&room=p1')).toBe('/sync/p1?token=…&room=p1');
		expect(loggablePath('/api/plans/p1/transfer')).toBe('/api/plans/p1/transfer');
		expect(loggablePath('/x?' + 'a'.repeat(1000))).toHaveLength(300);
	});
});

describe('access log of a running server', () => {
	let server: Awaited<ReturnType<typeof startInProcess>>;
	const data = tempDir();
	const lines: string[] = [];
	let restore: () => void;

	beforeAll(async () => {
		server = await startInProcess({ DATA_DIR: data.dir, LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
		const write = process.stderr.write.bind(process.stderr);
		process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
			lines.push(String(chunk));
			return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof process.stderr.write;
		restore = () => (process.stderr.write = write);
	});
	afterAll(async () => {
		restore();
		await server.close();
		data.remove();
	});

	it('logs method, redacted path, status and duration, never cookies or tokens', async () => {
		const res = await fetch(`${server.httpUrl}/einladung/supergeheim?token=auchgeheim&x=1`, {
			headers: { cookie: 'mitplan_session=keks-geheim', authorization: 'Bearer traeger-geheim' }
		});
		await res.arrayBuffer();
		let entry: Record<string, unknown> | undefined;
		for (let i = 0; i < 50 && !entry; i++) {
			const line = lines.find((l) => l.includes('"request"'));
			if (line) entry = JSON.parse(line);
			else await new Promise((r) => setTimeout(r, 20));
		}
		expect(entry).toMatchObject({
			level: 'info',
			msg: 'request',
			log: 'access',
			method: 'GET',
			path: '/einladung/…?token=…&x=1',
			status: res.status
		});
		expect(typeof entry!.durationMs).toBe('number');
		const all = lines.join('');
		for (const secret of ['supergeheim', 'auchgeheim', 'keks-geheim', 'traeger-geheim']) {
			expect(all).not.toContain(secret);
		}
	});
});
