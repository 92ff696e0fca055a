/**
 * Turns a mail message (paragraphs in the recipient's language and one link) into subject,
 * plain-text part and simple HTML part, greeting and footer in the same language. Links are
 * absolute, built from ORIGIN; no images, no tracking, everything escaped.
 */
import type { MailCategory } from '../../src/lib/contract/mail';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import * as t from '../../src/lib/paraglide/messages/_index.js';

export interface MailMessage {
	/** The person's preference that decides whether it is sent; 'account' is always sent. */
	category: MailCategory | 'account';
	subject: string;
	/** Plain sentences, one paragraph each (no markup). */
	paragraphs: string[];
	/** The one link: a path under ORIGIN (starting with "/") and its label. */
	link?: { path: string; label: string };
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

/** One line, no control characters, at most 200 characters (header safe). */
export function headerText(value: string, max = 200): string {
	// eslint-disable-next-line no-control-regex
	const line = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);

export function linkUrl(origin: string, path: string): string {
	return new URL(path.startsWith('/') ? path : `/${path}`, origin).href;
}

export function renderMail(
	message: MailMessage,
	origin: string,
	locale: InterfaceLocale = 'de'
): RenderedMail {
	const o = { locale };
	const url = message.link ? linkUrl(origin, message.link.path) : null;
	const footer =
		message.category === 'account'
			? t.server_mail_footer_account({}, o)
			: t.server_mail_footer_settings({ url: linkUrl(origin, '/konto') }, o);
	const greeting = t.server_mail_greeting({}, o);
	const text = [
		greeting,
		...message.paragraphs,
		...(url && message.link ? [`${message.link.label}:\n${url}`] : []),
		`-- \n${footer}`
	].join('\n\n');
	const html = [
		`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body>`,
		`<p>${escapeHtml(greeting)}</p>`,
		...message.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
		url && message.link
			? `<p><a href="${escapeHtml(url)}">${escapeHtml(message.link.label)}</a></p>`
			: '',
		`<hr><p><small>${escapeHtml(footer)}</small></p>`,
		'</body></html>'
	].join('\n');
	return { subject: headerText(message.subject), text, html };
}
