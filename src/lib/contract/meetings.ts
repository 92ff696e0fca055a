/**
 * The Sitzungsmodus contract (issue 13, items 1–4): what a session ("Sitzung") of a plan is, its
 * live state (agenda step, timer, follow target, structure lock, hand-raise queue), attendance,
 * and the service the app calls (server/meetings). Routes have checked the plan role with the
 * gate; the service checks "facilitator" (owner, or the editor named as Moderation) itself.
 */
import type { Principal } from './access';
import type { ApiResult } from './result';
import type { PlanRole } from './roles';

export interface AgendaStep {
	id: string;
	title: string;
	/** Planned minutes (1–480). */
	minutes: number;
}

export type MeetingStatus = 'geplant' | 'laufend' | 'beendet';

export interface Meeting {
	id: string;
	planId: string;
	title: string;
	/** YYYY-MM-DD. */
	date: string;
	/** HH:MM or '' (no start time given). */
	time: string;
	/** Room, address (free text) or ''. */
	room: string;
	/** Video link as text (not fetched, not embedded) or ''. */
	videoLink: string;
	/** The Handlungsfeld the session is about, or null for the whole plan. */
	fieldId: string | null;
	agenda: AgendaStep[];
	/** The editor named as Moderation (the owners may always facilitate), or null. */
	facilitatorId: string | null;
	facilitatorName: string | null;
	status: MeetingStatus;
	createdAt: string;
	createdBy: string;
	startedAt: string | null;
	endedAt: string | null;
}

/** One agenda step as it actually ran. */
export interface StepRun {
	stepId: string;
	title: string;
	/** ms since epoch (server clock). */
	startedAt: number;
	endedAt: number | null;
}

/**
 * The countdown, server-authoritative: `endsAt` is the server's clock. Clients compute the
 * remaining time with their offset to the server clock (`serverNow` of every push), never with
 * their own clock alone, so a phone with a wrong clock or a reconnect shows the same time.
 */
export interface MeetingTimer {
	/** Running: end time (server ms); null when stopped or paused. */
	endsAt: number | null;
	/** Paused: ms left; null otherwise. */
	pausedLeftMs: number | null;
	/** The duration it was set to (ms), 0 = no timer. */
	durationMs: number;
}

export interface RaisedHand {
	principalId: string;
	name: string;
	at: number;
}

export interface MeetingLive {
	status: MeetingStatus;
	/** Index into the agenda, -1 before the start. */
	stepIndex: number;
	steps: StepRun[];
	timer: MeetingTimer;
	/** "Alle zu mir": participants' boards show this item (field, goal or measure). */
	follow: { active: boolean; itemId: string | null };
	/** Structure lock: non-facilitators may type but not add, delete or move items. */
	locked: boolean;
	hands: RaisedHand[];
	/** Grows with every change (clients ignore older pushes). */
	revision: number;
}

/** Someone who was connected to the session (one entry per connection). */
export interface OnlineAttendance {
	principalId: string;
	name: string;
	kind: 'user' | 'guest';
	/** ms since epoch (server clock). */
	from: number;
	/** null: still connected (or the instance ended without saying so). */
	to: number | null;
}

/** A person in the room without a device, added by the facilitator. */
export interface RoomAttendee {
	id: string;
	name: string;
	organisation: string;
}

export interface Attendance {
	online: OnlineAttendance[];
	inRoom: RoomAttendee[];
	/** People in the room not named one by one (0 = none). */
	headCount: number;
}

/** What a member sees of one session: the record, the live state and the server clock. */
export interface MeetingView {
	meeting: Meeting;
	live: MeetingLive;
	attendance: Attendance;
	/** The server's clock when this was read (ms). */
	serverNow: number;
	/** May the caller use the facilitator controls? */
	canFacilitate: boolean;
}

/** The push of live state (socket.io `meeting:state`). */
export interface MeetingPush {
	planId: string;
	sessionId: string;
	live: MeetingLive;
	serverNow: number;
}

export interface MeetingCaller {
	principal: Principal;
	role: PlanRole;
}

export type ControlAction =
	| { action: 'start' }
	| { action: 'end' }
	| { action: 'step'; index: number }
	| { action: 'timer_start'; seconds: number }
	| { action: 'timer_pause' }
	| { action: 'timer_resume' }
	| { action: 'timer_stop' }
	| { action: 'lock'; locked: boolean }
	| { action: 'follow'; active: boolean; itemId?: string | null }
	| { action: 'hand_lower'; principalId: string };

import type { InterfaceLocale } from './languages';

export interface MeetingService {
	list(planId: string): Promise<ApiResult<Meeting[]>>;
	view(caller: MeetingCaller, planId: string, sessionId: string): Promise<ApiResult<MeetingView>>;
	/** Without `agenda` the session gets the default agenda, named in `locale` (German when not given). */
	create(
		caller: MeetingCaller,
		planId: string,
		body: Record<string, unknown>,
		locale?: InterfaceLocale
	): Promise<ApiResult<Meeting>>;
	/** Title, date, time, place, field, agenda; `facilitatorId` only by an owner. */
	update(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<Meeting>>;
	remove(caller: MeetingCaller, planId: string, sessionId: string): Promise<ApiResult<null>>;
	/** A facilitator control (body: ControlAction); pushes the new live state to everyone. */
	control(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<MeetingLive>>;
	/** Raise (true) or lower (false) one's own hand. */
	hand(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		raised: boolean
	): Promise<ApiResult<MeetingLive>>;
	/** `{name, organisation?}` adds a person in the room; `{headCount}` sets the head count. */
	addAttendance(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<Attendance>>;
	removeAttendee(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		attendeeId: string
	): Promise<ApiResult<Attendance>>;
	/**
	 * The session's guest link for the join QR code (facilitators): an invite with guests allowed,
	 * role reviewer, created on demand and reused while valid (server/meetings/guest-link.ts).
	 */
	guestLink(
		caller: MeetingCaller,
		planId: string,
		sessionId: string
	): Promise<ApiResult<{ token: string; expiresAt: number }>>;
	/** The plan was deleted: its sessions go with it. */
	forgetPlan(planId: string): Promise<void>;
}
