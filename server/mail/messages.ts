/**
 * The texts of Mitplan's mails, in German or English (messages/server, `server_mail_*`): being
 * added to a plan, a reset link made by the Administration, and the review notifications
 * (mention, reply, review request/verdict, office check, due soon). Each returns a MailMessage for
 * render.ts in the recipient's language (service.ts decides which: README „E-Mail“).
 */
import { ROLE_LABELS, type PlanRole } from '../../src/lib/contract/roles';
import type { MailCategory } from '../../src/lib/contract/mail';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import type { NoticeParams, NotificationKind } from '../../src/lib/review/types';
import { noticeText } from '../../src/lib/review/notice-text';
import { localDateTime } from '../../src/lib/domain/time-zone';
import * as t from '../../src/lib/paraglide/messages/_index.js';
import type { MailMessage } from './render';

const planPath = (planId: string, itemId?: string | null) =>
	`/plans/${encodeURIComponent(planId)}${itemId ? `?eintrag=${encodeURIComponent(itemId)}` : ''}`;

/** Role names in a mail: the contract's German labels, the interface's English ones. */
const ROLE_EN: Record<PlanRole, (locale: { locale: InterfaceLocale }) => string> = {
	owner: (o) => t.admin_role_owner({}, o),
	editor: (o) => t.admin_role_editor({}, o),
	reviewer: (o) => t.admin_role_reviewer({}, o),
	viewer: (o) => t.admin_role_viewer({}, o)
};
const roleName = (role: PlanRole, locale: InterfaceLocale) =>
	locale === 'de' ? ROLE_LABELS[role] : ROLE_EN[role]({ locale });

export function inviteMessage(
	input: {
		planId: string;
		planTitle: string;
		role: PlanRole;
		/** The inviting person's name; '' (a guest, unknown) → „Jemand“ / "Someone". */
		invitedBy: string;
		hasAccount: boolean;
	},
	locale: InterfaceLocale = 'de'
): MailMessage {
	const o = { locale };
	const title = input.planTitle || t.server_mail_untitled({}, o);
	return {
		category: 'invite',
		subject: t.server_mail_invite_subject({ title }, o),
		paragraphs: [
			t.server_mail_invite_added(
				{
					invitedBy: input.invitedBy || t.server_mail_someone({}, o),
					title,
					role: roleName(input.role, locale)
				},
				o
			),
			input.hasAccount
				? t.server_mail_invite_has_account({}, o)
				: t.server_mail_invite_no_account({}, o)
		],
		link: { path: planPath(input.planId), label: t.server_mail_invite_link({}, o) }
	};
}

export function resetMessage(
	input: {
		token: string;
		expiresAt: number;
		timeZone: string;
	},
	locale: InterfaceLocale = 'de'
): MailMessage {
	const o = { locale };
	const until = localDateTime(new Date(input.expiresAt).toISOString(), input.timeZone);
	return {
		category: 'account',
		subject: t.server_mail_reset_subject({}, o),
		paragraphs: [
			t.server_mail_reset_created({}, o),
			t.server_mail_reset_valid({ until }, o),
			t.server_mail_reset_unexpected({}, o)
		],
		link: {
			path: `/passwort-neu/${encodeURIComponent(input.token)}`,
			label: t.server_mail_reset_link({}, o)
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

type Subject = (inputs: { plan: string }, options: { locale: InterfaceLocale }) => string;
type Note = (
	inputs: { plan: string; actor: string },
	options: { locale: InterfaceLocale }
) => string;

const SUBJECTS: Record<NotificationKind, Subject> = {
	mention: t.server_mail_subject_mention,
	reply: t.server_mail_subject_reply,
	review_requested: t.server_mail_subject_review_requested,
	review_verdict: t.server_mail_subject_review_verdict,
	check_assigned: t.server_mail_subject_check_assigned,
	check_verdict: t.server_mail_subject_check_verdict,
	due_soon: t.server_mail_subject_due_soon,
	update_due: t.server_mail_subject_update_due,
	weekly_digest: t.server_mail_subject_weekly_digest,
	meeting_task: t.server_mail_subject_meeting_task
};

/** The English lead sentence per kind (the inbox's sentence itself is German). */
const NOTES: Record<NotificationKind, Note> = {
	mention: t.server_mail_note_mention,
	reply: t.server_mail_note_reply,
	review_requested: t.server_mail_note_review_requested,
	review_verdict: t.server_mail_note_review_verdict,
	check_assigned: t.server_mail_note_check_assigned,
	check_verdict: t.server_mail_note_check_verdict,
	due_soon: t.server_mail_note_due_soon,
	update_due: t.server_mail_note_update_due,
	weekly_digest: t.server_mail_note_weekly_digest,
	meeting_task: t.server_mail_note_meeting_task
};

/**
 * A review notification as a mail: the inbox's sentence in the recipient's language
 * (src/lib/review/notice-text.ts). A notice with only a German sentence (stored before
 * 05.12.2026, or a kind without a template) in another language: a sentence of the kind in that
 * language, then the German one with its details.
 */
export function notificationMessage(
	n: {
		kind: NotificationKind;
		planId: string;
		planTitle: string;
		itemId: string | null;
		text?: string;
		params?: NoticeParams;
		actor?: { name: string } | null;
	},
	locale: InterfaceLocale = 'de'
): MailMessage {
	const o = { locale };
	const title = n.planTitle || t.server_mail_untitled({}, o);
	const lead =
		locale === 'de' || n.params
			? [noticeText(n, locale)]
			: [
					NOTES[n.kind]({ actor: n.actor?.name || t.server_mail_someone({}, o), plan: title }, o),
					t.server_mail_note_german({ text: n.text ?? '' }, o)
				];
	return {
		category: NOTIFICATION_CATEGORY[n.kind],
		subject: SUBJECTS[n.kind]({ plan: title }, o),
		paragraphs: [...lead, t.server_mail_plan_line({ title }, o)],
		link: { path: planPath(n.planId, n.itemId), label: t.server_mail_view_link({}, o) }
	};
}
