/** German words for the audit log (GET /api/plans/<id>/audit). */
import { ROLE_LABELS, isPlanRole } from '$lib/contract/roles';
import type { AuditEntry } from '$lib/auth/types';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
	plan_created: 'Plan angelegt',
	member_joined: 'Über Einladung beigetreten',
	member_added: 'Mitglied hinzugefügt',
	role_changed: 'Rolle geändert',
	member_removed: 'Mitglied entfernt',
	invite_created: 'Einladung erstellt',
	invite_used: 'Einladung verwendet',
	invite_revoked: 'Einladung widerrufen',
	guest_joined: 'Als Gast beigetreten',
	guest_removed: 'Gast entfernt',
	export: 'Exportiert',
	settings_changed: 'Planangaben geändert',
	version_created: 'Version gespeichert',
	version_restored: 'Version wiederhergestellt',
	version_deleted: 'Version gelöscht',
	feedback_round_created: 'Beteiligungsrunde angelegt',
	feedback_round_changed: 'Beteiligungsrunde geändert',
	feedback_round_deleted: 'Beteiligungsrunde gelöscht',
	feedback_triaged: 'Beitrag bearbeitet',
	review_requested: 'Prüfung angefragt',
	review_closed: 'Prüfanfrage abgeschlossen',
	review_reopened: 'Prüfanfrage wieder geöffnet',
	check_assigned: 'Verwaltungsprüfung beauftragt',
	check_removed: 'Verwaltungsprüfung zurückgenommen',
	check_verdict: 'Verwaltungsprüfung bewertet',
	api_token_created: 'API-Schlüssel für diesen Plan angelegt',
	api_token_revoked: 'API-Schlüssel für diesen Plan widerrufen'
};

const DETAIL_LABELS: Record<string, string> = {
	role: 'Rolle',
	from: 'vorher',
	to: 'neu',
	previousRole: 'vorher',
	email: 'E-Mail',
	name: 'Name',
	userName: 'Person',
	memberName: 'Person',
	format: 'Format',
	type: 'Art',
	maxUses: 'höchstens',
	allowGuests: 'Gäste erlaubt',
	expiresAt: 'gültig bis',
	label: 'Notiz',
	title: 'Titel',
	version: 'Version',
	snapshot: 'Sicherung vorher',
	scope: 'Umfang',
	reviewers: 'prüfende Personen',
	dueDate: 'fällig am',
	measures: 'Maßnahmen',
	department: 'prüfende Stelle',
	outcome: 'Ergebnis',
	office: 'zuständiges Amt',
	maxRole: 'höchstens'
};

function value(key: string, raw: string | number | boolean | null): string {
	if (raw === null) return '–';
	if (typeof raw === 'boolean') return raw ? 'ja' : 'nein';
	if (
		(key === 'role' ||
			key === 'from' ||
			key === 'to' ||
			key === 'previousRole' ||
			key === 'maxRole') &&
		isPlanRole(raw)
	)
		return ROLE_LABELS[raw];
	if (key === 'expiresAt' && typeof raw === 'number')
		return new Date(raw).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
	return String(raw);
}

/** "Rolle: Bearbeiten · E-Mail: a@b.de" (ids are left out). */
export function auditDetails(entry: AuditEntry): string {
	return Object.entries(entry.details ?? {})
		.filter(([key, raw]) => raw !== null && raw !== '' && !/id$/i.test(key))
		.map(([key, raw]) => `${DETAIL_LABELS[key] ?? key}: ${value(key, raw)}`)
		.join(' · ');
}

export function auditAction(entry: AuditEntry): string {
	return AUDIT_ACTION_LABELS[entry.action] ?? entry.action;
}
