/**
 * Interface-language labels of the Sitzungsprotokoll (issue 15). The protocol model comes from
 * the server already worded in the request's language (`locale`); what the pages show around it
 * comes from here: entry kinds, the phase and the end of the comment window.
 */
import type { MinutesEntryKind, ProtocolModel, ProtocolPhase } from '$lib/contract/minutes';
import { getLocale, intlLocale, m } from '$lib/i18n';

const KIND: Record<MinutesEntryKind, () => string> = {
	decision: m.meetings_kind_decision,
	task: m.meetings_kind_task,
	question: m.meetings_kind_question
};
const PHASE: Record<ProtocolPhase, () => string> = {
	entwurf: m.meetings_phase_entwurf,
	kommentierung: m.meetings_phase_kommentierung,
	endgueltig: m.meetings_phase_endgueltig
};

export const kindLabel = (kind: MinutesEntryKind): string => KIND[kind]();
export const phaseLabel = (phase: ProtocolPhase): string => PHASE[phase]();
export const KIND_ORDER: MinutesEntryKind[] = ['decision', 'task', 'question'];

/**
 * "bis 19.03.2027 18:50 Uhr": the server's wording (plan's time zone) when the model is in the
 * interface language; otherwise `commentsUntil` formatted in the viewer's language and time zone.
 */
export function untilLabel(
	p: Pick<ProtocolModel, 'commentsUntil' | 'commentsUntilLabel' | 'locale'>
): string {
	if (p.locale === getLocale() || !p.commentsUntil) return p.commentsUntilLabel;
	const when = new Date(p.commentsUntil).toLocaleString(intlLocale(), {
		dateStyle: 'short',
		timeStyle: 'short'
	});
	return m.meetings_until({ when });
}
