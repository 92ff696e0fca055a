/**
 * Names and limits of the credentials both sides handle: the session cookie the SvelteKit app
 * sets and the gate (server/access) reads on every request, websocket and socket.io handshake.
 */

/** Name of the session cookie (httpOnly, SameSite=Lax, Secure behind HTTPS). */
export const SESSION_COOKIE = 'mitplan_session';

/** Longest cookie or token value we even look at; anything longer is malformed. */
export const MAX_CREDENTIAL_LENGTH = 2048;

/**
 * A guest session's cookie and stored record outlive the guest's access by this long (the record
 * is no longer valid, only readable), so a guest whose invite expired, was revoked or who was
 * removed is told why on /gast-beendet instead of landing on the login page.
 */
export const GUEST_ENDED_GRACE_MS = 14 * 24 * 3600 * 1000;
