/**
 * The sentence of an inbox notice in the reader's language (issue 15 „Sprachen“): the server
 * stores `kind` and `params` (names, days, counts as they were when it was sent), this builds the
 * sentence from messages/notices (`notices_…`). Notices stored before that (German sentence only)
 * and kinds without a template keep their stored `text`. Used by the bell (browser), the API
 * response and the mails (server), so imports are relative (the custom server bundles this file).
 */
import * as t from '../paraglide/messages/_index.js';
import type { InterfaceLocale } from '../contract/languages';
import { nestQuotes } from '../domain/quote';
import type { CheckOutcome, Notification, NoticeParams } from './types';

type Notice = Pick<Notification, 'kind' | 'planTitle' | 'params' | 'text'> & {
	actor?: { name: string } | null;
};
type O = { locale: InterfaceLocale };

const INTL: Record<InterfaceLocale, string> = { de: 'de-DE', en: 'en-GB' };

/** "05.12.2026" / "05/12/2026" (a YYYY-MM-DD day; anything else unchanged). */
export function noticeDay(day: string, locale: InterfaceLocale): string {
	const [y, mo, d] = day.split('-').map(Number);
	if (!y || !mo || !d) return day;
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (Number.isNaN(date.getTime())) return day;
	return new Intl.DateTimeFormat(INTL[locale] ?? 'de-DE', {
		timeZone: 'UTC',
		day: '2-digit',
		month: '2-digit',
		year: 'numeric'
	}).format(date);
}

const OUTCOMES: Record<CheckOutcome, (i: object, o: O) => string> = {
	feasible: t.review_outcome_feasible,
	conditional: t.review_outcome_conditional,
	not_feasible: t.review_outcome_not_feasible
};

/** „Titel“ / “Title” of the item (untitled: „Eintrag ohne Titel“), or of the plan. */
function what(n: Notice, p: NoticeParams, o: O): string {
	const title =
		p.item === undefined
			? n.planTitle || t.notices_plan({}, o)
			: p.item || t.notices_untitled({}, o);
	return t.notices_quoted({ title }, o);
}

function render(n: Notice, p: NoticeParams, o: O): string | null {
	const actor = n.actor?.name || t.notices_someone({}, o);
	const due = noticeDay(p.due ?? '', o.locale);
	switch (n.kind) {
		case 'mention':
			return t.notices_mention({ actor, what: what(n, p, o) }, o);
		case 'reply':
			return t.notices_reply({ actor, what: what(n, p, o) }, o);
		case 'review_requested':
			return t.notices_review_requested({ actor, due, what: what(n, p, o) }, o);
		case 'review_verdict':
			return p.verdict === 'approved'
				? t.notices_review_approved({ actor, what: what(n, p, o) }, o)
				: t.notices_review_changes({ actor, what: what(n, p, o) }, o);
		case 'check_assigned': {
			const subject =
				p.count !== undefined && p.count !== 1
					? t.notices_measure_count({ count: p.count }, o)
					: what(n, p, o);
			return p.office
				? t.notices_check_assigned_office({ actor, due, office: p.office, what: subject }, o)
				: t.notices_check_assigned({ actor, due, what: subject }, o);
		}
		case 'check_verdict': {
			const outcome = p.outcome && OUTCOMES[p.outcome] ? OUTCOMES[p.outcome]({}, o) : '';
			return t.notices_check_verdict({ actor, outcome, what: what(n, p, o) }, o);
		}
		case 'due_soon':
			if (p.of === 'check')
				return p.holder !== undefined
					? t.notices_due_check_holder(
							{ due, holder: p.holder || t.review_unknown_office({}, o), what: what(n, p, o) },
							o
						)
					: t.notices_due_check({ due, what: what(n, p, o) }, o);
			return t.notices_due_review({ due, what: what(n, p, o) }, o);
		case 'update_due':
			return t.notices_update_due({ due, what: what(n, p, o) }, o);
		case 'weekly_digest':
			return t.notices_weekly_digest(
				{
					overdue: t.notices_digest_overdue({ count: p.overdue ?? 0 }, o),
					changed: t.notices_digest_changed({ count: p.changed ?? 0 }, o)
				},
				o
			);
		case 'meeting_task': {
			if (p.meeting === undefined || p.task === undefined) return null;
			// German nests quotes inside „…“ as ‚…‘ (as quoteDe did when the sentence was stored).
			const q = (s: string) => (o.locale === 'de' ? nestQuotes(s) : s);
			const words = { meeting: q(p.meeting), task: q(p.task) };
			return p.due
				? t.notices_meeting_task_due({ ...words, due }, o)
				: t.notices_meeting_task(words, o);
		}
		default:
			return null;
	}
}

/** The notice's sentence in this language; old notices (no `params`): their stored sentence. */
export function noticeText(n: Notice, locale: InterfaceLocale): string {
	if (n.params && typeof n.params === 'object') {
		const text = render(n, n.params, { locale });
		if (text !== null) return text;
	}
	return typeof n.text === 'string' ? n.text : '';
}

/** The notice with `text` in this language (API responses, live pushes). */
export function withNoticeText<T extends Notice>(
	n: T,
	locale: InterfaceLocale
): T & { text: string } {
	return { ...n, text: noticeText(n, locale) };
}
