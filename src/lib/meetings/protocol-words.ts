/**
 * The wording of the Sitzungsprotokoll in one interface language (issue 15): dates, times,
 * item references, priorities, history actions and the fixed words the protocol model is built
 * with. Texts come from messages/meetings (`meetings_protocol_…`) with an explicit locale, dates
 * from Intl; buildProtocol (minutes-model.ts) and the server's decision log use it.
 */
import type { InterfaceLocale } from '../contract/languages';
import type { ProtocolPhase } from '../contract/minutes';
import { FIELD_LABELS, ITEM_TYPE_LABELS } from '../domain/labels';
import { nestQuotes, quoteDe } from '../domain/quote';
import type { ItemType } from '../domain/types';
import { exportLabels } from '../export/labels';
import * as t from '../paraglide/messages/_index.js';
import { HISTORY_ACTION_LABELS, type HistoryAction } from '../versions/types';

const INTL: Record<InterfaceLocale, string> = { de: 'de-DE', en: 'en-GB' };

/** English quotation marks (“…”, nested ‘…’), like quoteDe for German. */
const quoteEn = (text: string) => `“${nestQuotes(text).replace(/‚/g, '‘')}”`;

const PRIORITY_DE: Record<string, string> = {
	hoch: 'hoch',
	mittel: 'mittel',
	niedrig: 'niedrig'
};

const ACTION_EN: Record<HistoryAction, (o: { locale: InterfaceLocale }) => string> = {
	created: (o) => t.versions_action_created({}, o),
	changed: (o) => t.versions_action_changed({}, o),
	moved: (o) => t.versions_action_moved({}, o),
	deleted: (o) => t.versions_action_deleted({}, o),
	restored: (o) => t.versions_action_restored({}, o)
};

const PHASE: Record<ProtocolPhase, (o: { locale: InterfaceLocale }) => string> = {
	entwurf: (o) => t.meetings_phase_entwurf({}, o),
	kommentierung: (o) => t.meetings_phase_kommentierung({}, o),
	endgueltig: (o) => t.meetings_phase_endgueltig({}, o)
};

export type ProtocolWords = ReturnType<typeof protocolWords>;

/** Every word the protocol model needs, in `locale`. */
export function protocolWords(locale: InterfaceLocale) {
	const o = { locale };
	const en = locale === 'en';
	const intl = INTL[locale];
	const utcDay = (iso: string) => {
		const [y, mo, d] = iso.split('-').map(Number);
		return y && mo && d ? new Date(Date.UTC(y, mo - 1, d)) : null;
	};
	const types = en ? exportLabels('en').ITEM_TYPE_LABELS : ITEM_TYPE_LABELS;
	const fields = (en ? exportLabels('en').FIELD_LABELS : FIELD_LABELS) as Record<
		ItemType,
		Record<string, string>
	>;
	return {
		locale,
		/** "Donnerstag, 12. März 2027" / "Thursday 12 March 2027" for a YYYY-MM-DD. */
		longDate(iso: string): string {
			const day = utcDay(iso);
			if (!day) return iso;
			return day.toLocaleDateString(intl, {
				weekday: 'long',
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			});
		},
		/** "12.03.2027" / "12/03/2027" for a YYYY-MM-DD. */
		day(iso: string): string {
			const day = utcDay(iso);
			if (!day) return iso;
			return day.toLocaleDateString(intl, {
				day: '2-digit',
				month: '2-digit',
				year: 'numeric',
				timeZone: 'UTC'
			});
		},
		quote: en ? quoteEn : quoteDe,
		typeLabel: (type: ItemType) => types[type].singular,
		fieldLabel: (type: ItemType, field: string) => fields[type]?.[field] ?? field,
		action: (action: HistoryAction) =>
			en ? (ACTION_EN[action]?.(o) ?? action) : (HISTORY_ACTION_LABELS[action] ?? action),
		priority: (prio: string) =>
			prio === ''
				? t.meetings_protocol_no_priority({}, o)
				: en
					? ((exportLabels('en').PRIORITY_LABELS as Record<string, string>)[prio] ?? prio)
					: (PRIORITY_DE[prio] ?? prio),
		phase: (phase: ProtocolPhase) => PHASE[phase](o),
		plannedTime: (time: string) => t.meetings_protocol_time_planned({ time }, o),
		timeRange: (from: string, to: string) => t.meetings_protocol_time_range({ from, to }, o),
		running: () => t.meetings_protocol_running({}, o),
		now: () => t.meetings_now_lower({}, o),
		minutes: (count: number) => t.meetings_protocol_minutes({ count }, o),
		notCovered: () => t.meetings_protocol_not_covered({}, o),
		voteStatus: (open: boolean) =>
			open ? t.meetings_protocol_vote_open({}, o) : t.meetings_protocol_vote_closed({}, o),
		stamp: (date: string, time: string) => t.meetings_protocol_stamp({ date, time }, o),
		until: (when: string) => t.meetings_until({ when }, o),
		deletedItem: () => t.meetings_protocol_deleted_item({}, o),
		untitled: () => t.meetings_protocol_untitled({}, o),
		deletedType: (type: ItemType) =>
			t.meetings_protocol_deleted_type({ type: types[type].singular }, o),
		plan: () => t.meetings_protocol_plan({}, o),
		formerMember: () => t.meetings_protocol_former_member({}, o),
		facilitator: () => t.meetings_process_lead({}, o),
		ideaOutcome: (
			outcome: { itemType: ItemType; itemTitle: string; via: string } | null | undefined
		) =>
			outcome
				? (outcome.itemType === 'goal'
						? t.meetings_protocol_idea_goal
						: t.meetings_protocol_idea_measure)(
						{
							title: (en ? quoteEn : quoteDe)(outcome.itemTitle),
							group: outcome.via === 'cluster' ? t.meetings_protocol_idea_group({}, o) : ''
						},
						o
					)
				: t.meetings_protocol_idea_not_taken({}, o),
		compare: (a: string, b: string) => a.localeCompare(b, locale)
	};
}
