/**
 * What the board tells the user when the /sync websocket closes: a message per close code
 * ($lib/contract/close-codes) in the interface language (messages/notices, `notices_sync_…`).
 * The server's close reason is a diagnostic for logs and never shown.
 */
import { m } from '$lib/i18n';
import { CloseCode } from '../contract/close-codes';

const MESSAGES: Record<number, () => string> = {
	[CloseCode.TooLarge]: m.notices_sync_too_large,
	[CloseCode.Unauthenticated]: m.notices_sync_unauthenticated,
	[CloseCode.Forbidden]: m.notices_sync_forbidden,
	[CloseCode.AccessChanged]: m.notices_sync_access_changed,
	[CloseCode.CrossOrigin]: m.notices_sync_cross_origin,
	[CloseCode.Malformed]: m.notices_sync_malformed,
	[CloseCode.InvalidPlanId]: m.notices_sync_invalid_plan_id,
	[CloseCode.PlanNotFound]: m.notices_sync_plan_not_found,
	[CloseCode.PlanDeleted]: m.notices_sync_plan_deleted,
	[CloseCode.PlanTooLarge]: m.notices_sync_plan_too_large,
	[CloseCode.Refused]: m.notices_sync_refused,
	[CloseCode.TooManyConnections]: m.notices_sync_too_many,
	[CloseCode.StorageUnavailable]: m.notices_sync_storage
};

/** The message for a close code (unknown codes: "interrupted, trying again"). */
export function closeMessage(code: number): string {
	return (MESSAGES[code] ?? m.notices_sync_interrupted)();
}
