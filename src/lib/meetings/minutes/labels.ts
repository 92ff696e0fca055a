/**
 * Interface-language labels of the Sitzungsprotokoll (issue 15). The protocol model is built on
 * the server with German wording (it also feeds the PDF); what the pages show around it comes
 * from here: entry kinds, the phase and the end of the comment window.
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
 * "bis 19.03.2027 18:50 Uhr": German keeps the server's wording (in the plan's time zone);
 * other languages format `commentsUntil` in the viewer's time zone.
 */
export function untilLabel(p: Pick<ProtocolModel, 'commentsUntil' | 'commentsUntilLabel'>): string {
	if (getLocale() === 'de' || !p.commentsUntil) return p.commentsUntilLabel;
	const when = new Date(p.commentsUntil).toLocaleString(intlLocale(), {
		dateStyle: 'short',
		timeStyle: 'short'
	});
	return m.meetings_until({ when });
}

/**
 * The few fixed words the server's protocol model writes into agenda times and vote states
 * („nicht behandelt“, „12 Min.“, „jetzt“, „läuft noch“, „beendet“), in the interface language.
 * Anything else (titles, names) is passed through unchanged.
 */
export function protocolWords(text: string): string {
	if (getLocale() === 'de') return text;
	return text
		.replace(/^nicht behandelt$/, m.meetings_protocol_not_covered())
		.replace(/^läuft noch$/, m.meetings_protocol_vote_open())
		.replace(/^beendet$/, m.meetings_protocol_vote_closed())
		.replace(/(\d+) Min\./g, (_, n: string) => m.meetings_protocol_minutes({ count: Number(n) }))
		.replace(/–jetzt\b/g, `–${m.meetings_now_lower()}`);
}
