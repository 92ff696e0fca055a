/**
 * The registry of described API routes: `defineRoute({...})` records a route's method, path,
 * summary, schemas and policy action once; the OpenAPI document (./openapi.ts) is built from it
 * and the route handler parses with the very same schemas (`route.body`). Registering a route is
 * one call in ./routes.ts.
 */
import type { AccountAction, PlanAction } from '$lib/contract/policy';
import type { AnySchema } from './schema';

/** Who may call the route: a plan action, an account action, or `public` (no sign-in). */
export type RoutePolicy = PlanAction | AccountAction | 'public';

export interface RouteDef<B extends AnySchema | undefined = AnySchema | undefined> {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** OpenAPI path with `{param}` placeholders, e.g. `/api/plans/{planId}/members`. */
	path: string;
	/** One German line. */
	summary: string;
	/** Grouping in the document (e.g. „Pläne“). */
	tag: string;
	body?: B;
	query?: AnySchema;
	/** Response body of the success status (documentation only). */
	response?: AnySchema;
	/** Success status (default 200; 201 for creations, 204 for no content). */
	status?: number;
	policy: RoutePolicy;
	/**
	 * Lists: `?limit=&cursor=` and the `X-Next-Cursor` header (./pagination.ts); an object when
	 * the route's page sizes differ from PAGE_DEFAULT / PAGE_MAX.
	 */
	paginated?: boolean | { defaultLimit: number; maxLimit: number };
	/** Not usable with a personal API token (account management). */
	noToken?: boolean;
}

const ROUTES: RouteDef[] = [];

/** Registers a route for the OpenAPI document and returns it (handlers use `.body`). */
export function defineRoute<B extends AnySchema | undefined = undefined>(
	def: RouteDef<B>
): RouteDef<B> & { body: B } {
	const key = `${def.method} ${def.path}`;
	const at = ROUTES.findIndex((r) => `${r.method} ${r.path}` === key);
	if (at >= 0) {
		// The dev server re-runs a changed registry file: its routes replace their old entries.
		if (!import.meta.hot) throw new Error(`API-Route doppelt registriert: ${key}`);
		ROUTES.splice(at, 1);
	}
	ROUTES.push(def as RouteDef);
	return def as RouteDef<B> & { body: B };
}

/** Every registered route, in registration order. */
export function registeredRoutes(): readonly RouteDef[] {
	return ROUTES;
}
