import type { PlanRole } from '$lib/contract/roles';
import type { AuditEntry, GuestInfo, Invite, Member } from '$lib/auth/types';
import { api } from '$lib/components/api';
import { ownerGate, requirePlanId, type PageDenied } from '$lib/components/plan-page';
import type { PageLoad } from './$types';

/**
 * Members, invites and audit log of a plan: only for its owners ("Prozesssteuerung"). Others
 * get a clear message instead of the sections (the API answers 403/404 anyway).
 */
interface SettingsData {
	planId: string;
	title: string;
	role: PlanRole | null;
	denied: PageDenied | null;
	loadError: string | null;
	members: Member[];
	guests: GuestInfo[];
	invites: Invite[];
	audit: AuditEntry[];
}

export const load: PageLoad = async ({ fetch, params, depends }): Promise<SettingsData> => {
	depends('app:settings');
	const planId = requirePlanId(params.planId);
	const gate = await ownerGate(planId, fetch);
	const base = { planId, ...gate, members: [], guests: [], invites: [], audit: [] };
	if (gate.denied) return base;
	const [members, guests, invites, audit] = await Promise.all([
		api.listMembers(planId, fetch),
		api.listGuests(planId, fetch),
		api.listInvites(planId, fetch),
		api.audit(planId, fetch)
	]);
	const failed = [members, guests, invites, audit].find((r) => !r.ok);
	return {
		...base,
		loadError: failed && !failed.ok ? failed.error.message : null,
		members: members.ok ? members.value : [],
		guests: guests.ok ? guests.value : [],
		invites: invites.ok ? invites.value : [],
		audit: audit.ok ? audit.value : []
	};
};
