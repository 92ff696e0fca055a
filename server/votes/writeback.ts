/**
 * Writes the priorities a facilitator confirmed after a vote into the plan's measures: one
 * server transaction on the live room (stored at once, sent to every open board, on every
 * instance through the bus) and one history entry per confirmed measure, naming the vote.
 */
import * as Y from 'yjs';
import type { HistoryNote, VersionActor } from '../../src/lib/versions/types';
import { updateItem } from '../../src/lib/domain/plan';
import { itemMap, itemType, itemsMap, readScalar } from '../../src/lib/domain/read';
import type { RoomManager } from '../sync/rooms';
import type { PriorityWriter } from './common';

export interface HistorySink {
	recordServerEdit(
		planId: string,
		actor: VersionActor,
		itemId: string,
		action: 'changed',
		fields: string[],
		itemType?: 'measure' | null,
		note?: HistoryNote
	): void;
}

export function createPriorityWriter(rooms: RoomManager, history: HistorySink): PriorityWriter {
	return async (planId, actor, priorities, voteTitle) => {
		const room = await rooms.acquire(planId);
		if (!room) return null;
		try {
			const written: string[] = [];
			const same = new Set<string>();
			const skipped: Array<{ itemId: string; reason: string }> = [];
			room.transact((doc: Y.Doc) => {
				const items = itemsMap(doc);
				for (const [itemId, priority] of Object.entries(priorities)) {
					const m = itemMap(items, itemId);
					if (!m) {
						skipped.push({ itemId, reason: 'Die Maßnahme gibt es nicht mehr.' });
						continue;
					}
					if (itemType(m) !== 'measure') {
						skipped.push({ itemId, reason: 'Nur Maßnahmen haben eine Priorität.' });
						continue;
					}
					const before = readScalar(m, 'priority');
					const result = updateItem(doc, itemId, { priority });
					if (!result.ok) {
						skipped.push({ itemId, reason: result.error.message });
						continue;
					}
					written.push(itemId);
					if (before === priority) same.add(itemId);
				}
			});
			await room.flush();
			// Every confirmed measure gets an entry, also where the priority stayed (it is now decided).
			for (const itemId of written) {
				history.recordServerEdit(planId, actor, itemId, 'changed', ['priority'], 'measure', {
					kind: 'vote',
					vote: voteTitle,
					confirmed: same.has(itemId)
				});
			}
			return { written, skipped };
		} finally {
			rooms.release(room);
		}
	};
}
