/**
 * Turns a mail message (German paragraphs and one link) into subject, plain-text part and simple
 * HTML part. Links are absolute, built from ORIGIN; no images, no tracking, everything escaped.
 */
import type { MailCategory } from '../../src/lib/contract/mail';

export interface MailMessage {
	/** The person's preference that decides whether it is sent; 'account' is always sent. */
	category: MailCategory | 'account';
	subject: string;
	/** Plain German sentences, one paragraph each (no markup). */
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

export function renderMail(message: MailMessage, origin: string): RenderedMail {
	const url = message.link ? linkUrl(origin, message.link.path) : null;
	const footer =
		message.category === 'account'
			? 'Diese E-Mail wurde automatisch von Mitplan verschickt.'
			: `Welche E-Mails Sie von Mitplan bekommen, stellen Sie unter „Mein Konto“ ein: ${linkUrl(origin, '/konto')}`;
	const text = [
		'Guten Tag,',
		...message.paragraphs,
		...(url && message.link ? [`${message.link.label}:\n${url}`] : []),
		`-- \n${footer}`
	].join('\n\n');
	const html = [
		'<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body>',
		'<p>Guten Tag,</p>',
		...message.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
		url && message.link
			? `<p><a href="${escapeHtml(url)}">${escapeHtml(message.link.label)}</a></p>`
			: '',
		`<hr><p><small>${escapeHtml(footer)}</small></p>`,
		'</body></html>'
	].join('\n');
	return { subject: headerText(message.subject), text, html };
}
