/**
 * Labels and formats of the public participation page and the consideration table in the
 * interface language (the German constants in types.ts and model.ts stay for the server, CSV and
 * PDF): round state, contribution kind, decision, measure status, merged reasons, quotes and
 * Berlin time.
 */
import { getLocale, intlLocale, m } from '$lib/i18n';
import { quoteDe } from '$lib/domain/quote';
import type { MeasureStatus } from '$lib/domain';
import { TIME_ZONE } from './model';
import type { ConsiderationRow, Decision, RoundState, SubmissionKind } from './types';

const STATES: Record<RoundState, () => string> = {
	geplant: m.public_state_geplant,
	offen: m.public_state_offen,
	beendet: m.public_state_beendet
};
const KINDS: Record<SubmissionKind, () => string> = {
	proposal_goal: m.public_kind_proposal_goal,
	proposal_measure: m.public_kind_proposal_measure,
	comment: m.public_kind_comment
};
const DECISIONS: Record<Decision, () => string> = {
	adopted: m.public_decision_adopted,
	partly_adopted: m.public_decision_partly_adopted,
	not_adopted: m.public_decision_not_adopted
};
const STATUSES: Record<MeasureStatus, () => string> = {
	idee: m.public_status_idee,
	geplant: m.public_status_geplant,
	in_umsetzung: m.public_status_in_umsetzung,
	umgesetzt: m.public_status_umgesetzt,
	zurueckgestellt: m.public_status_zurueckgestellt
};

export const roundStateLabel = (s: RoundState) => STATES[s]();
export const kindLabel = (k: SubmissionKind) => KINDS[k]();
export const decisionLabel = (d: Decision) => DECISIONS[d]();
export const measureStatusLabel = (s: string) =>
	Object.hasOwn(STATUSES, s) ? STATUSES[s as MeasureStatus]() : s;

/** A row's reason; a merged one (`mergedInto`) worded in the interface language. */
export function reasonText(row: Pick<ConsiderationRow, 'reason' | 'mergedInto'>): string {
	const into = row.mergedInto;
	if (!into) return row.reason;
	return into.reason
		? m.public_ct_merged_reason({ number: into.number, reason: into.reason })
		: m.public_ct_merged({ number: into.number });
}

/** Quoted text: „…“ in German (nested quotes handled), “…” in English. */
export function quoteUi(text: string): string {
	return getLocale() === 'de' ? quoteDe(text) : m.public_quoted({ text });
}

/** "21.11.2026, 14:30 Uhr" / "21/11/2026, 14:30" in Berlin time. */
export function formatBerlinUi(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return '–';
	const time = new Intl.DateTimeFormat(intlLocale(), {
		timeZone: TIME_ZONE,
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	}).format(d);
	return m.public_time({ time });
}

/** A count of characters etc. in the interface language's digits grouping. */
export const formatNumber = (n: number) => n.toLocaleString(intlLocale());
