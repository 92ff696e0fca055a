/** Browser calls of the vote API (`/api/plans/<id>/votes…`, docs/api.md "Abstimmungen"). */
import { apiList, apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import type { VoteForMe, VotePriority, VoteView } from '$lib/contract/votes';

const enc = encodeURIComponent;
const base = (planId: string) => `${planApiPath(planId)}/votes`;
const one = (planId: string, voteId: string) => `${base(planId)}/${enc(voteId)}`;

/** The own ballot's address (also queued offline: src/lib/meetings/offline-queue.ts). */
export const ballotPath = (planId: string, voteId: string) => `${one(planId, voteId)}/ballot`;

export interface OpenVoteBody {
	title: string;
	targetIds: string[];
	dotsPerPerson: number;
	maxPerItem?: number;
	durationMinutes?: number | null;
	hideResults?: boolean;
	viewersMayVote?: boolean;
	sessionId?: string | null;
}

export const votesApi = {
	list: (planId: string, f: Fetch = fetch) => apiList<VoteView>(f, base(planId)),
	get: (planId: string, voteId: string, f: Fetch = fetch) =>
		apiRequest<VoteForMe>(f, 'GET', one(planId, voteId)),
	open: (planId: string, body: OpenVoteBody) =>
		apiRequest<VoteForMe>(fetch, 'POST', base(planId), body),
	cast: (planId: string, voteId: string, dots: Record<string, number>, revision?: number) =>
		apiRequest<VoteForMe>(fetch, 'PUT', ballotPath(planId, voteId), { dots, revision }),
	setHandCount: (planId: string, voteId: string, itemId: string, count: number) =>
		apiRequest<VoteForMe>(fetch, 'PUT', `${one(planId, voteId)}/hand-counts`, { itemId, count }),
	close: (planId: string, voteId: string) =>
		apiRequest<VoteForMe>(fetch, 'POST', `${one(planId, voteId)}/close`),
	apply: (planId: string, voteId: string, priorities: Record<string, VotePriority>) =>
		apiRequest<VoteForMe>(fetch, 'POST', `${one(planId, voteId)}/apply`, { priorities })
};
