/**
 * Umsetzung in the browser (issue 14): the owner records the council decision (a missing
 * reference is refused in German), the plan shows "beschlossen"; in a measure's detail panel the
 * status changes only with a reason, percent outside 0–100 is refused, a Sachstand is recorded;
 * the card shows the implementation badge; the dashboard rolls up, filters and changes the status
 * of two measures with one reason; the CSV and the XLSX downloads (typed cells, read back with exceljs;
 * refused for a stranger). axe on the dashboard; screenshots at 1280 and 390 px.
 */
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('Umsetzung: Beschluss erfassen, Sachstand pflegen, Überblick und Sammeländerung', async ({
	page,
	playwright,
	baseURL
}) => {
	test.setTimeout(180_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Umsetzung im Browser', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;

	// From the board to the Umsetzung page; the decision needs a reference number
	await page.goto(`/plans/${planId}`);
	await page.getByTestId('plan-umsetzung').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/umsetzung$`));
	await expect(page.getByRole('heading', { level: 1, name: /Umsetzung/ })).toBeVisible();
	const form = page.getByTestId('adoption-form');
	await form.getByLabel('Datum des Beschlusses').fill(isoIn(-3));
	await form.getByRole('button', { name: 'Beschluss erfassen' }).click();
	await expect(page.getByTestId('umsetzung-error')).toContainText('Aktenzeichen');
	await form.getByLabel('Aktenzeichen').fill('SVV-Beschluss 2027/0815');
	await form.getByRole('button', { name: 'Beschluss erfassen' }).click();
	await expect(page.getByTestId('adoption-facts')).toContainText('SVV-Beschluss 2027/0815');
	await expect(page.getByTestId('adoption-facts')).toContainText('Beschlussfassung');
	const versions = await page.request.get(`/api/plans/${planId}/versions`);
	expect(JSON.stringify(await versions.json())).toContain('Beschlussfassung');

	// On the board: a measure's Umsetzung in the detail panel
	await page.goto(`/plans/${planId}`);
	const card = page.getByTestId('measure-card').first();
	await card.locator('.card-open').click();
	const panel = page.getByTestId('impl-panel');
	await expect(panel).toBeVisible();
	await expect(panel.getByTestId('impl-status')).toHaveText('nicht begonnen');
	const statusForm = panel.getByTestId('impl-status-form');
	await statusForm.getByLabel('Neuer Stand').selectOption('in_umsetzung');
	await statusForm.getByRole('button', { name: 'Stand ändern' }).click();
	await expect(panel.getByTestId('impl-error')).toContainText('begründen');
	await statusForm.getByLabel('Begründung (Pflicht)').fill('Erster Kurs hat begonnen');
	await statusForm.getByRole('button', { name: 'Stand ändern' }).click();
	await expect(panel.getByTestId('impl-status')).toHaveText('in Umsetzung');
	const dataForm = panel.getByTestId('impl-data-form');
	await dataForm.getByLabel('Fortschritt in %').fill('150');
	await dataForm.getByRole('button', { name: 'Speichern' }).click();
	await expect(panel.getByTestId('impl-error')).toHaveText(
		'Der Fortschritt muss eine Zahl zwischen 0 und 100 Prozent sein.'
	);
	await dataForm.getByLabel('Fortschritt in %').fill('40');
	await dataForm.getByLabel('Zuständiges Amt').fill('Amt für Integration');
	await dataForm.getByRole('button', { name: 'Speichern' }).click();
	await expect(panel.getByTestId('impl-progress')).toContainText('40 %');
	const noteForm = panel.getByTestId('impl-note-form');
	await noteForm.getByLabel('Was ist passiert?').fill('Zwei Kurse laufen, 24 Teilnehmende.');
	await noteForm.getByRole('button', { name: 'Sachstand speichern' }).click();
	await expect(panel.getByTestId('impl-notes')).toContainText('Zwei Kurse laufen');
	await page.screenshot({ path: `${SHOTS}/umsetzung-panel-1280.png` });
	await page.getByTestId('detail-done').click();
	await expect(card.getByTestId('impl-badge')).toHaveText(/in Umsetzung/);

	// The dashboard: roll-up, office, bulk change of two measures with one reason, filter
	await page.goto(`/plans/${planId}/umsetzung`);
	await expect(page.getByTestId('rollup-plan')).toContainText('1 in Umsetzung');
	await expect(page.getByTestId('by-office')).toContainText('Amt für Integration: 1 Maßnahme');
	const rows = page.getByTestId('measure-row');
	const total = await rows.count();
	expect(total).toBeGreaterThan(3);
	await rows.nth(1).getByRole('checkbox').check();
	await rows.nth(2).getByRole('checkbox').check();
	const bulk = page.getByTestId('bulk-form');
	await bulk.getByLabel('Neuer Stand').selectOption('geplant');
	await bulk.getByLabel('Begründung für alle').fill('Haushalt 2027 beschlossen');
	await bulk.getByRole('button', { name: 'Stand setzen' }).click();
	await expect(page.getByTestId('umsetzung-notice')).toHaveText(
		'2 Maßnahmen auf „geplant“ gesetzt.'
	);
	await page.getByTestId('filter-status').selectOption('geplant');
	await expect(rows).toHaveCount(2);
	await page.getByTestId('filter-status').selectOption('');
	await expect(rows).toHaveCount(total);

	// The CSV download: German headers and the recorded data
	const csv = await page.request.get(
		(await page.getByTestId('umsetzung-csv').getAttribute('href')) ?? ''
	);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text.split('\r\n')[0]).toContain('Handlungsfeld;Ziel;Maßnahme;Umsetzungsstand');
	expect(text).toContain('in Umsetzung;Erster Kurs hat begonnen;40;Amt für Integration');
	expect(text.match(/;geplant;Haushalt 2027 beschlossen;/g)).toHaveLength(2);

	// The XLSX download: the same rows with real cell types, read back with exceljs
	const xlsxHref = (await page.getByTestId('umsetzung-xlsx').getAttribute('href')) ?? '';
	const xlsx = await page.request.get(xlsxHref);
	expect(xlsx.status()).toBe(200);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml.sheet');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('Umsetzung')!;
	expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
		'Handlungsfeld',
		'Ziel',
		'Maßnahme',
		'Umsetzungsstand'
	]);
	const xlsxRows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
	expect(xlsxRows).toHaveLength(total);
	const started = xlsxRows.find((r) => r.getCell(5).value === 'Erster Kurs hat begonnen');
	expect(started?.getCell(4).value).toBe('in Umsetzung');
	expect(started?.getCell(6).value).toBe(0.4);
	expect(started?.getCell(6).numFmt).toBe('0%');
	expect(xlsxRows.filter((r) => r.getCell(4).value === 'geplant')).toHaveLength(2);
	// the same access rule as the CSV: a stranger without a session gets nothing (login redirect)
	const stranger = await playwright.request.newContext({
		baseURL,
		storageState: { cookies: [], origins: [] }
	});
	const denied = await stranger.get(xlsxHref, { maxRedirects: 0 });
	expect(denied.status()).not.toBe(200);
	expect(denied.headers()['content-type'] ?? '').not.toContain('spreadsheetml');
	await stranger.dispose();

	await expectNoSeriousViolations(page, 'the Umsetzung page');
	// from the top: a full-page shot of a scrolled page paints the sticky top bar mid-page
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: `${SHOTS}/umsetzung-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(page.getByTestId('measures-table')).toBeVisible();
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(1);
	await page.screenshot({ path: `${SHOTS}/umsetzung-390.png`, fullPage: true });
});
