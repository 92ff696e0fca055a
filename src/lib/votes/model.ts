/**
 * Dot voting, pure (issue 13, item 6): the limits, checking a ballot against a vote, the
 * tally and ranking, what everyone may see of a vote, and the suggested priorities after it.
 * No I/O: the vote service (server/votes) stores records, the page shows views.
 */
import type {
	VotePriority,
	VoteRecord,
	VoteResultRow,
	VoteStatus,
	VoteView
} from '../contract/votes';

export const VOTE_LIMITS = {
	titleLength: 200,
	targets: 60,
	dotsPerPerson: 50,
	durationMinutes: 24 * 60,
	/** Ballots one vote takes (people and guests). */
	ballots: 5000,
	handCount: 100_000,
	handCountLog: 500,
	applications: 50,
	votesPerPlan: 500
} as const;

export const PRIORITY_LABELS: Record<Exclude<VotePriority, ''>, string> = {
	hoch: 'hoch',
	mittel: 'mittel',
	niedrig: 'niedrig'
};

export type Check<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string) => ({ ok: false as const, code, message });

/** Open until closed by the facilitator or until its time ran out (server clock). */
export function statusOf(vote: Pick<VoteRecord, 'closedAt' | 'endsAt'>, now: number): VoteStatus {
	if (vote.closedAt) return 'closed';
	if (vote.endsAt && Date.parse(vote.endsAt) <= now) return 'closed';
	return 'open';
}

export const dotWord = (n: number) => (n === 1 ? '1 Punkt' : `${n} Punkte`);

/**
 * Checks a whole new ballot (item id → dots) against the vote: known items, whole numbers from 0,
 * at most `maxPerItem` on one item and `dotsPerPerson` in all. Zero entries are dropped.
 */
export function checkBallot(
	vote: Pick<VoteRecord, 'targets' | 'dotsPerPerson' | 'maxPerItem'>,
	input: unknown
): Check<Record<string, number>> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return refuse('invalid_ballot', 'Erwartet wird „dots“: je Element die Zahl Ihrer Punkte.');
	}
	const known = new Map(vote.targets.map((t) => [t.itemId, t]));
	const dots: Record<string, number> = {};
	let total = 0;
	for (const [itemId, raw] of Object.entries(input as Record<string, unknown>)) {
		const target = known.get(itemId);
		if (!target) {
			return refuse(
				'unknown_target',
				'Über dieses Element wird in dieser Abstimmung nicht abgestimmt.'
			);
		}
		if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
			return refuse('invalid_ballot', 'Punkte sind ganze Zahlen ab 0.');
		}
		if (raw > vote.maxPerItem) {
			return refuse(
				'too_many_dots_item',
				`Auf „${target.title}“ können Sie höchstens ${dotWord(vote.maxPerItem)} setzen.`
			);
		}
		total += raw;
		if (raw > 0) dots[itemId] = raw;
	}
	if (total > vote.dotsPerPerson) {
		return refuse(
			'too_many_dots',
			`Sie haben nur ${dotWord(vote.dotsPerPerson)} – Sie wollten ${total} vergeben. Nehmen Sie erst woanders Punkte weg.`
		);
	}
	return { ok: true, value: dots };
}

/** Results ranked by total (online + room); equal totals share a rank, then board order. */
export function tally(
	vote: Pick<VoteRecord, 'targets' | 'ballots' | 'handCounts'>
): VoteResultRow[] {
	const rows = vote.targets.map((t, index) => ({
		index,
		row: {
			itemId: t.itemId,
			type: t.type,
			title: t.title,
			fieldTitle: t.fieldTitle,
			online: 0,
			room: Math.max(0, Math.floor(vote.handCounts[t.itemId] ?? 0)),
			total: 0,
			voters: 0,
			rank: 0
		} satisfies VoteResultRow
	}));
	const byId = new Map(rows.map((r) => [r.row.itemId, r.row]));
	for (const ballot of Object.values(vote.ballots)) {
		for (const [itemId, n] of Object.entries(ballot.dots)) {
			const row = byId.get(itemId);
			if (!row || !(n > 0)) continue;
			row.online += n;
			row.voters += 1;
		}
	}
	for (const { row } of rows) row.total = row.online + row.room;
	rows.sort((a, b) => b.row.total - a.row.total || a.index - b.index);
	let rank = 0;
	let last = Number.NaN;
	rows.forEach(({ row }, i) => {
		if (row.total !== last) rank = i + 1;
		last = row.total;
		row.rank = rank;
	});
	return rows.map((r) => r.row);
}

/** The vote as every reader of the plan sees it: counts, results only when not hidden. */
export function viewOf(vote: VoteRecord, now: number): VoteView {
	const status = statusOf(vote, now);
	const rows = tally(vote);
	let voterCount = 0;
	for (const b of Object.values(vote.ballots)) {
		if (Object.values(b.dots).some((n) => n > 0)) voterCount += 1;
	}
	return {
		id: vote.id,
		planId: vote.planId,
		sessionId: vote.sessionId,
		title: vote.title,
		targets: vote.targets,
		dotsPerPerson: vote.dotsPerPerson,
		maxPerItem: vote.maxPerItem,
		hideResults: vote.hideResults,
		viewersMayVote: vote.viewersMayVote,
		endsAt: vote.endsAt,
		status,
		createdAt: vote.createdAt,
		createdBy: vote.createdBy,
		closedAt: vote.closedAt ?? (status === 'closed' ? vote.endsAt : null),
		closedBy: vote.closedBy,
		voterCount,
		dotsOnline: rows.reduce((s, r) => s + r.online, 0),
		dotsRoom: rows.reduce((s, r) => s + r.room, 0),
		results: vote.hideResults && status === 'open' ? null : rows,
		handCountLog: vote.handCountLog,
		applications: vote.applications,
		serverNow: new Date(now).toISOString()
	};
}

/**
 * A proposal the facilitator confirms or changes: the measures in the top third of the ranking
 * → hoch, the middle third → mittel, the rest → niedrig; items without any dot → niedrig. Goals
 * have no priority and are left out.
 */
export function suggestPriorities(results: readonly VoteResultRow[]): Record<string, VotePriority> {
	const measures = results.filter((r) => r.type === 'measure');
	const out: Record<string, VotePriority> = {};
	const n = measures.length;
	measures.forEach((r, i) => {
		// Ties follow the better placed one: use the first index with this rank.
		const first = measures.findIndex((m) => m.rank === r.rank);
		const position = Math.min(i, first);
		if (r.total === 0) out[r.itemId] = 'niedrig';
		else if (position < Math.max(1, Math.round(n / 3))) out[r.itemId] = 'hoch';
		else if (position < Math.max(2, Math.round((2 * n) / 3))) out[r.itemId] = 'mittel';
		else out[r.itemId] = 'niedrig';
	});
	return out;
}

export function isVotePriority(value: unknown): value is VotePriority {
	return value === 'hoch' || value === 'mittel' || value === 'niedrig' || value === '';
}
