/**
 * Where mail is triggered: the access service's "add member by e-mail" and "reset link" are
 * wrapped (the auth code stays unaware of mail), and review notifications are mirrored by mail.
 * All of it runs after the operation succeeded and never changes its result.
 */
import type { Notification } from '../../src/lib/review/types';
import type { LanguagePreferenceService } from '../../src/lib/contract/languages';
import type { AccessService } from '../auth/types';
import { normalizeEmail } from '../auth/validate';
import { inviteMessage, notificationMessage, resetMessage } from './messages';
import type { MailService } from './service';

export interface MailHookDeps {
	mail: MailService;
	/** The plan's title for the invite text ('' if unknown). */
	planTitle(planId: string): Promise<string>;
	timeZone: string;
	/** Accounts' interface languages: an invitation to an address without account is written in the inviting person's language (else German). */
	languages?: Pick<LanguagePreferenceService, 'get'>;
}

/** The access service with mails for new members added by e-mail and for reset links. */
export function withMailHooks(access: AccessService, deps: MailHookDeps): AccessService {
	const { mail } = deps;
	if (!mail.enabled) return access;
	return {
		...access,
		async addMemberByEmail(planId, actor, rawEmail, role) {
			const email = normalizeEmail(rawEmail);
			// Only a new member gets a mail (a role change or a repeated add does not).
			let known = true;
			if (email) {
				const [members, pending] = await Promise.all([
					access.listMembers(planId).catch(() => []),
					access.listPendingMembers(planId).catch(() => [])
				]);
				known = [...members, ...pending].some((m) => m.email === email);
			}
			const result = await access.addMemberByEmail(planId, actor, rawEmail, role);
			if (result.ok && email && !known) {
				const account = await access.findUserByEmail(email).catch(() => null);
				const planTitle = await deps.planTitle(planId).catch(() => '');
				const inviterLocale =
					actor.kind === 'user'
						? ((await deps.languages?.get(actor.id).catch(() => null)) ?? 'de')
						: 'de';
				mail.notify(
					{ email },
					(locale) =>
						inviteMessage(
							{
								planId,
								planTitle,
								role: result.value.role,
								invitedBy: actor.kind === 'user' ? actor.name : '',
								hasAccount: account !== null
							},
							locale
						),
					{ fallbackLocale: inviterLocale }
				);
			}
			return result;
		},
		async createResetLink(userId) {
			const result = await access.createResetLink(userId);
			if (result.ok) {
				mail.notify({ userId }, (locale) =>
					resetMessage({ ...result.value, timeZone: deps.timeZone }, locale)
				);
			}
			return result;
		}
	};
}

/** The review service's `onDelivered`: every inbox notification also as a mail (if wanted). */
export function mailNotifications(mail: MailService) {
	return (userId: string, notification: Notification) => {
		if (mail.enabled)
			mail.notify({ userId }, (locale) => notificationMessage(notification, locale));
	};
}
