/**
 * Makes a goal or measure from an idea or cluster in the plan's live document: one server
 * transaction on the live room (through the domain's `createItem`, so the same parent and value
 * rules as on the board apply; stored at once, sent to every open board on every instance) and a
 * "created" history entry with a note naming the session. Same path as the vote write-back.
 */
import * as Y from 'yjs';
import { createItem } from '../../src/lib/domain/plan';
import type { HistoryNote, VersionActor } from '../../src/lib/versions/types';
import type { RoomManager } from '../sync/rooms';
import type { IdeaItemWriter } from './common';

export interface CreatedHistorySink {
	recordServerEdit(
		planId: string,
		actor: VersionActor,
		itemId: string,
		action: 'created',
		fields: string[],
		itemType?: 'goal' | 'measure' | null,
		note?: HistoryNote
	): void;
}

export function createIdeaItemWriter(
	rooms: RoomManager,
	history: CreatedHistorySink
): IdeaItemWriter {
	return async (planId, actor, input, note) => {
		const room = await rooms.acquire(planId);
		if (!room) return null;
		try {
			let result: ReturnType<typeof createItem> | undefined;
			room.transact((doc: Y.Doc) => {
				result = createItem(doc, {
					type: input.type,
					parentId: input.parentId,
					values:
						input.type === 'goal'
							? { title: input.title, description: input.description }
							: { title: input.title, description: input.description, status: 'idee' }
				});
			});
			if (!result || !result.ok) {
				const e = result && !result.ok ? result.error : null;
				return {
					ok: false,
					error: {
						status: 400,
						code: e?.code ?? 'invalid_value',
						message: e?.message ?? 'Das Element konnte nicht angelegt werden.'
					}
				};
			}
			await room.flush();
			history.recordServerEdit(planId, actor, result.value, 'created', [], input.type, note);
			return { ok: true, itemId: result.value };
		} finally {
			rooms.release(room);
		}
	};
}
