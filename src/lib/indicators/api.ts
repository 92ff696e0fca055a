/** Browser calls of the indicator API (/api/plans/<id>/indikatoren, docs/api.md). */
import { apiList, apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import type { Indicator } from '$lib/domain/indicators';

const enc = encodeURIComponent;
const base = (planId: string) => `${planApiPath(planId)}/indikatoren`;
const one = (planId: string, id: string) => `${base(planId)}/${enc(id)}`;

export interface IndicatorBody {
	goalId?: string;
	name: string;
	unit: string;
	baseline: { value: string; date: string } | null;
	target: { value: string; date: string } | null;
}

export interface ValueBody {
	value: string;
	date: string;
	source: string;
}

export const indicatorApi = {
	list: (planId: string, f: Fetch = fetch) => apiList<Indicator>(f, base(planId)),
	create: (planId: string, body: IndicatorBody, f: Fetch = fetch) =>
		apiRequest<Indicator>(f, 'POST', base(planId), body),
	update: (planId: string, id: string, body: Partial<IndicatorBody>, f: Fetch = fetch) =>
		apiRequest<Indicator>(f, 'PATCH', one(planId, id), body),
	remove: (planId: string, id: string, f: Fetch = fetch) =>
		apiRequest<void>(f, 'DELETE', one(planId, id)),
	addValue: (planId: string, id: string, body: ValueBody, f: Fetch = fetch) =>
		apiRequest<Indicator>(f, 'POST', `${one(planId, id)}/werte`, body),
	removeValue: (planId: string, id: string, valueId: string, f: Fetch = fetch) =>
		apiRequest<Indicator>(f, 'DELETE', `${one(planId, id)}/werte/${enc(valueId)}`)
};
