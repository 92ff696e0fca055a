/**
 * A session's idea wall in the browser: loads it over the API, then applies `ideas:changed`
 * pushes from the shared socket.io connection (newer revisions win; a hidden idea's text is not
 * pushed, so the one already known is kept). After a reconnect it loads again (missed pushes).
 */
import type { IdeaCluster, IdeaPush, IdeaView } from '$lib/contract/ideas';
import { getSocket, subscribePlan } from '$lib/realtime/client.svelte';
import { ideasApi } from './api';
import { mergeIdeas } from './model';

export class LiveIdeas {
	ideas = $state.raw<IdeaView[]>([]);
	clusters = $state.raw<IdeaCluster[]>([]);
	canAdd = $state(false);
	canModerate = $state(false);
	ended = $state(false);
	loaded = $state(false);
	error = $state<string | null>(null);

	constructor(
		readonly planId: string,
		readonly sessionId: string
	) {}

	async load(): Promise<void> {
		const r = await ideasApi.wall(this.planId, this.sessionId);
		if (!r.ok) {
			this.error = r.error.message;
			return;
		}
		this.error = null;
		this.ideas = r.value.ideas;
		this.clusters = r.value.clusters;
		this.canAdd = r.value.canAdd;
		this.canModerate = r.value.canModerate;
		this.ended = r.value.ended;
		this.loaded = true;
	}

	/** Takes ideas answered by a request or pushed by the server. */
	take(changed: IdeaView[]): void {
		const kept = changed.map((i) => {
			const had = i.hidden && i.text === '' ? this.ideas.find((x) => x.id === i.id) : undefined;
			return had?.text ? { ...i, text: had.text } : i;
		});
		this.ideas = mergeIdeas(this.ideas, kept);
	}

	/** Ideas everyone sees (not hidden). */
	get visible(): IdeaView[] {
		return this.ideas.filter((i) => !i.hidden);
	}

	/** Connects; returns the function that stops listening. */
	start(): () => void {
		const socket = getSocket();
		const onPush = (push: IdeaPush) => {
			if (push.planId !== this.planId || push.sessionId !== this.sessionId) return;
			this.take(push.ideas);
			if (push.clusters) this.clusters = push.clusters;
		};
		socket.on('ideas:changed', onPush);
		const leave = subscribePlan(this.planId, { rejoined: () => void this.load() });
		void this.load();
		return () => {
			socket.off('ideas:changed', onPush);
			leave();
		};
	}
}
