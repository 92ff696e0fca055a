/**
 * Umsetzung, indicators and versions with an English interface (issue 15, item 1): a signed-in
 * owner with the cookie mitplan_lang=en opens the Umsetzung page of an adopted plan with a measure
 * status, the measure's and the goal's panels (implementation, indicator chart), the versions
 * list, one version and the comparison. English headings and buttons, html[lang=en], axe, and
 * screenshots at 1280 and 390 px without sideways scrolling.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Screenshots at 1280 and 390 px (the full page, or `part` when given, e.g. a section of the
 * detail panel); at 390 px the page must not scroll sideways.
 */
async function shots(page: Page, name: string, part?: Locator) {
	await page.evaluate(() => window.scrollTo(0, 0));
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
		const path = `${SHOTS}/i18n-monitoring-${name}-${width}.png`;
		if (part) await part.screenshot({ path });
		else await page.screenshot({ path, fullPage: true });
	}
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `${name}: no sideways scrolling at 390 px`).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('Umsetzung, indicators and versions in English', async ({ page, baseURL }) => {
	test.setTimeout(180_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Implementation in English', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;
	const api = `/api/plans/${planId}`;

	// Adopted plan, one measure "in progress", an indicator on its goal, a named version
	const adopted = await page.request.post(`${api}/umsetzung/beschluss`, {
		data: { date: isoIn(-3), body: 'Council', reference: 'C-2027/1' }
	});
	expect(adopted.ok()).toBe(true);
	const overview = (await (await page.request.get(`${api}/umsetzung`)).json()) as {
		measures: Array<{ measureId: string; goalId: string; title: string }>;
	};
	const measure = overview.measures[0];
	const changed = await page.request.patch(`${api}/umsetzung/massnahmen/${measure.measureId}`, {
		data: { status: 'in_umsetzung', reason: 'First course started' }
	});
	expect(changed.ok()).toBe(true);
	const indicator = await page.request.post(`${api}/indikatoren`, {
		data: {
			goalId: measure.goalId,
			name: 'Childcare rate',
			unit: '%',
			baseline: { value: '18,5', date: '2025-03-01' },
			target: { value: '35', date: '2030-03-01' }
		}
	});
	expect(indicator.ok()).toBe(true);
	const version = await page.request.post(`${api}/versions`, {
		data: { name: 'Core group draft' }
	});
	expect(version.ok()).toBe(true);
	const versionId = ((await version.json()) as { id: string }).id;

	await page.context().addCookies([{ name: 'mitplan_lang', value: 'en', url: baseURL! }]);

	// Umsetzung page
	await page.goto(`/plans/${planId}/umsetzung`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: /Implementation/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Council decision' })).toBeVisible();
	await expect(page.getByTestId('adoption-facts')).toContainText('Adopted on');
	await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Reports and exports' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Set status' })).toBeVisible();
	const row = page.locator(`[data-measure-id="${measure.measureId}"]`);
	await expect(row.getByTestId('impl-badge')).toHaveText('in progress');
	await expect(page.getByTestId('rollup-plan')).toContainText('in progress');
	await expect(page.getByTestId('umsetzung-csv')).toHaveText('Download all measures as CSV');
	await expectNoSeriousViolations(page, 'Umsetzung page (English)');
	await shots(page, 'umsetzung');

	// The board: the measure's implementation panel and the goal's indicator
	await page.goto(`/plans/${planId}`);
	await page.locator(`[data-item-id="${measure.measureId}"] .card-open`).first().click();
	const panel = page.getByTestId('impl-panel');
	await expect(panel.getByRole('heading', { name: 'Implementation' })).toBeVisible();
	await expect(panel.getByTestId('impl-status')).toHaveText('in progress');
	await expect(panel.getByRole('button', { name: 'Change status' })).toBeVisible();
	await expect(panel.getByText('Status history (1)')).toBeVisible();
	await expectNoSeriousViolations(page, 'measure panel (English)');
	await page.keyboard.press('Escape');
	await page.locator(`[data-item-id="${measure.goalId}"] .card-open`).first().click();
	const indicators = page.getByTestId('goal-indicators');
	await expect(indicators.getByRole('heading', { name: 'Indicators' })).toBeVisible();
	await expect(indicators).toContainText('Baseline: 18.5 % (01/03/2025)');
	await expect(indicators).toContainText('Target: 35 % by 01/03/2030');
	await expect(indicators.getByRole('table')).toContainText(/01\/03\/2025\s*18\.5 %\s*Baseline/);
	await expect(indicators.getByRole('img', { name: 'Trend: Childcare rate' })).toBeVisible();
	await expect(indicators.getByRole('button', { name: 'Edit indicator' })).toBeVisible();
	await expectNoSeriousViolations(page, 'goal panel with indicator (English)');
	await shots(page, 'goal-indicator', indicators);

	// Versions list, one version, the comparison
	await page.goto(`/plans/${planId}/versionen`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: /Versions/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Save version' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save current state' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'All versions' })).toBeVisible();
	await expect(
		page.getByTestId('version-row').filter({ hasText: 'Core group draft' })
	).toContainText('Named version');
	await expectNoSeriousViolations(page, 'versions page (English)');
	await shots(page, 'versions');

	await page.goto(`/plans/${planId}/versionen/${versionId}`);
	await expect(
		page.getByRole('heading', { level: 1, name: /Version “Core group draft”/ })
	).toBeVisible();
	await expect(page.getByTestId('version-pdf')).toHaveText('Export as PDF');
	await expect(page.getByRole('heading', { name: '1 Guiding principles' })).toBeVisible();
	await expectNoSeriousViolations(page, 'version page (English)');
	await shots(page, 'version');

	await page.goto(`/plans/${planId}/versionen/vergleich?von=${versionId}&bis=current`);
	await expect(page.getByRole('heading', { level: 1, name: 'Compare versions' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
	await expect(page.getByTestId('compare-sides')).toContainText('Current state');
	await expect(page.getByRole('button', { name: 'Compare' })).toBeVisible();
	await expectNoSeriousViolations(page, 'comparison page (English)');
	await shots(page, 'compare');
});
