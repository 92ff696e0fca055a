/**
 * Websocket close codes of the /sync/<planId> endpoint, shared by server and browser.
 * 4000–4999 are application codes; the browser shows `closeMessage(code)` to the user.
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

export function closeMessage(code: number): string {
	switch (code) {
		case CloseCode.TooLarge:
			return 'Eine Änderung war zu groß und wurde vom Server abgelehnt.';
		case CloseCode.Unauthenticated:
			return 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.';
		case CloseCode.Forbidden:
			return 'Sie haben keinen Zugriff (mehr) auf diesen Plan. Bitten Sie die Prozesssteuerung des Plans um eine Einladung.';
		case CloseCode.AccessChanged:
			return 'Ihre Rolle in diesem Plan wurde geändert.';
		case CloseCode.CrossOrigin:
			return 'Die Verbindung wurde abgelehnt, weil die Seite nicht von Mitplans eigener Adresse geladen wurde. Bitte öffnen Sie Mitplan direkt über seine Adresse.';
		case CloseCode.Malformed:
			return 'Der Server hat eine ungültige Nachricht abgelehnt.';
		case CloseCode.InvalidPlanId:
			return 'Die Plan-Adresse ist ungültig.';
		case CloseCode.PlanNotFound:
			return 'Diesen Plan gibt es nicht (mehr).';
		case CloseCode.PlanDeleted:
			return 'Dieser Plan wurde gelöscht.';
		case CloseCode.PlanTooLarge:
			return 'Ihre letzte Änderung wurde nicht gespeichert: Der Plan oder der Text ist zu groß (höchstens 20.000 Zeichen je Text). Bitte laden Sie die Seite neu und kürzen Sie Inhalte.';
		case CloseCode.Refused:
			return 'Ihre letzte Änderung wurde nicht gespeichert: Ihre Rolle erlaubt sie nicht oder sie passt nicht zum Plan. Bitte laden Sie die Seite neu.';
		case CloseCode.TooManyConnections:
			return 'Zu viele gleichzeitige Verbindungen. Bitte später erneut versuchen.';
		case CloseCode.StorageUnavailable:
			return 'Der Speicher ist gerade nicht erreichbar. Es wird erneut versucht.';
		default:
			return 'Die Verbindung wurde unterbrochen. Es wird erneut versucht.';
	}
}
