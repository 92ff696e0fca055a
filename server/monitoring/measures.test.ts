/**
 * readPlaces: measures with their goal and field from the plan's room; an untitled one comes as
 * '' (each reader words it: the Umsetzung page, the German CSV/XLSX, inbox notices), not as the
 * German „Ohne Titel“.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPlan, getText } from '../../src/lib/domain/index';
import type { RoomManager } from '../sync/rooms';
import { readPlaces } from './measures';

describe('readPlaces', () => {
	it('keeps empty titles empty', async () => {
		const doc = new Y.Doc();
		const built = buildPlan(doc, { fields: 1, goalsPerField: 1, measuresPerGoal: 1 });
		const clear = (id: string) => {
			const text = getText(doc, id, 'title')!;
			text.delete(0, text.length);
		};
		clear(built.measures[0]);
		clear(built.goals[0]);
		const rooms = {
			acquire: async () => ({ doc }),
			release: () => {}
		} as unknown as RoomManager;
		const read = await readPlaces({ rooms }, 'p1');
		const place = read!.places.get(built.measures[0])!;
		expect(place.title).toBe('');
		expect(place.goalTitle).toBe('');
		expect(place.fieldTitle).not.toBe('');
	});
});
