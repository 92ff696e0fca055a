/**
 * Why a guest's access ended, in German, for the API's 401. The page /gast-beendet shows the same
 * texts from the message files (admin_guest_ended_*), in the interface language.
 */
export const GUEST_ENDED_MESSAGES = {
	invite_revoked:
		'Die Einladung, über die Sie als Gast teilgenommen haben, wurde zurückgezogen. Bitten Sie die Person, die den Plan verwaltet, um einen neuen Link.',
	invite_expired:
		'Die Einladung, über die Sie als Gast teilgenommen haben, ist abgelaufen. Bitten Sie die Person, die den Plan verwaltet, um einen neuen Link.',
	guest_removed:
		'Die Person, die den Plan verwaltet, hat Ihren Gastzugang beendet. Wenn das ein Versehen war, bitten Sie sie um einen neuen Einladungslink.'
} as const;

export type GuestEndedReason = keyof typeof GUEST_ENDED_MESSAGES;

export function isGuestEndedReason(value: unknown): value is GuestEndedReason {
	return typeof value === 'string' && Object.hasOwn(GUEST_ENDED_MESSAGES, value);
}

/** The page that explains it. */
export const guestEndedPath = (reason: GuestEndedReason) => `/gast-beendet?grund=${reason}`;
