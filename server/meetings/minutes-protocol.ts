/**
 * The protocol model of a session (page and PDF, issue 13 item 7): reads what the protocol is
 * made of (live state, attendance, plan items, votes, history, members, municipality, ideas) and
 * assembles it with buildProtocol (src/lib/meetings/minutes-model.ts).
 */
import type { Meeting } from '../../src/lib/contract/meetings';
import type { MinutesRecord, ProtocolModel } from '../../src/lib/contract/minutes';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import { buildProtocol } from '../../src/lib/meetings/minutes-model';
import { protocolWords } from '../../src/lib/meetings/protocol-words';
import { K, parseAttendance, parseLive } from './common';
import type { MinutesDeps } from './minutes-common';

/** The protocol model of a session, read from the KV and the plan at `now()`. */
export async function buildProtocolModel(
	deps: MinutesDeps,
	meeting: Meeting,
	record: MinutesRecord,
	locale: InterfaceLocale,
	now: () => number
): Promise<ProtocolModel> {
	const { kv, log } = deps;
	const { planId, id: sessionId } = meeting;
	const [live, attendance, plan, votes, history, members, municipality, ideas] = await Promise.all([
		kv.get(K.live(planId, sessionId)).then(parseLive),
		kv.get(K.attendance(planId, sessionId)).then(parseAttendance),
		deps.readItems(planId),
		deps.votes.list(planId, sessionId),
		meeting.startedAt
			? deps.versions.history(planId, null, 2000)
			: Promise.resolve({ ok: true as const, value: [] }),
		deps.access.listMembers(planId),
		deps.municipality?.(planId).catch(() => '') ?? Promise.resolve(''),
		deps.ideas?.(planId, sessionId, locale).catch((error) => {
			log.warn('[minutes] ideas not read', { error });
			return null;
		}) ?? Promise.resolve(null)
	]);
	const names = new Map(members.map((m) => [m.userId, m.name]));
	return buildProtocol(
		{
			meeting,
			live,
			attendance: {
				online: attendance.online.map(({ conn: _conn, ...o }) => o),
				inRoom: attendance.inRoom,
				headCount: attendance.headCount
			},
			record,
			planTitle: plan?.title ?? '',
			municipality,
			items: plan?.items ?? new Map(),
			votes: votes.ok ? votes.value : [],
			history: history.ok ? history.value : [],
			ideas,
			noteTakerNames: record.noteTakerIds.map(
				(id) => names.get(id) ?? protocolWords(locale).formerMember()
			),
			now: now(),
			timeZone: deps.timeZone
		},
		locale
	);
}
