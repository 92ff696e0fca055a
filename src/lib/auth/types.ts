/**
 * What the browser sees of accounts, members, invites and the audit log (docs/api.md).
 */
import type { PlanRole } from './roles';

export type Principal =
	| { kind: 'user'; id: string; name: string; email: string; isAdmin: boolean }
	| { kind: 'guest'; id: string; name: string; planId: string; role: PlanRole; expiresAt: number };

export interface User {
	id: string;
	email: string;
	name: string;
	isAdmin: boolean;
	disabled: boolean;
	createdAt: string;
	lastLoginAt: string | null;
}

export interface Member {
	userId: string;
	email: string;
	name: string;
	role: PlanRole;
	addedAt: string;
}

export interface Invite {
	id: string;
	planId: string;
	role: PlanRole;
	label: string;
	expiresAt: number;
	maxUses: number;
	uses: number;
	allowGuests: boolean;
	revoked: boolean;
	createdAt: string;
}

export interface InviteInfo {
	planTitle: string;
	role: PlanRole;
	allowGuests: boolean;
	expiresAt: number;
}

export type AuditAction =
	| 'plan_created'
	| 'member_joined'
	| 'member_added'
	| 'role_changed'
	| 'member_removed'
	| 'invite_created'
	| 'invite_used'
	| 'invite_revoked'
	| 'guest_joined'
	| 'export'
	| 'settings_changed';

export interface AuditEntry {
	at: string | number;
	actor: { id: string; name: string; kind: 'user' | 'guest' | 'system' };
	action: AuditAction | string;
	details: Record<string, string | number | boolean | null>;
}
