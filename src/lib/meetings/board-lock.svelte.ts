/**
 * The board's view of a running session's structure lock: reads the running session on open
 * (`GET …/sitzungen` + its view), then follows `meeting:state` pushes in the plan room. Sets
 * `board.structureLocked` while a session locks the structure and the person is neither owner
 * nor allowed to facilitate it, so the board does not offer actions the sync server would refuse.
 */
import { getSocket, subscribePlan } from '$lib/realtime/client.svelte';
import type { MeetingLive, MeetingPush } from '$lib/contract/meetings';
import type { PlanRole } from '$lib/contract/roles';
import { meetingsApi } from './api';

interface LockTarget {
	structureLocked: boolean;
}

/** Watches the plan's sessions; returns the function that stops it. */
export function watchStructureLock(
	planId: string,
	role: () => PlanRole,
	board: LockTarget
): () => void {
	let sessionId: string | null = null;
	let live: MeetingLive | null = null;
	/** Sessions this person may facilitate (exempt from the lock). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not rendered
	const facilitates = new Map<string, boolean>();
	let stopped = false;

	const update = () => {
		const exempt =
			role() === 'owner' || (sessionId !== null && facilitates.get(sessionId) === true);
		board.structureLocked = !!live && live.status === 'laufend' && live.locked && !exempt;
	};

	const learn = async (id: string) => {
		if (facilitates.has(id)) return;
		const view = await meetingsApi.view(planId, id);
		if (stopped || !view.ok) return;
		facilitates.set(id, view.value.canFacilitate);
		if (sessionId === id && (!live || view.value.live.revision >= live.revision)) {
			live = view.value.live;
		}
		update();
	};

	const load = async () => {
		const list = await meetingsApi.list(planId);
		if (stopped || !list.ok) return;
		const running = list.value.find((m) => m.status === 'laufend');
		if (!running) {
			if (sessionId === null) live = null;
			update();
			return;
		}
		sessionId = running.id;
		facilitates.delete(running.id);
		await learn(running.id);
	};

	const onState = (push: MeetingPush) => {
		if (push.planId !== planId) return;
		if (push.sessionId !== sessionId) {
			if (push.live.status !== 'laufend') return; // another session, not running
			sessionId = push.sessionId;
			live = null;
		}
		if (!live || push.live.revision >= live.revision) live = push.live;
		update();
		void learn(push.sessionId);
	};

	const socket = getSocket();
	socket.on('meeting:state', onState);
	const leave = subscribePlan(planId, { rejoined: () => void load() });
	void load();
	return () => {
		stopped = true;
		socket.off('meeting:state', onState);
		leave();
		board.structureLocked = false;
	};
}
