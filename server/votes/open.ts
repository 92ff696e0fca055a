/**
 * Checks the facilitator's "open a vote" request against the plan's live items and turns it into
 * the settings of a new vote: title, the chosen measures or goals, dots, time limit, visibility.
 */
import { isSafeId } from '../../src/lib/contract/ids';
import type { VoteRecord, VoteTarget } from '../../src/lib/contract/votes';
import { VOTE_LIMITS, type Check } from '../../src/lib/votes/model';
import { fieldOf, type PlanItems } from '../review/items';

type Settings = Pick<
	VoteRecord,
	| 'title'
	| 'targets'
	| 'dotsPerPerson'
	| 'maxPerItem'
	| 'hideResults'
	| 'viewersMayVote'
	| 'sessionId'
> & { durationMinutes: number | null };

const refuse = (code: string, message: string) => ({ ok: false as const, code, message });

const wholeIn = (v: unknown, min: number, max: number): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export function checkOpen(body: Record<string, unknown>, plan: PlanItems): Check<Settings> {
	const title = typeof body.title === 'string' ? body.title.trim() : '';
	if (!title) return refuse('invalid_title', 'Bitte geben Sie der Abstimmung einen Titel.');
	if (title.length > VOTE_LIMITS.titleLength) {
		return refuse(
			'invalid_title',
			`Der Titel ist zu lang (höchstens ${VOTE_LIMITS.titleLength} Zeichen).`
		);
	}
	const ids = body.targetIds;
	if (!Array.isArray(ids) || ids.length === 0) {
		return refuse(
			'invalid_targets',
			'Bitte wählen Sie die Maßnahmen oder Ziele für die Abstimmung.'
		);
	}
	if (ids.length > VOTE_LIMITS.targets) {
		return refuse(
			'invalid_targets',
			`Höchstens ${VOTE_LIMITS.targets} Elemente pro Abstimmung – bitte teilen Sie sie auf.`
		);
	}
	const targets: VoteTarget[] = [];
	const seen = new Set<string>();
	for (const id of ids) {
		const info = isSafeId(id) ? plan.items.get(id) : undefined;
		if (!info || (info.type !== 'measure' && info.type !== 'goal')) {
			return refuse(
				'invalid_targets',
				'Abgestimmt werden kann nur über Maßnahmen und Ziele dieses Plans. Bitte laden Sie die Seite neu.'
			);
		}
		if (seen.has(id as string)) continue;
		seen.add(id as string);
		const field = fieldOf(plan.items, id as string);
		targets.push({
			itemId: id as string,
			type: info.type,
			title:
				info.title.trim() || (info.type === 'goal' ? 'Ziel ohne Titel' : 'Maßnahme ohne Titel'),
			fieldTitle: field ? (plan.items.get(field)?.title ?? '') : ''
		});
	}
	const dots = body.dotsPerPerson ?? 3;
	if (!wholeIn(dots, 1, VOTE_LIMITS.dotsPerPerson)) {
		return refuse(
			'invalid_dots',
			`Punkte pro Person: eine ganze Zahl von 1 bis ${VOTE_LIMITS.dotsPerPerson}.`
		);
	}
	const perItem = body.maxPerItem ?? dots;
	if (!wholeIn(perItem, 1, dots)) {
		return refuse(
			'invalid_dots',
			`Punkte pro Element: eine ganze Zahl von 1 bis ${dots} (nicht mehr als pro Person).`
		);
	}
	const duration = body.durationMinutes ?? null;
	if (duration !== null && !wholeIn(duration, 1, VOTE_LIMITS.durationMinutes)) {
		return refuse(
			'invalid_duration',
			`Die Dauer ist eine ganze Zahl von Minuten (1 bis ${VOTE_LIMITS.durationMinutes}) oder leer.`
		);
	}
	for (const flag of ['hideResults', 'viewersMayVote'] as const) {
		if (body[flag] !== undefined && typeof body[flag] !== 'boolean') {
			return refuse('invalid_value', `„${flag}“ muss true oder false sein.`);
		}
	}
	const sessionId = body.sessionId ?? null;
	if (sessionId !== null && !isSafeId(sessionId)) {
		return refuse('invalid_session', 'Die Sitzungs-ID ist ungültig.');
	}
	return {
		ok: true,
		value: {
			title,
			targets,
			dotsPerPerson: dots,
			maxPerItem: perItem,
			hideResults: body.hideResults !== false,
			viewersMayVote: body.viewersMayVote === true,
			sessionId: sessionId as string | null,
			durationMinutes: duration as number | null
		}
	};
}
