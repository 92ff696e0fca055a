/**
 * Tasks of the Sitzungsprotokoll into the inbox: a task that names a member is delivered once
 * into that member's inbox (again only when another member is named), worded in the reader's
 * language from its params.
 */
import type { Meeting, MeetingCaller } from '../../src/lib/contract/meetings';
import type { MinutesEntry } from '../../src/lib/contract/minutes';
import { minutesKey, parseMinutes, type MinutesDeps } from './minutes-common';

/** Delivers a task to the member named, once per task and member. */
export async function deliverTask(
	deps: Pick<MinutesDeps, 'kv' | 'log' | 'inbox'>,
	caller: MeetingCaller,
	meeting: Meeting,
	entry: MinutesEntry,
	planTitle: string
) {
	const { kv, log } = deps;
	if (entry.kind !== 'task' || !entry.assigneeId) return;
	const assignee = entry.assigneeId;
	const first = await kv.update<boolean>(minutesKey(meeting.planId, meeting.id), (raw) => {
		const r = parseMinutes(raw);
		if (r.delivered[entry.id] === assignee) return { result: false };
		const next = { ...r, delivered: { ...r.delivered, [entry.id]: assignee } };
		return { value: JSON.stringify(next), result: true };
	});
	if (!first) return;
	const short = entry.text.length > 140 ? `${entry.text.slice(0, 139)}…` : entry.text;
	await deps.inbox
		.deliver(assignee, {
			kind: 'meeting_task',
			planId: meeting.planId,
			planTitle,
			itemId: entry.itemId,
			threadId: null,
			actor: {
				id: caller.principal.id,
				name: caller.principal.name,
				kind: caller.principal.kind
			},
			// The sentence is made in the reader's language (src/lib/review/notice-text.ts).
			params: {
				meeting: meeting.title,
				task: short,
				...(entry.dueDate ? { due: entry.dueDate } : {})
			}
		})
		.catch((error) => log.warn('[minutes] task not delivered', { error }));
}
