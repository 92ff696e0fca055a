/**
 * Browser side of a guest whose access ended while the board was open (sync socket closed with
 * 4001/4003, or 401 from the API after a 4005): go to /gast-beendet with the reason the server
 * gives (GET /api/auth/me answers `guest_<reason>`), without one if it gives none.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { api } from '$lib/components/api';
import { isGuestEndedReason } from './guest-ended';

let leaving = false;

export async function showGuestEnded(): Promise<void> {
	if (leaving) return;
	leaving = true;
	try {
		const me = await api.me();
		if (me.ok) return; // still valid after all (e.g. a transient refusal): stay
		const reason = me.error.code.replace(/^guest_/, '');
		const query = isGuestEndedReason(reason) ? `?grund=${reason}` : '';
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- resolved path plus a fixed query
		await goto(`${resolve('/gast-beendet')}${query}`, { invalidateAll: true });
	} finally {
		leaving = false;
	}
}
