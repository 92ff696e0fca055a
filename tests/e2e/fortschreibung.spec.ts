/**
 * Fortschreibung in the browser (issue 14, item 8): the owner of an adopted plan starts the next
 * edition in the settings, lands on the new board, and a measure's detail panel names its
 * predecessor. axe on the settings page; screenshots at 1280 and 390 px.
 */
import { expect, test } from '@playwright/test';
import { SHOTS, expectNoSeriousViolations } from './support/axe';
import { detail } from './support/board';

test('Fortschreibung: aus beschlossenem Plan starten, Vorgänger in der Detailansicht', async ({
	page
}) => {
	test.setTimeout(120_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Konzept 2020', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;

	await page.goto(`/plans/${planId}/einstellungen`);
	const section = page.getByTestId('edition-section');
	await expect(section.getByTestId('edition-not-adopted')).toBeVisible();
	const adopt = await page.request.post(`/api/plans/${planId}/umsetzung/beschluss`, {
		data: { date: '2026-11-30', body: 'Gemeinderat', reference: 'GR 2026/12' }
	});
	expect(adopt.status()).toBe(201);
	await page.reload();
	await expect(section.getByTestId('edition-start')).toBeVisible();
	await expectNoSeriousViolations(page, 'the settings page with the Fortschreibung section');
	await page.screenshot({ path: `${SHOTS}/fortschreibung-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SHOTS}/fortschreibung-390.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 720 });

	page.once('dialog', (d) => void d.accept());
	await section.getByTestId('edition-start').click();
	await expect(page.getByTestId('plan-title')).toHaveText('Fortschreibung: Konzept 2020');
	expect(page.url()).not.toContain(planId);

	await page.getByTestId('measure-card').first().locator('.card-open').click();
	await expect(detail(page).getByTestId('item-predecessor')).toContainText(
		/Vorgänger: „.+“ in „Konzept 2020“ \(fortgeführt\)/
	);
});
