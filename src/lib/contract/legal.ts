/**
 * The legal pages every German public website must have (Impressum, Datenschutzerklärung,
 * Erklärung zur Barrierefreiheit): their names and what the backend hands the app for each.
 */
export const LEGAL_PAGES = ['impressum', 'datenschutz', 'barrierefreiheit'] as const;
export type LegalPageName = (typeof LEGAL_PAGES)[number];

export const LEGAL_TITLES: Record<LegalPageName, string> = {
	impressum: 'Impressum',
	datenschutz: 'Datenschutzerklärung',
	barrierefreiheit: 'Erklärung zur Barrierefreiheit'
};

export interface LegalPage {
	name: LegalPageName;
	title: string;
	/** Rendered from Markdown on the server; raw HTML in the source is shown as text. */
	html: string;
	/** false while the built-in template still has placeholders the operator must fill in. */
	configured: boolean;
}

export function isLegalPageName(value: unknown): value is LegalPageName {
	return typeof value === 'string' && (LEGAL_PAGES as readonly string[]).includes(value);
}
