/**
 * HTTP helpers for tests against spawned servers: reading a JSON body with the expected status,
 * the error of an error answer, a cookie session for another instance's base URL, and starting a
 * server with one retry (the shared machine can be slow to start one).
 */
import { expect } from 'vitest';
import type { HttpSession } from './auth';
import { spawnServer, type ServerProcess } from './server';

/** The header the servers are told to trust for the client address (ADDRESS_HEADER). */
export const TEST_ADDRESS_HEADER = 'x-test-address';

/** The JSON body (or null when empty) of a response that must have `status`. */
export async function body<T>(res: Response, status: number): Promise<T> {
	const text = await res.text();
	expect(res.status, text).toBe(status);
	return (text ? JSON.parse(text) : null) as T;
}

export async function errorOf(
	res: Response,
	status: number
): Promise<{ code: string; message: string }> {
	return (await body<{ error: { code: string; message: string } }>(res, status)).error;
}

/** A cookie session like `login`, for any base URL (the same cookie works on every instance). */
export function sessionOn(baseUrl: string, cookie: string, address?: string): HttpSession {
	return {
		cookie,
		request(path, init = {}) {
			const headers = new Headers(init.headers);
			headers.set('cookie', cookie);
			if (address) headers.set(TEST_ADDRESS_HEADER, address);
			let payload = init.body;
			if (init.json !== undefined) {
				headers.set('content-type', 'application/json');
				payload = JSON.stringify(init.json);
			}
			return fetch(`${baseUrl}${path}`, { ...init, headers, body: payload });
		}
	};
}

/** spawnServer, tried once more when the first start fails. */
export async function spawnPatiently(env: Record<string, string>): Promise<ServerProcess> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await spawnServer(env);
		} catch (error) {
			if (attempt >= 2) throw error;
		}
	}
}
