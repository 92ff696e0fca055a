import { expect, test } from '@playwright/test';
import { anonymous } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';
import { mkdirSync } from 'node:fs';

/** Impressum, Datenschutz and Barrierefreiheit: linked from every page, open without an account. */
test.describe('Rechtliche Seiten', () => {
	test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

	test('im Fuß jeder Seite verlinkt, ohne Konto lesbar und barrierefrei', async ({
		browser,
		page
	}) => {
		// Three pages with an axe run each.
		test.setTimeout(120_000);
		// Signed in: the plan overview has the footer with the version.
		await page.goto('/');
		const footer = page.getByRole('navigation', { name: 'Rechtliches' });
		await expect(footer.getByRole('link', { name: 'Impressum' })).toBeVisible();
		await expect(page.getByTestId('app-version')).toHaveText(/^Mitplan \d+\.\d+\.\d+/);

		const { context, page: visitor } = await anonymous(browser);
		await visitor.goto('/anmelden');
		for (const [link, heading] of [
			['Impressum', 'Impressum'],
			['Datenschutz', 'Datenschutzerklärung'],
			['Barrierefreiheit', 'Erklärung zur Barrierefreiheit']
		]) {
			await visitor
				.getByRole('navigation', { name: 'Rechtliches' })
				.getByRole('link', { name: link })
				.click();
			await expect(visitor.getByRole('heading', { level: 1, name: heading })).toBeVisible();
			await expect(visitor).not.toHaveURL(/anmelden/);
			await expectNoSeriousViolations(visitor, `the ${link} page`);
		}
		await visitor.screenshot({ path: `${SHOTS}/legal-1280.png`, fullPage: true });
		await visitor.setViewportSize({ width: 390, height: 844 });
		await visitor.goto('/datenschutz');
		await expect(
			visitor.getByRole('heading', { level: 1, name: 'Datenschutzerklärung' })
		).toBeVisible();
		// Nothing sticks out sideways (long German words included).
		const overflow = await visitor.evaluate(() => ({
			page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
			heading: [...document.querySelectorAll('h1, h2')].some((h) => h.scrollWidth > h.clientWidth)
		}));
		expect(overflow).toEqual({ page: false, heading: false });
		await visitor.screenshot({ path: `${SHOTS}/legal-390.png`, fullPage: true });
		await context.close();
	});
});
