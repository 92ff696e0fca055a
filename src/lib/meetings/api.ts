/** Browser calls of the Sitzungen API (`/api/plans/<id>/sitzungen…`, docs/api.md). */
import { apiList, apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import type { Attendance, Meeting, MeetingLive, MeetingView } from '$lib/contract/meetings';

const enc = encodeURIComponent;
const base = (planId: string) => `${planApiPath(planId)}/sitzungen`;
const one = (planId: string, id: string) => `${base(planId)}/${enc(id)}`;

export const meetingsApi = {
	list: (planId: string, f: Fetch = fetch) => apiList<Meeting>(f, base(planId)),
	view: (planId: string, id: string, f: Fetch = fetch) =>
		apiRequest<MeetingView>(f, 'GET', one(planId, id)),
	create: (planId: string, body: Record<string, unknown>) =>
		apiRequest<Meeting>(fetch, 'POST', base(planId), body),
	update: (planId: string, id: string, body: Record<string, unknown>) =>
		apiRequest<Meeting>(fetch, 'PATCH', one(planId, id), body),
	remove: (planId: string, id: string) => apiRequest<void>(fetch, 'DELETE', one(planId, id)),
	control: (planId: string, id: string, body: Record<string, unknown>) =>
		apiRequest<MeetingLive>(fetch, 'POST', `${one(planId, id)}/steuerung`, body),
	hand: (planId: string, id: string, raised: boolean) =>
		apiRequest<MeetingLive>(fetch, 'POST', `${one(planId, id)}/hand`, { raised }),
	addAttendance: (planId: string, id: string, body: Record<string, unknown>) =>
		apiRequest<Attendance>(fetch, 'POST', `${one(planId, id)}/anwesenheit`, body),
	/** The session's guest link for the join QR code (facilitators; docs/api.md). */
	guestLink: (planId: string, id: string) =>
		apiRequest<{ url: string; expiresAt: number }>(fetch, 'POST', `${one(planId, id)}/gastlink`),
	removeAttendee: (planId: string, id: string, attendeeId: string) =>
		apiRequest<Attendance>(fetch, 'DELETE', `${one(planId, id)}/anwesenheit/${enc(attendeeId)}`)
};
