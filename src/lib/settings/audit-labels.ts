/** Audit log words in the interface language (GET /api/plans/<id>/audit). */
import { intlLocale, m } from '$lib/i18n';
import { isPlanRole } from '$lib/contract/roles';
import { roleLabel } from '$lib/auth/role-labels';
import type { AuditEntry } from '$lib/auth/types';

export const AUDIT_ACTION_LABELS: Record<string, () => string> = {
	plan_created: m.admin_audit_plan_created,
	member_joined: m.admin_audit_member_joined,
	member_added: m.admin_audit_member_added,
	role_changed: m.admin_audit_role_changed,
	translator_changed: m.translate_audit_translator_changed,
	member_removed: m.admin_audit_member_removed,
	invite_created: m.admin_audit_invite_created,
	invite_used: m.admin_audit_invite_used,
	invite_revoked: m.admin_audit_invite_revoked,
	guest_joined: m.admin_audit_guest_joined,
	guest_removed: m.admin_audit_guest_removed,
	export: m.admin_audit_export,
	settings_changed: m.admin_audit_settings_changed,
	version_created: m.admin_audit_version_created,
	version_restored: m.admin_audit_version_restored,
	version_deleted: m.admin_audit_version_deleted,
	feedback_round_created: m.admin_audit_feedback_round_created,
	feedback_round_changed: m.admin_audit_feedback_round_changed,
	feedback_round_deleted: m.admin_audit_feedback_round_deleted,
	feedback_triaged: m.admin_audit_feedback_triaged,
	review_requested: m.admin_audit_review_requested,
	review_closed: m.admin_audit_review_closed,
	review_reopened: m.admin_audit_review_reopened,
	check_assigned: m.admin_audit_check_assigned,
	check_removed: m.admin_audit_check_removed,
	check_verdict: m.admin_audit_check_verdict,
	api_token_created: m.admin_audit_api_token_created,
	api_token_revoked: m.admin_audit_api_token_revoked
};

const DETAIL_LABELS: Record<string, () => string> = {
	role: m.admin_audit_detail_role,
	from: m.admin_audit_detail_from,
	to: m.admin_audit_detail_to,
	previousRole: m.admin_audit_detail_previousRole,
	email: m.admin_audit_detail_email,
	name: m.admin_audit_detail_name,
	userName: m.admin_audit_detail_userName,
	memberName: m.admin_audit_detail_memberName,
	format: m.admin_audit_detail_format,
	type: m.admin_audit_detail_type,
	maxUses: m.admin_audit_detail_maxUses,
	allowGuests: m.admin_audit_detail_allowGuests,
	expiresAt: m.admin_audit_detail_expiresAt,
	label: m.admin_audit_detail_label,
	title: m.admin_audit_detail_title,
	version: m.admin_audit_detail_version,
	snapshot: m.admin_audit_detail_snapshot,
	scope: m.admin_audit_detail_scope,
	reviewers: m.admin_audit_detail_reviewers,
	dueDate: m.admin_audit_detail_dueDate,
	measures: m.admin_audit_detail_measures,
	department: m.admin_audit_detail_department,
	outcome: m.admin_audit_detail_outcome,
	office: m.admin_audit_detail_office,
	maxRole: m.admin_audit_detail_maxRole
};

function value(key: string, raw: string | number | boolean | null): string {
	if (raw === null) return '–';
	if (typeof raw === 'boolean') return raw ? m.admin_yes() : m.admin_no();
	if (
		(key === 'role' ||
			key === 'from' ||
			key === 'to' ||
			key === 'previousRole' ||
			key === 'maxRole') &&
		isPlanRole(raw)
	)
		return roleLabel(raw);
	if (key === 'expiresAt' && typeof raw === 'number')
		return new Date(raw).toLocaleString(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' });
	return String(raw);
}

/** "Rolle: Bearbeiten · E-Mail: a@b.de" (ids are left out). */
export function auditDetails(entry: AuditEntry): string {
	return Object.entries(entry.details ?? {})
		.filter(([key, raw]) => raw !== null && raw !== '' && !/id$/i.test(key))
		.map(
			([key, raw]) =>
				`${Object.hasOwn(DETAIL_LABELS, key) ? DETAIL_LABELS[key]() : key}: ${value(key, raw)}`
		)
		.join(' · ');
}

export function auditAction(entry: AuditEntry): string {
	return Object.hasOwn(AUDIT_ACTION_LABELS, entry.action)
		? AUDIT_ACTION_LABELS[entry.action]()
		: entry.action;
}
