/**
 * The facilitator controls as one pure step: (live state, agenda, control, server time, caller)
 * → new live state or a German refusal. The service runs it inside an atomic KV update, so two
 * facilitators on two instances never lose each other's change.
 */
import type {
	AgendaStep,
	ControlAction,
	MeetingLive,
	RaisedHand
} from '../../src/lib/contract/meetings';
import { MEETING_LIMITS } from '../../src/lib/meetings/model';

export type Step =
	{ ok: true; live: MeetingLive } | { ok: false; status: number; code: string; message: string };

const refuse = (status: number, code: string, message: string): Step => ({
	ok: false,
	status,
	code,
	message
});
const invalid = (message: string) => refuse(400, 'invalid_value', message);
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses the body of a control request; null when the action is unknown. */
export function parseControl(body: Record<string, unknown>): ControlAction | string {
	switch (body.action) {
		case 'start':
		case 'end':
		case 'timer_pause':
		case 'timer_resume':
		case 'timer_stop':
			return { action: body.action };
		case 'step':
			if (typeof body.index !== 'number' || !Number.isInteger(body.index))
				return 'Bitte geben Sie den Schritt der Tagesordnung als Nummer an.';
			return { action: 'step', index: body.index };
		case 'timer_start': {
			if ('endsAt' in body)
				return 'Bitte senden Sie die Dauer in Sekunden, keine Uhrzeit: Die Uhr Ihres Geräts kann von der des Servers abweichen.';
			const s = body.seconds;
			if (typeof s !== 'number' || !Number.isInteger(s) || s < 1 || s > MEETING_LIMITS.timerSeconds)
				return `Die Dauer des Timers muss zwischen 1 Sekunde und ${MEETING_LIMITS.timerSeconds / 3600} Stunden liegen.`;
			return { action: 'timer_start', seconds: s };
		}
		case 'lock':
			if (typeof body.locked !== 'boolean')
				return 'Bitte geben Sie „locked“ als true oder false an.';
			return { action: 'lock', locked: body.locked };
		case 'follow': {
			if (typeof body.active !== 'boolean')
				return 'Bitte geben Sie „active“ als true oder false an.';
			const itemId = body.itemId ?? null;
			if (itemId !== null && (typeof itemId !== 'string' || !ITEM_ID.test(itemId)))
				return 'Ungültige Element-ID für „Alle zu mir“.';
			return { action: 'follow', active: body.active, itemId };
		}
		case 'hand_lower':
			if (typeof body.principalId !== 'string' || body.principalId.length > 100)
				return 'Bitte geben Sie an, wessen Hand gesenkt werden soll.';
			return { action: 'hand_lower', principalId: body.principalId };
		default:
			return 'Unbekannte Steuerung. Erlaubt: start, end, step, timer_start, timer_pause, timer_resume, timer_stop, lock, follow, hand_lower.';
	}
}

function closeStep(live: MeetingLive, now: number): MeetingLive['steps'] {
	return live.steps.map((s, i) =>
		i === live.steps.length - 1 && s.endedAt === null ? { ...s, endedAt: now } : s
	);
}

const NO_TIMER = { endsAt: null, pausedLeftMs: null, durationMs: 0 };

/** Applies one control; `now` is the server's clock. */
export function applyControl(
	live: MeetingLive,
	agenda: AgendaStep[],
	control: ControlAction,
	now: number
): Step {
	const next = (patch: Partial<MeetingLive>): Step => ({
		ok: true,
		live: { ...live, ...patch, revision: live.revision + 1 }
	});
	if (live.status === 'beendet')
		return refuse(
			409,
			'session_ended',
			'Diese Sitzung ist beendet; sie lässt sich nicht mehr steuern.'
		);
	if (live.status === 'geplant' && control.action !== 'start' && control.action !== 'lock')
		return refuse(
			409,
			'session_not_started',
			'Die Sitzung hat noch nicht begonnen. Bitte starten Sie sie zuerst.'
		);
	switch (control.action) {
		case 'start': {
			if (live.status === 'laufend')
				return refuse(409, 'session_running', 'Die Sitzung läuft bereits.');
			const first = agenda[0];
			return next({
				status: 'laufend',
				stepIndex: 0,
				steps: [{ stepId: first.id, title: first.title, startedAt: now, endedAt: null }]
			});
		}
		case 'end':
			return next({
				status: 'beendet',
				steps: closeStep(live, now),
				timer: NO_TIMER,
				follow: { active: false, itemId: null },
				locked: false,
				hands: []
			});
		case 'step': {
			const step = agenda[control.index];
			if (!step)
				return invalid(
					`Diesen Schritt gibt es nicht: die Tagesordnung hat ${agenda.length} Schritte.`
				);
			if (control.index === live.stepIndex) return next({});
			return next({
				stepIndex: control.index,
				steps: [
					...closeStep(live, now),
					{ stepId: step.id, title: step.title, startedAt: now, endedAt: null }
				]
			});
		}
		case 'timer_start':
			return next({
				timer: {
					endsAt: now + control.seconds * 1000,
					pausedLeftMs: null,
					durationMs: control.seconds * 1000
				}
			});
		case 'timer_pause': {
			if (live.timer.endsAt === null)
				return refuse(409, 'timer_not_running', 'Der Timer läuft gerade nicht.');
			return next({
				timer: { ...live.timer, endsAt: null, pausedLeftMs: Math.max(0, live.timer.endsAt - now) }
			});
		}
		case 'timer_resume': {
			if (live.timer.pausedLeftMs === null)
				return refuse(409, 'timer_not_paused', 'Der Timer ist nicht angehalten.');
			return next({
				timer: { ...live.timer, endsAt: now + live.timer.pausedLeftMs, pausedLeftMs: null }
			});
		}
		case 'timer_stop':
			return next({ timer: NO_TIMER });
		case 'lock':
			return next({ locked: control.locked });
		case 'follow':
			return next({
				follow: control.active
					? { active: true, itemId: control.itemId ?? null }
					: { active: false, itemId: null }
			});
		case 'hand_lower':
			return next({ hands: live.hands.filter((h) => h.principalId !== control.principalId) });
	}
}

/** Raises or lowers a participant's own hand (the queue keeps the order of raising). */
export function applyHand(live: MeetingLive, hand: RaisedHand, raised: boolean): Step {
	if (live.status !== 'laufend')
		return refuse(409, 'session_not_running', 'Melden geht nur, während die Sitzung läuft.');
	const without = live.hands.filter((h) => h.principalId !== hand.principalId);
	if (raised && without.length !== live.hands.length) return { ok: true, live };
	if (raised && live.hands.length >= 200)
		return refuse(409, 'too_many_hands', 'Zu viele Wortmeldungen in der Warteschlange.');
	return {
		ok: true,
		live: {
			...live,
			hands: raised ? [...live.hands, hand] : without,
			revision: live.revision + 1
		}
	};
}
