/**
 * The idea wall in the Sitzungsprotokoll: each visible idea with its cluster and what became of it
 * ("als Maßnahme „…“ übernommen" / "nicht übernommen"). Hidden ideas stay out; an anonymous idea
 * never shows its author here either (only text and outcome are passed on).
 */
import type { SessionIdeaEntry } from '../../src/lib/contract/ideas';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import type { ProtocolIdea } from '../../src/lib/contract/minutes';
import { protocolWords } from '../../src/lib/meetings/protocol-words';

/** The ideas with their outcome worded in `locale` (the protocol's language). */
export function protocolIdeas(
	entries: readonly SessionIdeaEntry[],
	locale: InterfaceLocale = 'de'
): ProtocolIdea[] {
	const words = protocolWords(locale);
	return entries
		.filter((idea) => !idea.hidden)
		.map((idea) => ({
			text: idea.clusterTitle ? `${idea.clusterTitle}: ${idea.text}` : idea.text,
			outcome: words.ideaOutcome(idea.outcome)
		}));
}
