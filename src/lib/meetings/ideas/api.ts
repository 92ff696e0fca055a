/** Browser calls of the idea wall API (`/api/plans/<id>/sitzungen/<id>/ideen…`, docs/api.md). */
import { apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import type {
	IdeaCluster,
	IdeaItemOrigin,
	IdeaOutcome,
	IdeaView,
	IdeaWall
} from '$lib/contract/ideas';

const enc = encodeURIComponent;
const session = (planId: string, sessionId: string) =>
	`${planApiPath(planId)}/sitzungen/${enc(sessionId)}`;
/** The idea list of a session (also the offline queue's target for new ideas). */
export const ideasPath = (planId: string, sessionId: string) =>
	`${session(planId, sessionId)}/ideen`;
const ideas = ideasPath;
const clusters = (planId: string, sessionId: string) =>
	`${session(planId, sessionId)}/ideen-gruppen`;

export type ConvertBody = { type: 'goal' | 'measure'; parentId: string };

/** A fresh id for a new idea (sent again as is when the request is repeated). */
export function newClientId(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return `c-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const ideasApi = {
	wall: (planId: string, sessionId: string, f: Fetch = fetch) =>
		apiRequest<IdeaWall>(f, 'GET', ideas(planId, sessionId)),
	add: (
		planId: string,
		sessionId: string,
		body: { clientId: string; text: string; anonymous: boolean; fieldId?: string | null }
	) => apiRequest<IdeaView>(fetch, 'POST', ideas(planId, sessionId), body),
	edit: (
		planId: string,
		sessionId: string,
		ideaId: string,
		body: { text?: string; hidden?: boolean; clusterId?: string | null }
	) => apiRequest<IdeaView>(fetch, 'PATCH', `${ideas(planId, sessionId)}/${enc(ideaId)}`, body),
	convertIdea: (planId: string, sessionId: string, ideaId: string, body: ConvertBody) =>
		apiRequest<{ itemId: string; outcome: IdeaOutcome }>(
			fetch,
			'POST',
			`${ideas(planId, sessionId)}/${enc(ideaId)}/uebernehmen`,
			body
		),
	addCluster: (planId: string, sessionId: string, title: string) =>
		apiRequest<IdeaCluster>(fetch, 'POST', clusters(planId, sessionId), { title }),
	removeCluster: (planId: string, sessionId: string, clusterId: string) =>
		apiRequest<void>(fetch, 'DELETE', `${clusters(planId, sessionId)}/${enc(clusterId)}`),
	convertCluster: (planId: string, sessionId: string, clusterId: string, body: ConvertBody) =>
		apiRequest<{ itemId: string; outcome: IdeaOutcome }>(
			fetch,
			'POST',
			`${clusters(planId, sessionId)}/${enc(clusterId)}/uebernehmen`,
			body
		),
	origin: (planId: string, itemId: string) =>
		apiRequest<IdeaItemOrigin | null>(
			fetch,
			'GET',
			`${planApiPath(planId)}/sitzungen/herkunft?itemId=${enc(itemId)}`
		)
};
