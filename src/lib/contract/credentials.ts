/**
 * Names and limits of the credentials both sides handle: the session cookie the SvelteKit app
 * sets and the gate (server/access) reads on every request, websocket and socket.io handshake.
 */

/** Name of the session cookie (httpOnly, SameSite=Lax, Secure behind HTTPS). */
export const SESSION_COOKIE = 'mitplan_session';

/** Longest cookie or token value we even look at; anything longer is malformed. */
export const MAX_CREDENTIAL_LENGTH = 2048;
