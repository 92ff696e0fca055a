import { error } from '@sveltejs/kit';
import type { PlanRole } from '$lib/contract/roles';
import { isValidPlanId } from '$lib/domain';
import { m } from '$lib/i18n';
import { api } from './api';

type Fetch = typeof fetch;

/** The plan sub-pages' loaders: an invalid plan address is a 404 page. */
export function requirePlanId(planId: string): string {
	if (!isValidPlanId(planId))
		error(404, { message: m.notices_error_invalid_plan_id(), code: 'invalid_plan_id' });
	return planId;
}

/** Why an owner-only sub-page does not show its sections: no such plan / not the owner / the check failed. */
export type PageDenied = 'not_found' | 'forbidden' | 'error';

export interface OwnerGate {
	title: string;
	role: PlanRole | null;
	denied: PageDenied | null;
	loadError: string | null;
}

/**
 * Access check of the owner-only plan sub-pages (Einstellungen, Beteiligung): the plan's title and
 * the user's role; `denied` is null only for owners, who may then load the page's data.
 */
export async function ownerGate(planId: string, f: Fetch): Promise<OwnerGate> {
	const [access, titleResult] = await Promise.all([
		api.access(planId, f),
		api.planTitle(planId, f)
	]);
	const title = titleResult.ok ? titleResult.value : '';
	if (!access.ok) {
		const notFound = access.error.status === 404;
		return {
			title,
			role: null,
			denied: notFound ? 'not_found' : 'error',
			loadError: notFound ? null : access.error.message
		};
	}
	const role = access.value.role;
	return { title, role, denied: role === 'owner' ? null : 'forbidden', loadError: null };
}

/** What the live plan sub-pages load before their sync client opens: the user's role. */
export interface LivePlanRole {
	planId: string;
	role: PlanRole | null;
	notFound: boolean;
	loadError: string | null;
}

/**
 * Loader part of the plan sub-pages that read the plan live through the sync client
 * (Vollständigkeit, Zeitleiste, Übersetzungen): an invalid address is a 404 page, a missing plan
 * `notFound`, any other failure `loadError`.
 */
export async function livePlanRole(planIdParam: string, f: Fetch): Promise<LivePlanRole> {
	const planId = requirePlanId(planIdParam);
	const access = await api.access(planId, f);
	if (!access.ok) {
		return {
			planId,
			role: null,
			notFound: access.error.status === 404,
			loadError: access.error.message
		};
	}
	return { planId, role: access.value.role, notFound: false, loadError: null };
}
