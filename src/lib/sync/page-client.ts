/**
 * A live, not persisted connection to a plan for the plan's side pages (Vollständigkeit,
 * Zeitleiste): null without a role or a signed-in principal (the page then shows its notice).
 */
import { colorFor } from '$lib/auth/session.svelte';
import type { Principal } from '$lib/contract/access';
import { PlanClient } from './client.svelte';

export function openPagePlanClient(
	planId: string,
	role: unknown,
	principal: Principal | null | undefined
): PlanClient | null {
	if (!role || !principal) return null;
	return new PlanClient(planId, {
		user: { name: principal.name, color: colorFor(principal) },
		persist: false
	});
}
