/**
 * The schema layer: parseBody/parseQuery answer 400 `invalid_input` with the field and a German
 * message naming it; valid input passes unchanged (unknown keys of loose objects included); the
 * registry refuses a route registered twice; every registered body converts to JSON Schema.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { toJsonSchema } from '@valibot/to-json-schema';
import { check, parseBody, parseQuery } from './schema';
import { defineRoute, registeredRoutes } from './registry';
import { ROUTES } from './routes';
import * as S from './schemas';

const post = (body: unknown) =>
	new Request('http://x/api', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

async function refusal(res: Response) {
	expect(res.status).toBe(400);
	return ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;
}

describe('parseBody', () => {
	it('passes valid input through, unknown keys of loose objects included', async () => {
		const r = await parseBody(post({ title: 'Plan', example: true, extra: 1 }), S.PlanCreate);
		expect(r).toEqual({ ok: true, value: { title: 'Plan', example: true, extra: 1 } });
	});

	it('leaves a missing required field to the service (its older codes stay)', async () => {
		const r = await parseBody(post({ municipality: 'Ort' }), S.PlanCreate);
		expect(r).toEqual({ ok: true, value: { municipality: 'Ort' } });
	});

	it('names a missing field in German where asked to check presence', async () => {
		const r = check({ municipality: 'Ort' }, S.PlanCreate);
		expect(r.ok).toBe(false);
		const e = await refusal((r as { response: Response }).response);
		expect(e).toEqual({ code: 'invalid_input', field: 'title', message: 'Feld „title“: fehlt.' });
	});

	it('names a wrongly typed field, nested fields by their path', async () => {
		const typed = await parseBody(post({ title: 5 }), S.PlanCreate);
		expect(await refusal((typed as { response: Response }).response)).toMatchObject({
			field: 'title',
			message: 'Feld „title“: muss ein Text sein.'
		});
		const nested = await parseBody(
			post({ scope: { kind: 'plan' }, reviewerIds: ['a', 7], dueDate: '2026-12-01' }),
			S.ReviewRequestCreate
		);
		expect(await refusal((nested as { response: Response }).response)).toMatchObject({
			field: 'reviewerIds.1'
		});
	});

	it('lists the allowed values of a choice', async () => {
		const r = await parseBody(post({ email: 'a@b.de', role: 'chef' }), S.MemberAdd);
		const e = await refusal((r as { response: Response }).response);
		expect(e.field).toBe('role');
		expect(e.message).toContain('„owner“, „editor“, „reviewer“, „viewer“');
	});

	it('keeps the earlier answers for bodies that are no JSON object', async () => {
		const notJson = await parseBody(post('{'), S.PlanCreate);
		expect(await refusal((notJson as { response: Response }).response)).toMatchObject({
			code: 'invalid_json'
		});
		const list = await parseBody(post([1]), S.PlanCreate);
		expect(await refusal((list as { response: Response }).response)).toMatchObject({
			code: 'invalid_body'
		});
	});

	it('refuses unknown keys where the schema is strict (API tokens)', async () => {
		const r = await parseBody(
			post({ name: 'x', maxRole: 'viewer', admin: true }),
			S.ApiTokenCreate
		);
		expect(await refusal((r as { response: Response }).response)).toMatchObject({
			field: 'admin',
			message: 'Feld „admin“: ist unbekannt.'
		});
	});
});

describe('parseQuery', () => {
	it('checks query parameters against a schema', () => {
		const schema = v.object({ kind: v.optional(v.picklist(['all', 'security'])) });
		expect(parseQuery(new URL('http://x/?kind=security'), schema)).toEqual({
			ok: true,
			value: { kind: 'security' }
		});
		expect(parseQuery(new URL('http://x/?kind=alles'), schema).ok).toBe(false);
	});
});

describe('registry', () => {
	it('refuses registering the same method and path twice', () => {
		expect(() =>
			defineRoute({ method: 'GET', path: '/api/plans', summary: 'x', tag: 'x', policy: 'public' })
		).toThrow(/doppelt/);
	});

	it('handlers and the document share the schema objects; every body converts', () => {
		expect(ROUTES.planCreate.body).toBe(S.PlanCreate);
		for (const route of registeredRoutes()) {
			if (!route.body) continue;
			const schema = toJsonSchema(route.body, { target: 'draft-2020-12', errorMode: 'throw' });
			expect(schema.type, `${route.method} ${route.path}`).toBe('object');
		}
	});
});
