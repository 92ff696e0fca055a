/**
 * The board's view of the plan's running session: reads it on open (`GET …/sitzungen` + its
 * view), then follows `meeting:state` pushes in the plan room. Keeps the session's live state
 * (for "Alle zu mir", FollowNotice.svelte) and sets `board.structureLocked` with the same rule as
 * the sync server (`lockedFor`, model.ts), so the board does not offer actions it would refuse.
 */
import { getSocket, subscribePlan } from '$lib/realtime/client.svelte';
import type { MeetingLive, MeetingPush } from '$lib/contract/meetings';
import type { PlanRole } from '$lib/contract/roles';
import { meetingsApi } from './api';
import { lockExempt, lockedFor } from './model';

interface LockTarget {
	structureLocked: boolean;
}

/** The running session as the board sees it. */
export class BoardSession {
	/** The running session's id, or null when none runs. */
	sessionId = $state<string | null>(null);
	/** Its live state (null: none runs or not read yet). */
	live = $state.raw<MeetingLive | null>(null);
	/** The session's Moderation (for the lock rule). */
	facilitatorId = $state<string | null>(null);

	/** The follow target ("Alle zu mir") of the running session, or null. */
	get followTarget(): string | null {
		const live = this.live;
		if (!live || live.status !== 'laufend' || !live.follow.active) return null;
		return live.follow.itemId;
	}
}

/** Watches the plan's sessions; returns the session state and the function that stops it. */
export function watchBoardSession(
	planId: string,
	who: () => { role: PlanRole; principalId: string | undefined },
	board: LockTarget
): { session: BoardSession; stop: () => void } {
	const session = new BoardSession();
	/** Which session's record (facilitator) was read, and at which lock state. */
	let learned: { id: string; locked: boolean } | null = null;
	let stopped = false;

	const update = () => {
		const live = session.live;
		const { role, principalId } = who();
		const lock =
			live && live.status === 'laufend' && live.locked
				? { exempt: lockExempt(session.facilitatorId) }
				: null;
		board.structureLocked = lockedFor(lock, { principalId, owner: role === 'owner' });
	};

	/** Reads the session's record (again when the lock is switched on: the Moderation may have changed). */
	const learn = async (id: string) => {
		const locked = session.live?.locked ?? false;
		if (learned && learned.id === id && (learned.locked || !locked)) return;
		learned = { id, locked };
		const view = await meetingsApi.view(planId, id);
		if (stopped || !view.ok) return;
		if (session.sessionId !== id) return;
		session.facilitatorId = view.value.meeting.facilitatorId;
		if (!session.live || view.value.live.revision >= session.live.revision) {
			session.live = view.value.live;
		}
		update();
	};

	const load = async () => {
		const list = await meetingsApi.list(planId);
		if (stopped || !list.ok) return;
		const running = list.value.find((m) => m.status === 'laufend');
		if (!running) {
			session.sessionId = null;
			session.live = null;
			update();
			return;
		}
		if (session.sessionId !== running.id) session.live = null;
		session.sessionId = running.id;
		learned = null;
		await learn(running.id);
	};

	const onState = (push: MeetingPush) => {
		if (push.planId !== planId) return;
		if (push.sessionId !== session.sessionId) {
			if (push.live.status !== 'laufend') return; // another session, not running
			session.sessionId = push.sessionId;
			session.live = null;
		}
		if (!session.live || push.live.revision >= session.live.revision) session.live = push.live;
		update();
		void learn(push.sessionId);
	};

	const socket = getSocket();
	socket.on('meeting:state', onState);
	const leave = subscribePlan(planId, { rejoined: () => void load() });
	void load();
	return {
		session,
		stop: () => {
			stopped = true;
			socket.off('meeting:state', onState);
			leave();
			board.structureLocked = false;
		}
	};
}
