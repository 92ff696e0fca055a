/**
 * Error pages in the interface language (issue 15): an invalid plan address (404 from the
 * client-rendered board and from a plan sub-page) and an unknown address (404 from the server's
 * handleError) read English with the cookie mitplan_lang=en and German without it.
 */
import { expect, test, type Browser } from '@playwright/test';

async function visit(browser: Browser, baseURL: string, path: string, language: 'en' | 'de') {
	const context = await browser.newContext();
	if (language === 'en')
		await context.addCookies([{ name: 'mitplan_lang', value: 'en', url: baseURL }]);
	const page = await context.newPage();
	await page.goto(path);
	return { page, close: () => context.close() };
}

const CASES = [
	{
		path: '/plans/ungültig.id',
		en: 'This plan address is invalid.',
		de: 'Diese Plan-Adresse ist ungültig.'
	},
	{
		path: '/plans/ungültig.id/zeitplan',
		en: 'This plan address is invalid.',
		de: 'Diese Plan-Adresse ist ungültig.'
	},
	{ path: '/gibt-es-nicht', en: 'This page does not exist.', de: 'Diese Seite gibt es nicht.' }
];

for (const c of CASES) {
	test(`error page of ${c.path} in English and German`, async ({ browser, baseURL }) => {
		const en = await visit(browser, baseURL!, c.path, 'en');
		await expect(en.page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(en.page.locator('.error-page')).toContainText(c.en);
		await expect(en.page.locator('.error-page')).not.toContainText(/[äöüß]|Seite|Adresse/);
		await expect(en.page.locator('html')).toHaveAttribute('lang', 'en');
		await en.close();

		const de = await visit(browser, baseURL!, c.path, 'de');
		await expect(de.page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
		await expect(de.page.locator('.error-page')).toContainText(c.de);
		await de.close();
	});
}
