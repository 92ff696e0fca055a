/** Browser calls of the feedback-round API (docs/api.md "Beteiligung"). */
import { apiRequest, planApiPath, type Fetch, apiList } from '$lib/components/api';
import type {
	ConsiderationRow,
	Decision,
	ItemOriginEntry,
	PublicRound,
	RoundView,
	Submission
} from './types';

const enc = encodeURIComponent;
const rounds = (planId: string) => `${planApiPath(planId)}/rounds`;
const sub = (planId: string, roundId: string, subId: string) =>
	`${rounds(planId)}/${enc(roundId)}/submissions/${enc(subId)}`;

export interface RoundBody {
	title: string;
	fieldIds: string[];
	startsAt: string;
	endsAt: string;
	intro: string;
}

export const feedbackApi = {
	listRounds: (planId: string, f: Fetch = fetch) => apiList<RoundView>(f, rounds(planId)),
	createRound: (planId: string, body: RoundBody, f: Fetch = fetch) =>
		apiRequest<RoundView>(f, 'POST', rounds(planId), body),
	updateRound: (
		planId: string,
		roundId: string,
		patch: Partial<RoundBody> & { closed?: boolean },
		f: Fetch = fetch
	) => apiRequest<RoundView>(f, 'PATCH', `${rounds(planId)}/${enc(roundId)}`, patch),
	deleteRound: (planId: string, roundId: string, f: Fetch = fetch) =>
		apiRequest<void>(f, 'DELETE', `${rounds(planId)}/${enc(roundId)}`),
	submissions: (planId: string, roundId: string, f: Fetch = fetch) =>
		apiList<Submission>(f, `${rounds(planId)}/${enc(roundId)}/submissions`),
	triage: (
		planId: string,
		roundId: string,
		subId: string,
		patch: {
			linkedItemId?: string | null;
			duplicateOf?: string | null;
			decision?: Decision | null;
			reason?: string;
		},
		f: Fetch = fetch
	) => apiRequest<Submission>(f, 'PATCH', sub(planId, roundId, subId), patch),
	createItem: (
		planId: string,
		roundId: string,
		subId: string,
		body: { type: 'goal' | 'measure'; parentId: string },
		f: Fetch = fetch
	) =>
		apiRequest<{ submission: Submission; itemId: string }>(
			f,
			'POST',
			`${sub(planId, roundId, subId)}/item`,
			body
		),
	consideration: (planId: string, roundId?: string, f: Fetch = fetch) =>
		apiList<ConsiderationRow>(
			f,
			`${rounds(planId)}/abwaegung${roundId ? `?roundId=${enc(roundId)}` : ''}`
		),
	csvUrl: (planId: string, roundId?: string) =>
		`${rounds(planId)}/abwaegung.csv${roundId ? `?roundId=${enc(roundId)}` : ''}`,
	origins: (planId: string, itemId: string, f: Fetch = fetch) =>
		apiRequest<ItemOriginEntry[]>(f, 'GET', `${rounds(planId)}/origins?itemId=${enc(itemId)}`),
	publicRound: (token: string, f: Fetch = fetch, language?: string | null) =>
		apiRequest<PublicRound>(
			f,
			'GET',
			`/api/public/rounds/${enc(token)}${language ? `?sprache=${enc(language)}` : ''}`,
			undefined,
			{ allow401: true }
		),
	submit: (
		token: string,
		body: {
			kind: string;
			targetId: string;
			title: string;
			text: string;
			name: string;
			consent: boolean;
		},
		f: Fetch = fetch
	) =>
		apiRequest<{ number: number; id: string }>(
			f,
			'POST',
			`/api/public/rounds/${enc(token)}/submissions`,
			body,
			{ allow401: true }
		)
};

/** The public link of a round on this server (`origin`: the page's origin, also during SSR). */
export function roundUrl(origin: string, token: string): string {
	return `${origin}/beteiligung/${token}`;
}
