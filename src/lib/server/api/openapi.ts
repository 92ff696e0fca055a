/**
 * Builds the OpenAPI 3.1 document of the JSON API from the route registry (./routes.ts):
 * paths, methods, path and query parameters, request bodies (JSON Schema 2020-12 from the valibot
 * schemas), the success status, the shared error shape and who may call each route
 * (`x-mitplan-policy`, the action of the policy table in $lib/contract/policy).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { SESSION_COOKIE } from '$lib/contract/credentials';
import { PAGE_DEFAULT, PAGE_MAX } from './pagination';
import { registeredRoutes, type RouteDef } from './registry';
import type { AnySchema } from './schema';
import './routes';

type Json = Record<string, unknown>;

const schemaOf = (schema: AnySchema): Json => {
	const { $schema: _drop, ...rest } = toJsonSchema(schema, {
		target: 'draft-2020-12',
		errorMode: 'ignore'
	}) as Json;
	return rest;
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: ERROR_REF } }
});

const pageParams = (paginated: RouteDef['paginated']) => {
	const { defaultLimit, maxLimit } =
		typeof paginated === 'object' ? paginated : { defaultLimit: PAGE_DEFAULT, maxLimit: PAGE_MAX };
	return [
		{
			name: 'limit',
			in: 'query',
			required: false,
			description: `Einträge je Seite (Standard ${defaultLimit}, höchstens ${maxLimit}).`,
			schema: { type: 'integer', minimum: 1, maximum: maxLimit }
		},
		{
			name: 'cursor',
			in: 'query',
			required: false,
			description: 'Der Wert aus `X-Next-Cursor` der vorigen Seite.',
			schema: { type: 'string' }
		}
	];
};

function operation(route: RouteDef): Json {
	const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
		name: m[1],
		in: 'path',
		required: true,
		schema: { type: 'string' }
	}));
	const query: Json[] = [];
	if (route.query) {
		const q = schemaOf(route.query) as { properties?: Record<string, Json>; required?: string[] };
		for (const [name, schema] of Object.entries(q.properties ?? {})) {
			query.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
		}
	}
	if (route.paginated) query.push(...pageParams(route.paginated));
	const status = String(route.status ?? 200);
	const ok: Json = { description: status === '204' ? 'Erfolg, ohne Inhalt' : 'Erfolg' };
	if (route.response) ok.content = { 'application/json': { schema: schemaOf(route.response) } };
	if (route.paginated) {
		ok.headers = {
			'X-Next-Cursor': {
				description: 'Cursor der nächsten Seite (fehlt auf der letzten).',
				schema: { type: 'string' }
			},
			Link: {
				description: '`<…>; rel="next"`: Adresse der nächsten Seite.',
				schema: { type: 'string' }
			}
		};
	}
	const responses: Json = { [status]: ok };
	if (route.body || route.query || route.paginated || params.length > 0) {
		responses['400'] = errorResponse('Ungültige Eingabe (`invalid_input` mit `field`)');
	}
	if (route.policy !== 'public') {
		responses['401'] = errorResponse('Nicht angemeldet, API-Schlüssel ungültig oder abgelaufen');
		responses['403'] = errorResponse('Rolle zu niedrig, oder nicht mit einem API-Schlüssel');
	}
	if (route.path.includes('{planId}')) {
		responses['404'] = errorResponse('Plan (oder Eintrag) nicht gefunden oder nicht zugänglich');
	}
	const op: Json = {
		operationId: `${route.method.toLowerCase()}${route.path
			.replace(/[{}.]/g, '')
			.split(/[/-]/)
			.map((s) => (s ? s[0].toUpperCase() + s.slice(1) : ''))
			.join('')}`,
		summary: route.summary,
		tags: [route.tag],
		'x-mitplan-policy': route.policy,
		parameters: [...params, ...query],
		responses,
		security:
			route.policy === 'public'
				? []
				: route.noToken
					? [{ session: [] }]
					: [{ session: [] }, { bearer: [] }]
	};
	if (route.body) {
		op.requestBody = {
			required: true,
			content: { 'application/json': { schema: schemaOf(route.body) } }
		};
	}
	return op;
}

/** The OpenAPI 3.1 document (no secrets: routes, shapes and rules only). */
export function openApiDocument(version: string): Json {
	const paths: Record<string, Json> = {};
	for (const route of registeredRoutes()) {
		(paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Mitplan-API',
			version,
			description:
				'JSON-API von Mitplan. Anmeldung per Sitzungs-Cookie oder, für Skripte, mit einem persönlichen API-Schlüssel (`Authorization: Bearer mp_…`, angelegt unter „Konto“). Fehler: `{error: {code, message, field?}}` mit deutscher `message`. Listen mit `limit`/`cursor` liefern weiter ein JSON-Array; die nächste Seite nennt `X-Next-Cursor`.'
		},
		servers: [{ url: '/' }],
		paths,
		components: {
			securitySchemes: {
				session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
				bearer: { type: 'http', scheme: 'bearer', description: 'Persönlicher API-Schlüssel `mp_…`' }
			},
			schemas: {
				Error: {
					type: 'object',
					required: ['error'],
					properties: {
						error: {
							type: 'object',
							required: ['code', 'message'],
							properties: {
								code: { type: 'string' },
								message: { type: 'string', description: 'Deutsch, für Menschen' },
								field: {
									type: 'string',
									description: 'Bei `invalid_input`: das Feld (Pfad mit Punkten)'
								}
							}
						}
					}
				}
			}
		}
	};
}
