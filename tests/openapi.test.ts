/**
 * GET /api/openapi.json from the production bundle: public (no session), a valid OpenAPI 3.1
 * document (checked with @seriousme/openapi-schema-validator), with the registered routes, their
 * request body schemas, pagination parameters and security schemes, and nothing secret.
 * Needs `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { serverPool } from './helpers/server-pool';
import type { ServerProcess } from './helpers/server';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });
let server: ServerProcess;

type Op = {
	security: unknown[];
	parameters: Array<{ name: string; in: string }>;
	requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
	responses: Record<string, unknown>;
	'x-mitplan-policy': string;
};
let doc: {
	openapi: string;
	paths: Record<string, Record<string, Op>>;
	components: Record<string, unknown>;
};
let raw: string;

beforeAll(async () => {
	server = await start();
	const res = await fetch(`${server.httpUrl}/api/openapi.json`);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toContain('application/json');
	raw = await res.text();
	doc = JSON.parse(raw);
});

describe('GET /api/openapi.json', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		expect(doc.openapi).toBe('3.1.0');
		const result = await new Validator().validate(doc);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('has the registered routes with methods, bodies and policies', () => {
		const planCreate = doc.paths['/api/plans'].post;
		expect(planCreate['x-mitplan-policy']).toBe('plan.create');
		const body = planCreate.requestBody!.content['application/json'].schema;
		expect(body).toMatchObject({ type: 'object', required: ['title'] });
		expect(Object.keys(body.properties as object)).toEqual(
			expect.arrayContaining(['title', 'municipality', 'example'])
		);
		expect(doc.paths['/api/plans/{planId}'].patch['x-mitplan-policy']).toBe('plan.settings');
		expect(doc.paths['/api/plans/{planId}/members'].post.requestBody).toBeDefined();
		expect(doc.paths['/api/plans/{planId}/review-requests'].post.requestBody).toBeDefined();
		expect(doc.paths['/api/plans/{planId}/checks'].post.requestBody).toBeDefined();
		expect(doc.paths['/api/plans/{planId}/zeitplan'].put.requestBody).toBeDefined();
		expect(doc.paths['/api/plans/{planId}/umsetzung/sammel'].post.requestBody).toBeDefined();
		expect(
			doc.paths['/api/plans/{planId}/members/{userId}'].patch.parameters.map((p) => p.name)
		).toEqual(['planId', 'userId']);
	});

	it('describes pagination and who may use API tokens', () => {
		const members = doc.paths['/api/plans/{planId}/members'].get;
		expect(members.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual([
			'limit',
			'cursor'
		]);
		expect(JSON.stringify(members.responses['200'])).toContain('X-Next-Cursor');
		const audit = doc.paths['/api/plans/{planId}/audit'].get.parameters.find(
			(p) => p.name === 'limit'
		) as unknown as { schema: { maximum: number } };
		expect(audit.schema.maximum).toBe(5000);
		expect(doc.paths['/api/plans'].get.security).toEqual([{ session: [] }, { bearer: [] }]);
		expect(doc.paths['/api/auth/tokens'].post.security).toEqual([{ session: [] }]);
		expect(doc.paths['/api/health'].get.security).toEqual([]);
		expect(doc.components).toHaveProperty('securitySchemes.bearer.scheme', 'bearer');
	});

	it('describes the query parameters a route reads, and the newly paginated lists', () => {
		type Param = { name: string; in: string; required: boolean };
		const query = (path: string) =>
			(doc.paths[path].get.parameters as unknown as Param[])
				.filter((p) => p.in === 'query')
				.map((p) => `${p.name}${p.required ? '!' : ''}`);
		const plan = '/api/plans/{planId}';
		expect(query(`${plan}/compare`)).toEqual(['from!', 'to!']);
		expect(query(`${plan}/history`)).toEqual(['itemId', 'limit', 'cursor']);
		expect(query(`${plan}/votes`)).toEqual(['sessionId', 'limit', 'cursor']);
		expect(query(`${plan}/umsetzung/bericht.pdf`)).toEqual(['von', 'bis', 'sprache']);
		expect(query(`${plan}/export.pdf`)).toEqual(
			expect.arrayContaining(['type', 'fields', 'orientation', 'draft', 'consideration'])
		);
		for (const list of ['sitzungen', 'sitzungen/beschluesse', 'indikatoren', 'rounds/abwaegung']) {
			expect(query(`${plan}/${list}`), list).toEqual(expect.arrayContaining(['limit', 'cursor']));
		}
		expect(query('/api/review-queue')).toEqual(['limit', 'cursor']);
		// Bodies of the routes converted last: Sitzungen, votes, accounts.
		for (const [path, method] of [
			[`${plan}/sitzungen/{sessionId}/steuerung`, 'post'],
			[`${plan}/sitzungen/{sessionId}/ideen-gruppen`, 'post'],
			[`${plan}/sitzungen/{sessionId}/protokoll`, 'patch'],
			[`${plan}/votes/{voteId}/ballot`, 'put'],
			['/api/auth/login', 'post'],
			['/api/plan-import', 'post']
		] as const) {
			expect(doc.paths[path][method].requestBody, `${method} ${path}`).toBeDefined();
		}
	});

	it('holds no secrets or data', () => {
		expect(raw).not.toMatch(/admin@mitplan\.test|test-passwort|mp_[A-Za-z0-9_-]{43}/i);
	});
});
