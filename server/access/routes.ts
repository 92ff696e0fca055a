/**
 * The route table of the access gate: which pages and API endpoints answer without a session.
 * Everything not listed here needs a signed-in principal (pages redirect to /anmelden, the API
 * answers 401); per-plan rules are the policy table (src/lib/contract/policy.ts).
 */

interface PublicRoute {
	/** Path pattern (pathname, no query). */
	path: RegExp;
	/** Methods allowed without a session; omitted: all. */
	methods?: readonly string[];
	/** Why it is public (read, not used). */
	why: string;
}

/** Pages anyone may open. */
export const PUBLIC_PAGES: readonly PublicRoute[] = [
	{ path: /^\/anmelden\/?$/, why: 'sign-in' },
	{ path: /^\/einrichten\/?$/, why: 'first start: create the first administrator' },
	{ path: /^\/gast-beendet\/?$/, why: 'a guest whose access ended learns why' },
	{ path: /^\/passwort-neu\/[^/]+\/?$/, why: 'password reset link made by the Administration' },
	{ path: /^\/einladung\/[^/]+\/?$/, why: 'invite link' },
	{ path: /^\/beteiligung\/[^/]+\/?$/, why: 'public feedback round link (server/feedback)' },
	{
		path: /^\/umsetzung\/[^/]+\/?$/,
		methods: ['GET', 'HEAD'],
		why: 'public progress page of an adopted plan (server/monitoring/publication.ts)'
	},
	{
		path: /^\/(impressum|datenschutz|barrierefreiheit)\/?$/,
		why: 'legal pages every public website must have (server/legal)'
	},
	{
		path: /^\/auth\/oidc\/(start|callback)\/?$/,
		methods: ['GET'],
		why: 'single sign-on: to the provider and back (server/auth/oidc)'
	},
	{ path: /^\/anmelden\/sso-fehler\/?$/, why: 'why a single sign-on failed' }
];

/** API endpoints that answer without a session (each checks its own input). */
export const PUBLIC_API: readonly PublicRoute[] = [
	{ path: /^\/api\/health$/, why: 'load balancer health check' },
	{
		path: /^\/api\/openapi\.json$/,
		methods: ['GET', 'HEAD'],
		why: 'OpenAPI description of the API (routes and shapes only, no data)'
	},
	{ path: /^\/api\/legal\/[^/]+$/, methods: ['GET'], why: 'legal pages (server/legal)' },
	{ path: /^\/api\/setup$/, why: 'first start' },
	{ path: /^\/api\/auth\/(login|logout|me)$/, why: 'sign in, sign out, who am I' },
	{ path: /^\/api\/auth\/sso$/, methods: ['GET'], why: 'is single sign-on offered (button)' },
	{ path: /^\/api\/invites\/[^/]+$/, methods: ['GET'], why: 'what an invite link offers' },
	{ path: /^\/api\/invites\/[^/]+\/guest$/, methods: ['POST'], why: 'join as guest' },
	{ path: /^\/api\/auth\/reset\/[^/]+$/, methods: ['POST'], why: 'set a password by reset link' },
	{ path: /^\/api\/public\/rounds\/[^/]+$/, methods: ['GET'], why: 'public feedback round' },
	{
		path: /^\/api\/public\/umsetzung\/[^/]+(\/bericht\.pdf)?$/,
		methods: ['GET'],
		why: 'public progress page as JSON and its report PDF (revocable token, server/monitoring)'
	},
	{
		path: /^\/api\/kalender\/[^/]+\.ics$/,
		methods: ['GET', 'HEAD'],
		why: 'calendar feed of a member (revocable token, server/schedule)'
	},
	{
		path: /^\/api\/public\/rounds\/[^/]+\/submissions$/,
		methods: ['POST'],
		why: 'public feedback submission'
	}
];

export function isApiPath(path: string): boolean {
	return path === '/api' || path.startsWith('/api/');
}

function matches(table: readonly PublicRoute[], method: string, path: string): boolean {
	return table.some((r) => r.path.test(path) && (!r.methods || r.methods.includes(method)));
}

/** True if this request may be answered without a session. */
export function isPublicRoute(method: string, path: string): boolean {
	return isApiPath(path) ? matches(PUBLIC_API, method, path) : matches(PUBLIC_PAGES, method, path);
}
