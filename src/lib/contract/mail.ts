/**
 * E-mail (server/mail) as both sides see it: the kinds of mail a person can switch on or off,
 * their German labels for the account page, and the preferences service the routes call.
 */
import type { ApiResult } from './result';

/** Kinds of mail a person chooses. Reset links made by the Administration are always sent. */
export const MAIL_CATEGORIES = ['invite', 'mention', 'reply', 'review', 'due'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

export const MAIL_CATEGORY_LABELS: Record<MailCategory, string> = {
	invite: 'Einladungen zu Plänen',
	mention: 'Erwähnungen (@) in Kommentaren',
	reply: 'Antworten in Diskussionen, an denen ich teilnehme',
	review: 'Prüfanfragen, Verwaltungsprüfungen und ihre Ergebnisse',
	due: 'Erinnerungen an bald fällige Prüfungen und Aufgaben'
};

export type MailPreferences = Record<MailCategory, boolean>;

export interface MailSettingsView {
	/** False when the server has no SMTP_URL: no mail goes out, the choices are kept anyway. */
	enabled: boolean;
	preferences: MailPreferences;
}

/** What the HTTP side calls (GET/PUT /api/auth/mail). Accounts only; the route checks that. */
export interface MailSettingsService {
	getSettings(userId: string): Promise<ApiResult<MailSettingsView>>;
	/** Only the given categories change; unknown keys or non-booleans → 400 `invalid_input`. */
	setPreferences(userId: string, patch: unknown): Promise<ApiResult<MailSettingsView>>;
}
