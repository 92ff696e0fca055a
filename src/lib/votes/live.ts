/**
 * Live votes in the browser: joins the plan's socket.io room (through the shared socket of
 * src/lib/realtime/client.svelte.ts) and hands every `vote:updated` of this plan to `onvote`.
 */
import type { VoteView } from '$lib/contract/votes';
import { getSocket, subscribePlan } from '$lib/realtime/client.svelte';

export function subscribeVotes(
	planId: string,
	handlers: { onvote: (vote: VoteView) => void; onrejoin?: () => void }
): () => void {
	const socket = getSocket();
	const leave = subscribePlan(planId, { rejoined: handlers.onrejoin });
	const listener = (id: string, vote: VoteView) => {
		if (id === planId) handlers.onvote(vote);
	};
	socket.on('vote:updated', listener);
	return () => {
		socket.off('vote:updated', listener);
		leave();
	};
}
