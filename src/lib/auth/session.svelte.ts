/**
 * Session helpers for the UI: which pages need no login, where to go after logging in, and the
 * presence colour of a principal. The principal itself comes from the root layout's load
 * (`page.data.principal`, refreshed with `invalidate('app:session')`).
 */
import type { Principal } from './types';

/** Avatar colours with at least 4.5:1 contrast to white text (the initials). */
const USER_COLORS: readonly string[] = [
	'#1d4ed8',
	'#b91c1c',
	'#047857',
	'#7e22ce',
	'#b45309',
	'#0e7490',
	'#be185d',
	'#4d5b18',
	'#334155'
];

/** Login, first start and invitation pages work without being signed in. */
export function isPublicPath(pathname: string): boolean {
	const path = pathname.replace(/\/+$/, '') || '/';
	return (
		path === '/anmelden' ||
		path === '/anmelden/sso-fehler' || // why a single sign-on failed
		path === '/einrichten' ||
		path === '/gast-beendet' ||
		path.startsWith('/passwort-neu/') ||
		path.startsWith('/einladung/') ||
		path.startsWith('/beteiligung/') || // public feedback round link
		path.startsWith('/umsetzung/') || // public progress page of an adopted plan
		['/impressum', '/datenschutz', '/barrierefreiheit'].includes(path) // legal pages
	);
}

/**
 * The `next` parameter of the login page, if it is a same-site relative path ("/plans/x");
 * anything else ("//evil.example", "https://…", "/\\evil") becomes "/".
 */
export function safeNext(value: string | null | undefined): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return '/';
	}
	if ([...value].some((ch) => ch.charCodeAt(0) < 32)) return '/';
	if (value.startsWith('/anmelden') || value.startsWith('/einrichten')) return '/';
	return value;
}

/** A stable avatar colour per person (from the id). */
export function colorFor(principal: Pick<Principal, 'id'>): string {
	let hash = 0;
	for (const ch of principal.id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
	return USER_COLORS[hash % USER_COLORS.length]!;
}

/** "Anna Schmidt" or "Ben (Gast)" for headers and lists. */
export function principalLabel(principal: Principal): string {
	return principal.kind === 'guest' ? `${principal.name} (Gast)` : principal.name;
}
