/**
 * Wires the review store into a board (call once while Board.svelte initialises): creates it,
 * provides it as context, loads it, keeps it live over socket.io and opens the detail panel for
 * a deep link `?eintrag=<itemId>` (from the inbox and "Meine Prüfaufgaben").
 */
import { onDestroy, untrack } from 'svelte';
import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { PlanRole } from '$lib/contract/roles';
import { itemName, type BoardController } from '$lib/board/controller.svelte';
import { toasts } from '$lib/components/toasts.svelte';
import { subscribePlan } from '$lib/realtime/client.svelte';
import { ReviewStore, setReview } from './state.svelte';

export function createBoardReview(
	planId: string,
	role: () => PlanRole,
	board: BoardController
): ReviewStore {
	const fieldOf = (id: string): string | null => {
		let entry = board.entry(id);
		while (entry && entry.type !== 'field') entry = board.entry(entry.parentId);
		return entry ? entry.item.id : null;
	};
	const store = new ReviewStore({
		planId,
		meId: page.data.principal?.id ?? '',
		role: untrack(role),
		fieldOf,
		itemName: (id) => {
			const entry = board.entry(id);
			return entry ? itemName(entry) : null;
		}
	});
	setReview(store);

	$effect(() => {
		store.role = role();
	});

	void store.load();
	const unsubscribe = subscribePlan(planId, {
		...store.handlers,
		rejoined: () => void store.refresh(),
		refused: (ack) => toasts.error(ack.message)
	});
	onDestroy(unsubscribe);

	// ?eintrag=<itemId>: open that item's detail panel once the plan is there
	let handled: string | null = null;
	$effect(() => {
		const id = page.url.searchParams.get('eintrag');
		if (!id || id === handled || !board.client.loaded) return;
		if (!board.entry(id)) return; // not synced yet, or deleted: wait / ignore
		handled = id;
		untrack(() => {
			board.open(id);
			void board.focusItem(id);
		});
	});

	// the panel of a deep link was closed: drop ?eintrag so a reload does not open it again
	$effect(() => {
		if (board.detailId !== null || handled === null) return;
		untrack(() => {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off copy to edit
			const url = new URL(page.url);
			if (url.searchParams.get('eintrag') !== handled) return;
			url.searchParams.delete('eintrag');
			handled = null;
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- the current page
			replaceState(url, page.state);
		});
	});

	return store;
}
