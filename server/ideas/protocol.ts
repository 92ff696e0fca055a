/**
 * The idea wall in the Sitzungsprotokoll: each visible idea with its cluster and what became of it
 * ("als Maßnahme „…“ übernommen" / "nicht übernommen"). Hidden ideas stay out; an anonymous idea
 * never shows its author here either (only text and outcome are passed on).
 */
import type { SessionIdeaEntry } from '../../src/lib/contract/ideas';
import type { ProtocolIdea } from '../../src/lib/contract/minutes';

export function protocolIdeas(entries: readonly SessionIdeaEntry[]): ProtocolIdea[] {
	return entries
		.filter((idea) => !idea.hidden)
		.map((idea) => ({
			text: idea.clusterTitle ? `${idea.clusterTitle}: ${idea.text}` : idea.text,
			outcome: idea.outcome
				? `als ${idea.outcome.itemType === 'goal' ? 'Ziel' : 'Maßnahme'} „${idea.outcome.itemTitle}“ übernommen${idea.outcome.via === 'cluster' ? ' (mit der Gruppe)' : ''}`
				: 'nicht übernommen'
		}));
}
