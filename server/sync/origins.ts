/** Transaction origins of a room's document: where an update came from decides whether it is stored and published. */

/** Origin of updates loaded from the store (never stored again). */
export const ORIGIN_STORE = Symbol('mitplan:store');
/** Origin of updates received from another instance (never stored or published again). */
export const ORIGIN_BUS = Symbol('mitplan:bus');
/** Origin of changes the server itself makes (API: rename); stored and published like a client's. */
export const ORIGIN_SERVER = Symbol('mitplan:server');
