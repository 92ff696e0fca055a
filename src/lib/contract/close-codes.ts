/**
 * Websocket close codes of the /sync/<planId> endpoint, shared by server and browser.
 * 4000–4999 are application codes; the browser shows `closeMessage(code)` (src/lib/sync/
 * close-messages.ts, in the interface language) to the user. The close reason is for logs only.
 */
export const CloseCode = {
	/** Normal shutdown of the server (clients reconnect). */
	GoingAway: 1001,
	/** A message over SYNC_MAX_MESSAGE_BYTES (set by the ws library). */
	TooLarge: 1009,
	/** Not signed in, session expired, or the sync token is invalid or expired. */
	Unauthenticated: 4001,
	/** Signed in but no access to this plan (or access was revoked while connected). */
	Forbidden: 4003,
	/** The principal's role changed: the client reconnects and gets its new role (or 4003). */
	AccessChanged: 4005,
	/** The Origin header is not this server's address (cross-site websocket). */
	CrossOrigin: 4013,
	/** A message that is not a valid y-websocket message. */
	Malformed: 4400,
	/** The plan id is not valid (1–64 characters of A–Z a–z 0–9 _ -). */
	InvalidPlanId: 4401,
	/** No plan with this id exists. */
	PlanNotFound: 4404,
	/** The plan was deleted while connected. */
	PlanDeleted: 4410,
	/**
	 * A change over a plan limit: a text over 20,000 characters, the plan over PLAN_MAX_BYTES or
	 * PLAN_MAX_ENTRIES (then only deletions are accepted). The change is not stored.
	 */
	PlanTooLarge: 4413,
	/**
	 * A change the sender's role may not make (plan settings are the owner's) or that does not fit
	 * the plan layout (unknown area or field, invalid value). The change is not stored.
	 */
	Refused: 4422,
	/** Too many connections (per plan or in total). */
	TooManyConnections: 4429,
	/** Storage could not load the plan. */
	StorageUnavailable: 4503
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which reconnecting makes no sense. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
	CloseCode.InvalidPlanId,
	CloseCode.PlanNotFound,
	CloseCode.PlanDeleted,
	CloseCode.Unauthenticated,
	CloseCode.Forbidden,
	CloseCode.CrossOrigin,
	// Reconnecting would send the refused change again.
	CloseCode.PlanTooLarge,
	CloseCode.Refused
]);
