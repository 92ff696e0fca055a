/**
 * What the browser sees of accounts, members, invites and the audit log (docs/api.md): the same
 * types the server's access service answers with (type-only import; nothing of the server is
 * bundled), plus the shapes only the UI needs.
 */
import type { AuditEntry } from '../../../server/auth/types';
import type { PlanRole } from './roles';

export type {
	AuditEntry,
	GuestInfo,
	Invite,
	Member,
	Principal,
	User
} from '../../../server/auth/types';

export type AuditAction = AuditEntry['action'];

/** GET /api/invites/<token> */
export interface InviteInfo {
	planTitle: string;
	role: PlanRole;
	allowGuests: boolean;
	expiresAt: number;
}
