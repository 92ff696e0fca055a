/** The idea wall's section of the Sitzungsprotokoll: visible ideas, cluster, outcome; no authors. */
import { describe, expect, it } from 'vitest';
import type { SessionIdeaEntry } from '../../src/lib/contract/ideas';
import { protocolIdeas } from './protocol';

const base: SessionIdeaEntry = {
	id: 'i1',
	text: 'Sprachcafé im Stadtteil',
	authorName: 'Anna Autorin',
	clusterTitle: null,
	hidden: false,
	createdAt: '2027-03-12T17:00:00.000Z',
	outcome: null
};

describe('protocolIdeas', () => {
	it('lists visible ideas with their outcome and cluster, without authors or hidden ones', () => {
		const rows = protocolIdeas([
			base,
			{ ...base, id: 'i2', text: 'Geheim', hidden: true },
			{
				...base,
				id: 'i3',
				text: 'Elternlotsen',
				clusterTitle: 'Schule',
				outcome: {
					itemId: 'm1',
					itemType: 'measure',
					itemTitle: 'Elternlotsen an Grundschulen',
					at: '2027-03-12T18:00:00.000Z',
					by: { id: 'u1', name: 'Mona', kind: 'user' },
					via: 'cluster'
				}
			}
		]);
		expect(rows).toEqual([
			{ text: 'Sprachcafé im Stadtteil', outcome: 'nicht übernommen' },
			{
				text: 'Schule: Elternlotsen',
				outcome: 'als Maßnahme „Elternlotsen an Grundschulen“ übernommen (mit der Gruppe)'
			}
		]);
		expect(JSON.stringify(rows)).not.toContain('Anna');
	});
});
