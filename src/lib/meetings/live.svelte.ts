/**
 * A session's live state in the browser: joins it over the shared socket.io connection
 * (`meeting:join`, re-joined after every reconnect, which also records attendance), applies
 * `meeting:state` pushes (newer revisions only) and keeps the offset to the server clock, so the
 * countdown is right even when the device's clock is wrong.
 */
import { getSocket } from '$lib/realtime/client.svelte';
import type { MeetingLive, MeetingPush, MeetingView } from '$lib/contract/meetings';
import { clockOffset, timerLeftMs } from './model';

export class LiveMeeting {
	view = $state.raw<MeetingView | null>(null);
	live = $state.raw<MeetingLive | null>(null);
	connected = $state(false);
	error = $state<string | null>(null);
	/** Local clock + offset = server clock. */
	offset = $state(0);
	/** The server clock, ticking twice a second. */
	now = $state(Date.now());

	constructor(
		readonly planId: string,
		readonly sessionId: string,
		initial: MeetingView | null
	) {
		if (initial) this.adopt(initial);
	}

	private adopt(view: MeetingView) {
		this.view = view;
		this.offset = clockOffset(view.serverNow, Date.now());
		this.now = Date.now() + this.offset;
		if (!this.live || view.live.revision >= this.live.revision) this.live = view.live;
	}

	/** Applies a live state answered by a control request (before the push arrives). */
	apply(live: MeetingLive) {
		if (!this.live || live.revision >= this.live.revision) this.live = live;
	}

	/** The session's record changed (e.g. its agenda was edited on this page). */
	replaceMeeting(meeting: MeetingView['meeting']) {
		if (this.view) this.view = { ...this.view, meeting };
	}

	/** Milliseconds left on the timer, null when none is set. */
	get timerLeft(): number | null {
		return this.live ? timerLeftMs(this.live.timer, this.now) : null;
	}

	/** Connects and joins; returns the function that leaves again. */
	start(): () => void {
		const socket = getSocket();
		const join = () => {
			socket.emit('meeting:join', this.planId, this.sessionId, (ack) => {
				if (!ack.ok) {
					this.error = ack.message;
					return;
				}
				this.error = null;
				this.connected = true;
				this.adopt(ack.view);
			});
		};
		const onState = (push: MeetingPush) => {
			if (push.planId !== this.planId || push.sessionId !== this.sessionId) return;
			this.offset = clockOffset(push.serverNow, Date.now());
			this.apply(push.live);
		};
		const onDisconnect = () => (this.connected = false);
		socket.on('meeting:state', onState);
		socket.on('connect', join);
		socket.on('disconnect', onDisconnect);
		if (socket.connected) join();
		const tick = setInterval(() => (this.now = Date.now() + this.offset), 500);
		return () => {
			clearInterval(tick);
			socket.off('meeting:state', onState);
			socket.off('connect', join);
			socket.off('disconnect', onDisconnect);
			if (socket.connected) socket.emit('meeting:leave', this.planId, this.sessionId);
		};
	}
}
