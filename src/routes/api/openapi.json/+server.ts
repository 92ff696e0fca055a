/**
 * GET /api/openapi.json – the OpenAPI 3.1 description of the JSON API, built from the route
 * registry ($lib/server/api/routes.ts). Public (server/access/routes.ts): it holds routes and
 * shapes, no data and no secrets.
 */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { openApiDocument } from '$lib/server/api/openapi';

let cached: { version: string; doc: unknown } | null = null;

export const GET: RequestHandler = ({ locals }) => {
	const version = locals.backend.info.version;
	if (cached?.version !== version) cached = { version, doc: openApiDocument(version) };
	return json(cached.doc);
};
