/** Browser calls of the Sitzungsprotokoll API (`/api/plans/<id>/sitzungen/<sid>/protokoll…`, docs/api.md). */
import { apiList, apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import type { Member } from '$lib/contract/access';
import type {
	DecisionLogRow,
	MinutesComment,
	MinutesEntry,
	ProtocolView
} from '$lib/contract/minutes';

const enc = encodeURIComponent;
const base = (planId: string, sessionId: string) =>
	`${planApiPath(planId)}/sitzungen/${enc(sessionId)}/protokoll`;

export const minutesApi = {
	view: (planId: string, sessionId: string, f: Fetch = fetch) =>
		apiRequest<ProtocolView>(f, 'GET', base(planId, sessionId)),
	settings: (planId: string, sessionId: string, body: Record<string, unknown>) =>
		apiRequest<ProtocolView>(fetch, 'PATCH', base(planId, sessionId), body),
	add: (planId: string, sessionId: string, body: Record<string, unknown>) =>
		apiRequest<MinutesEntry>(fetch, 'POST', `${base(planId, sessionId)}/eintraege`, body),
	update: (planId: string, sessionId: string, id: string, body: Record<string, unknown>) =>
		apiRequest<MinutesEntry>(
			fetch,
			'PATCH',
			`${base(planId, sessionId)}/eintraege/${enc(id)}`,
			body
		),
	remove: (planId: string, sessionId: string, id: string) =>
		apiRequest<void>(fetch, 'DELETE', `${base(planId, sessionId)}/eintraege/${enc(id)}`),
	comment: (planId: string, sessionId: string, text: string) =>
		apiRequest<MinutesComment>(fetch, 'POST', `${base(planId, sessionId)}/kommentare`, { text }),
	/** Decisions of all sessions (Gesamtplan appendix). */
	decisionLog: (planId: string, f: Fetch = fetch) =>
		apiList<DecisionLogRow>(f, `${planApiPath(planId)}/sitzungen/beschluesse`),
	members: (planId: string, f: Fetch = fetch) =>
		apiList<Member>(f, `${planApiPath(planId)}/members`),
	pdfHref: (planId: string, sessionId: string) =>
		`${planApiPath(planId)}/sitzungen/${enc(sessionId)}/protokoll.pdf`
};
