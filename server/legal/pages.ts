/**
 * The legal pages, read once at start-up: a file from LEGAL_DIR if there is one, else the built-in
 * template with LEGAL_OPERATOR / LEGAL_CONTACT filled in. Markdown is rendered with `marked`;
 * raw HTML in the source is escaped (shown as text), and links may only go to http(s), mailto or
 * tel, so an edited file cannot put a script on a public page.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import {
	LEGAL_PAGES,
	LEGAL_TITLES,
	type LegalPage,
	type LegalPageName
} from '../../src/lib/contract/legal';
import { CONTACT_PLACEHOLDER, LEGAL_TEMPLATES, OPERATOR_PLACEHOLDER } from './templates';

export interface LegalSettings {
	/** Folder with impressum.md, datenschutz.md, barrierefreiheit.md (each optional). */
	dir?: string;
	/** Name and postal address of the operator (lines separated by "\n" or " | "). */
	operator?: string;
	/** Contact line (e-mail, phone). */
	contact?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const SAFE_HREF = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;

const markdown = new Marked({
	gfm: true,
	renderer: {
		html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
		link(token: Tokens.Link) {
			const text = this.parser.parseInline(token.tokens);
			if (!SAFE_HREF.test(token.href.trim())) return text;
			return `<a href="${escapeHtml(token.href.trim())}">${text}</a>`;
		},
		image: (token: Tokens.Image) => escapeHtml(token.text)
	}
});

/** Renders Markdown to HTML that carries no raw HTML, scripts or unsafe links. */
export function renderLegalMarkdown(source: string): string {
	return markdown.parse(source, { async: false }) as string;
}

function fill(template: string, settings: LegalSettings): { text: string; configured: boolean } {
	const operator = settings.operator?.trim();
	const contact = settings.contact?.trim();
	const text = template
		.replaceAll(
			'{{betreiber}}',
			operator ? operator.split(/\s*\|\s*|\n/).join('  \n') : OPERATOR_PLACEHOLDER
		)
		.replaceAll('{{kontakt}}', contact || CONTACT_PLACEHOLDER);
	return { text, configured: Boolean(operator && contact) };
}

export async function loadLegalPages(
	settings: LegalSettings
): Promise<Record<LegalPageName, LegalPage>> {
	const pages = {} as Record<LegalPageName, LegalPage>;
	for (const name of LEGAL_PAGES) {
		let source: string | null = null;
		if (settings.dir) {
			try {
				source = await fs.readFile(path.join(settings.dir, `${name}.md`), 'utf8');
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			}
		}
		const { text, configured } =
			source !== null ? { text: source, configured: true } : fill(LEGAL_TEMPLATES[name], settings);
		pages[name] = { name, title: LEGAL_TITLES[name], html: renderLegalMarkdown(text), configured };
	}
	return pages;
}
