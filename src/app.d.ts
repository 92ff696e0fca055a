import type { MitplanBackend } from '$lib/contract/backend';
import type { Principal } from '$lib/contract/access';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			backend: MitplanBackend;
			/** The signed-in user or guest (null when not signed in). */
			principal: Principal | null;
			/** The raw session cookie value of a valid session. */
			sessionToken: string | undefined;
			/** Set when the cookie was a guest session that ended (revoked, expired, removed). */
			guestEnded?: import('$lib/auth/guest-ended').GuestEndedReason;
		}
	}
}

export {};
