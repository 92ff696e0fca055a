/**
 * Who may create plans (PLAN_CREATORS): `admins` – only accounts of the Administration;
 * `editors` (default) – the Administration and accounts that own or edit at least one plan (not
 * people who only review or read); `all` – every account. Guests never. Enforced by POST
 * /api/plans; /api/auth/me tells the UI whether to offer "Neuer Plan".
 */
import type { PlanRole } from '$lib/contract/roles';
import type { Principal } from '$lib/contract/access';

export const PLAN_CREATOR_SETTINGS = ['admins', 'editors', 'all'] as const;
export type PlanCreators = (typeof PLAN_CREATOR_SETTINGS)[number];

export const PLAN_CREATION_DENIED = {
	status: 403,
	code: 'plan_creation_not_allowed',
	message:
		'Neue Pläne legt bei dieser Installation nur ein Teil der Konten an. Bitte wenden Sie sich an die Administration oder an die Person, die Ihren Plan verwaltet.'
} as const;

export async function mayCreatePlans(
	principal: Principal | null,
	setting: PlanCreators,
	plansOf: (userId: string) => Promise<Array<{ role: PlanRole }>>
): Promise<boolean> {
	if (!principal || principal.kind !== 'user') return false;
	if (principal.isAdmin || setting === 'all') return true;
	if (setting === 'admins') return false;
	return (await plansOf(principal.id)).some((p) => p.role === 'owner' || p.role === 'editor');
}
