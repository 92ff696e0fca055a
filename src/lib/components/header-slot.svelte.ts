import type { Snippet } from 'svelte';

/**
 * Lets a page put extra content (e.g. presence avatars and the connection status of the board)
 * into the global header rendered by the root layout.
 */
class HeaderSlot {
	content = $state.raw<Snippet | null>(null);
}

export const headerSlot = new HeaderSlot();
