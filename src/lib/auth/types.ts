/**
 * What the browser sees of accounts, members, invites and the audit log (docs/api.md): the shared
 * contract's types (src/lib/contract/access.ts), plus the shapes only the UI needs.
 */
import type { AuditEntry } from '../contract/access';
import type { PlanRole } from '../contract/roles';

export type { AuditEntry, GuestInfo, Invite, Member, Principal, User } from '../contract/access';

export type AuditAction = AuditEntry['action'];

/** GET /api/invites/<token> */
export interface InviteInfo {
	planTitle: string;
	role: PlanRole;
	allowGuests: boolean;
	expiresAt: number;
}
