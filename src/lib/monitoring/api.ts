/** Browser calls of the Umsetzung API (`/api/plans/<id>/umsetzung…`). */
import { apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import type {
	Adoption,
	BulkStatusResult,
	MeasureView,
	MonitoringOverview,
	Publication
} from '$lib/contract/monitoring';
import type { Implementation, ImplStatus } from '$lib/domain/monitoring';

const enc = encodeURIComponent;
const base = (planId: string) => `${planApiPath(planId)}/umsetzung`;
const measure = (planId: string, id: string) => `${base(planId)}/massnahmen/${enc(id)}`;

export const monitoringApi = {
	/** The CSV download (a link, not a fetch). */
	csvUrl: (planId: string) => `${planApiPath(planId)}/umsetzung.csv`,
	xlsxUrl: (planId: string) => `${planApiPath(planId)}/umsetzung.xlsx`,
	/** The Umsetzungsbericht (PDF) for a period; empty dates leave the server's default. */
	reportUrl: (planId: string, period: { von: string; bis: string }) => {
		const q = new URLSearchParams();
		if (period.von) q.set('von', period.von);
		if (period.bis) q.set('bis', period.bis);
		const query = q.toString();
		return `${base(planId)}/bericht.pdf${query ? `?${query}` : ''}`;
	},
	overview: (planId: string, f: Fetch = fetch) =>
		apiRequest<MonitoringOverview>(f, 'GET', base(planId)),
	adopt: (planId: string, body: { date: string; body: string; reference: string }) =>
		apiRequest<Adoption>(fetch, 'POST', `${base(planId)}/beschluss`, body),
	get: (planId: string, id: string) => apiRequest<MeasureView>(fetch, 'GET', measure(planId, id)),
	update: (planId: string, id: string, body: Record<string, unknown>) =>
		apiRequest<Implementation>(fetch, 'PATCH', measure(planId, id), body),
	addNote: (planId: string, id: string, body: { date: string; text: string }) =>
		apiRequest<Implementation>(fetch, 'POST', `${measure(planId, id)}/sachstand`, body),
	publication: (planId: string, f: Fetch = fetch) =>
		apiRequest<Publication | null>(f, 'GET', `${base(planId)}/veroeffentlichung`),
	publish: (planId: string) =>
		apiRequest<Publication>(fetch, 'POST', `${base(planId)}/veroeffentlichung`),
	unpublish: (planId: string) =>
		apiRequest<null>(fetch, 'DELETE', `${base(planId)}/veroeffentlichung`),
	bulk: (
		planId: string,
		body:
			| { measureIds: string[]; status: ImplStatus; reason: string }
			| { measureIds: string[]; public: boolean }
	) => apiRequest<BulkStatusResult>(fetch, 'POST', `${base(planId)}/sammel`, body)
};
