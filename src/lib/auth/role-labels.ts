/**
 * Role and mail-category labels in the interface language, for the pages (account,
 * administration, settings, invitation). The German constants in the contract
 * (ROLE_LABELS, MAIL_CATEGORY_LABELS) stay for the server, mails and PDFs.
 */
import { m } from '$lib/i18n';
import type { PlanRole } from '$lib/contract/roles';
import type { MailCategory } from '$lib/contract/mail';

const LABELS: Record<PlanRole, () => string> = {
	owner: m.admin_role_owner,
	editor: m.admin_role_editor,
	reviewer: m.admin_role_reviewer,
	viewer: m.admin_role_viewer
};

const DESCRIPTIONS: Record<PlanRole, () => string> = {
	owner: m.admin_role_desc_owner,
	editor: m.admin_role_desc_editor,
	reviewer: m.admin_role_desc_reviewer,
	viewer: m.admin_role_desc_viewer
};

const MAIL: Record<MailCategory, () => string> = {
	invite: m.admin_mail_invite,
	mention: m.admin_mail_mention,
	reply: m.admin_mail_reply,
	review: m.admin_mail_review,
	due: m.admin_mail_due
};

/** "Prozesssteuerung" / "Process lead" */
export function roleLabel(role: PlanRole): string {
	return LABELS[role]();
}

export function roleDescription(role: PlanRole): string {
	return DESCRIPTIONS[role]();
}

export function mailCategoryLabel(category: MailCategory): string {
	return MAIL[category]();
}
