/**
 * Every endpoint under src/routes/api is described in the route registry (./routes.ts), so
 * GET /api/openapi.json is complete: a new `+server.ts` method without its `defineRoute` line
 * fails here, naming it. Registered routes that no longer exist fail too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredRoutes } from './registry';
import './routes';

const API_DIR = path.resolve('src/routes/api');

/** `METHOD /api/…/{param}` for every exported handler of every +server.ts below src/routes/api. */
function endpoints(dir = API_DIR): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) found.push(...endpoints(full));
		else if (entry.name === '+server.ts') {
			const route =
				'/api' +
				path
					.relative(API_DIR, dir)
					.split(path.sep)
					.filter(Boolean)
					.map((part) => '/' + part.replace(/\[(\w+)\]/g, '{$1}'))
					.join('');
			const source = readFileSync(full, 'utf8');
			for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
				found.push(`${m[1]} ${route}`);
			}
		}
	}
	return found;
}

describe('route registry coverage', () => {
	it('describes every API endpoint, and only existing ones', () => {
		const actual = new Set(endpoints());
		const registered = new Set(registeredRoutes().map((r) => `${r.method} ${r.path}`));
		expect([...actual].filter((e) => !registered.has(e)).sort()).toEqual([]);
		expect([...registered].filter((e) => !actual.has(e)).sort()).toEqual([]);
	});
});
