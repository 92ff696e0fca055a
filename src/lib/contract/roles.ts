/**
 * Plan roles and their ranking, shared by server and UI. What each role may do is the policy
 * table in ./policy.ts.
 */
export type PlanRole = 'owner' | 'editor' | 'reviewer' | 'viewer';

export const PLAN_ROLES: readonly PlanRole[] = ['owner', 'editor', 'reviewer', 'viewer'];

/** Roles an invite may grant (owners are appointed by name, never by link). */
export const INVITE_ROLES: readonly PlanRole[] = ['editor', 'reviewer', 'viewer'];

const RANK: Record<PlanRole, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };

export const ROLE_LABELS: Record<PlanRole, string> = {
	owner: 'Prozesssteuerung',
	editor: 'Bearbeiten',
	reviewer: 'Prüfen und kommentieren',
	viewer: 'Nur lesen'
};

export const ROLE_DESCRIPTIONS: Record<PlanRole, string> = {
	owner: 'Bearbeitet den Plan, verwaltet Mitglieder, Einladungen und Einstellungen, exportiert.',
	editor: 'Mitglied einer Arbeitsgruppe: bearbeitet die Inhalte.',
	reviewer: 'Kerngruppe oder Verwaltung: liest alles, kommentiert und prüft, ändert nichts direkt.',
	viewer: 'Rat oder Öffentlichkeit: liest den Plan.'
};

export function isPlanRole(value: unknown): value is PlanRole {
	return typeof value === 'string' && (PLAN_ROLES as readonly string[]).includes(value);
}

/** True if `role` is at least `min` (owner > editor > reviewer > viewer). */
export function roleAtLeast(role: PlanRole | null | undefined, min: PlanRole): boolean {
	return !!role && RANK[role] >= RANK[min];
}

/** The higher of two roles (an invite never downgrades an existing member). */
export function higherRole(a: PlanRole | null | undefined, b: PlanRole): PlanRole {
	return a && RANK[a] >= RANK[b] ? a : b;
}
