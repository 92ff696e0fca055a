/**
 * The German texts of Mitplan's mails: being added to a plan, a reset link made by the
 * Administration, and the review notifications (mention, reply, review request/verdict, office
 * check, due soon). Each returns a MailMessage for render.ts.
 */
import { ROLE_LABELS, type PlanRole } from '../../src/lib/contract/roles';
import type { MailCategory } from '../../src/lib/contract/mail';
import type { NotificationKind } from '../../src/lib/review/types';
import { localDateTime } from '../../src/lib/domain/time-zone';
import type { MailMessage } from './render';

const planPath = (planId: string, itemId?: string | null) =>
	`/plans/${encodeURIComponent(planId)}${itemId ? `?eintrag=${encodeURIComponent(itemId)}` : ''}`;

export function inviteMessage(input: {
	planId: string;
	planTitle: string;
	role: PlanRole;
	invitedBy: string;
	hasAccount: boolean;
}): MailMessage {
	const title = input.planTitle || 'Ohne Titel';
	return {
		category: 'invite',
		subject: `Einladung zum Plan „${title}“`,
		paragraphs: [
			`${input.invitedBy} hat Sie in Mitplan zum Plan „${title}“ hinzugefügt (Rolle: ${ROLE_LABELS[input.role]}).`,
			input.hasAccount
				? 'Melden Sie sich mit Ihrem Konto an, um den Plan zu öffnen.'
				: 'Für diese E-Mail-Adresse gibt es noch kein Konto. Sobald die Verwaltung Ihnen eines mit dieser Adresse anlegt, sehen Sie den Plan nach der Anmeldung.'
		],
		link: { path: planPath(input.planId), label: 'Plan öffnen' }
	};
}

export function resetMessage(input: {
	token: string;
	expiresAt: number;
	timeZone: string;
}): MailMessage {
	const until = localDateTime(new Date(input.expiresAt).toISOString(), input.timeZone);
	return {
		category: 'account',
		subject: 'Neues Passwort für Mitplan festlegen',
		paragraphs: [
			'die Verwaltung hat für Ihr Mitplan-Konto einen Link erstellt, mit dem Sie ein neues Passwort festlegen.',
			`Der Link gilt einmal und bis ${until} Uhr. Mit dem neuen Passwort werden alle bisherigen Anmeldungen beendet.`,
			'Haben Sie das nicht erwartet, melden Sie sich bitte bei der Verwaltung.'
		],
		link: {
			path: `/passwort-neu/${encodeURIComponent(input.token)}`,
			label: 'Neues Passwort festlegen'
		}
	};
}

export const NOTIFICATION_CATEGORY: Record<NotificationKind, MailCategory> = {
	mention: 'mention',
	reply: 'reply',
	review_requested: 'review',
	review_verdict: 'review',
	check_assigned: 'review',
	check_verdict: 'review',
	due_soon: 'due',
	update_due: 'due',
	weekly_digest: 'due',
	meeting_task: 'due'
};

const SUBJECTS: Record<NotificationKind, (plan: string) => string> = {
	mention: (p) => `Sie wurden in „${p}“ erwähnt`,
	reply: (p) => `Neue Antwort in „${p}“`,
	review_requested: (p) => `Prüfanfrage zu „${p}“`,
	review_verdict: (p) => `Prüfergebnis zu „${p}“`,
	check_assigned: (p) => `Verwaltungsprüfung zu „${p}“`,
	check_verdict: (p) => `Ergebnis der Verwaltungsprüfung zu „${p}“`,
	due_soon: (p) => `Bald fällig in „${p}“`,
	update_due: (p) => `Sachstand fällig in „${p}“`,
	weekly_digest: (p) => `Wochenüberblick zur Umsetzung von „${p}“`,
	meeting_task: (p) => `Neue Aufgabe aus einer Sitzung zu „${p}“`
};

/** A review notification (the same sentence the inbox shows) as a mail. */
export function notificationMessage(n: {
	kind: NotificationKind;
	planId: string;
	planTitle: string;
	itemId: string | null;
	text: string;
}): MailMessage {
	const title = n.planTitle || 'Ohne Titel';
	return {
		category: NOTIFICATION_CATEGORY[n.kind],
		subject: SUBJECTS[n.kind](title),
		paragraphs: [n.text, `Plan: „${title}“`],
		link: { path: planPath(n.planId, n.itemId), label: 'In Mitplan ansehen' }
	};
}
