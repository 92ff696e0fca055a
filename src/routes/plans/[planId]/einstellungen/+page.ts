import { error } from '@sveltejs/kit';
import type { PlanRole } from '$lib/auth/roles';
import type { AuditEntry, Invite, Member } from '$lib/auth/types';
import { api } from '$lib/components/api';
import { isValidPlanId } from '$lib/domain';
import type { PageLoad } from './$types';

/**
 * Members, invites and audit log of a plan: only for its owners ("Prozesssteuerung"). Others
 * get a clear message instead of the sections (the API answers 403/404 anyway).
 */
interface SettingsData {
	planId: string;
	title: string;
	role: PlanRole | null;
	/** Why the sections are not shown: no such plan / not the owner / the check failed. */
	denied: 'not_found' | 'forbidden' | 'error' | null;
	loadError: string | null;
	members: Member[];
	invites: Invite[];
	audit: AuditEntry[];
}

export const load: PageLoad = async ({ fetch, params, depends }): Promise<SettingsData> => {
	depends('app:settings');
	const planId = params.planId;
	if (!isValidPlanId(planId)) error(404, { message: 'Diese Plan-Adresse ist ungültig.' });
	const [access, title] = await Promise.all([
		api.access(planId, fetch),
		api.planTitle(planId, fetch)
	]);
	const base = { planId, title: title.ok ? title.value : '', members: [], invites: [], audit: [] };
	if (!access.ok) {
		return {
			...base,
			role: null,
			denied: access.error.status === 404 ? 'not_found' : 'error',
			loadError: access.error.status === 404 ? null : access.error.message
		};
	}
	if (access.value.role !== 'owner') {
		return {
			...base,
			role: access.value.role,
			denied: 'forbidden',
			loadError: null
		};
	}
	const [members, invites, audit] = await Promise.all([
		api.listMembers(planId, fetch),
		api.listInvites(planId, fetch),
		api.audit(planId, fetch)
	]);
	const failed = [members, invites, audit].find((r) => !r.ok);
	return {
		...base,
		role: access.value.role,
		denied: null,
		loadError: failed && !failed.ok ? failed.error.message : null,
		members: members.ok ? members.value : [],
		invites: invites.ok ? invites.value : [],
		audit: audit.ok ? audit.value : []
	};
};
