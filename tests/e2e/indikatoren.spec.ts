/**
 * Indicators per goal in the browser (issue 14, item 3): an editor adds an indicator with
 * baseline and target in the goal's detail panel, enters measured values (a value that is not a
 * number is refused in German), sees the SVG chart with its target line and the table with every
 * value; the PDF exported in the browser carries the chart; axe on the open panel; screenshots at 1280 and 390 px (no sideways scrolling).
 */
import { expect, test } from '@playwright/test';
import { SHOTS, expectNoSeriousViolations } from './support/axe';
import { readFileSync } from 'node:fs';
import { readPdf } from '../../src/lib/export/pdf-reader';
import { addField, closeDetail, confirmNewItem, detail, openNewPlan } from './support/board';

test('Indikator am Ziel: anlegen, Werte eintragen, Diagramm und Tabelle', async ({ page }) => {
	test.setTimeout(120_000);
	await openNewPlan(page, 'Indikatoren im Browser');
	await addField(page, 'Kinder und Familie');
	await page
		.getByTestId('field-column')
		.filter({ hasText: 'Kinder und Familie' })
		.getByTestId('add-goal')
		.click();
	await confirmNewItem(page, 'Mehr Kinder mit Migrationsgeschichte in der Kita');
	const panel = detail(page);
	const section = panel.getByTestId('goal-indicators');
	await expect(section).toContainText('noch keine Indikatoren');

	// Dates in the wrong order are refused, then corrected
	await section.getByTestId('indicator-add').click();
	const form = section.getByTestId('indicator-form');
	await form.getByLabel('Name des Indikators').fill('Betreuungsquote unter 3 Jahren');
	await form.getByLabel('Einheit').fill('%');
	await form.getByRole('group', { name: 'Ausgangswert' }).getByLabel('Wert').fill('18,5');
	await form.getByRole('group', { name: 'Ausgangswert' }).getByLabel('Datum').fill('2025-03-01');
	await form.getByRole('group', { name: 'Zielwert' }).getByLabel('Wert').fill('35');
	await form.getByLabel('Zu erreichen bis').fill('2024-03-01');
	await form.getByTestId('indicator-save').click();
	await expect(form.getByTestId('indicator-error')).toHaveText(
		'Das Zieldatum (01.03.2024) muss nach dem Datum des Ausgangswerts (01.03.2025) liegen.'
	);
	await form.getByLabel('Zu erreichen bis').fill('2030-03-01');
	await form.getByTestId('indicator-save').click();
	const ind = section.getByTestId('indicator');
	await expect(ind).toHaveCount(1);
	await expect(ind).toContainText('Ausgangswert: 18,5 % (01.03.2025)');
	await expect(ind).toContainText('Zielwert: 35 % bis 01.03.2030');

	// A measured value that is not a number is refused; real values are entered
	const values = ind.getByTestId('indicator-value-form');
	await values.getByLabel(/Messwert/).fill('ungefähr 20');
	await values.getByLabel('Datum').fill('2026-03-01');
	await values.getByTestId('indicator-value-save').click();
	await expect(values.getByTestId('indicator-value-error')).toContainText(
		'Der Messwert „ungefähr 20“ ist keine Zahl.'
	);
	for (const [value, date, source] of [
		['21,4', '2026-03-01', 'Kita-Statistik 2026'],
		['24', '2027-03-01', 'Kita-Statistik 2027']
	]) {
		await values.getByLabel(/Messwert/).fill(value);
		await values.getByLabel('Datum').fill(date);
		await values.getByLabel('Quelle').fill(source);
		await values.getByTestId('indicator-value-save').click();
		await expect(ind.getByTestId('indicator-table')).toContainText(source);
	}

	// The chart: an SVG image with a name, the measured line and the dashed target line
	const chart = ind.getByTestId('indicator-chart');
	await expect(chart.locator('svg[role="img"]')).toHaveAccessibleName(
		/Verlauf: Betreuungsquote unter 3 Jahren/
	);
	await expect(chart.getByTestId('indicator-line')).toHaveAttribute('d', /^M.+L.+L/);
	await expect(chart.getByTestId('indicator-target-line')).toHaveCount(1);
	await expect(chart.locator('circle')).toHaveCount(3);
	// … and its data table alternative, in date order, target last
	const rows = ind.getByTestId('indicator-table').locator('tbody tr');
	await expect(rows).toHaveText([
		/01\.03\.2025\s*18,5 %\s*Ausgangswert/,
		/01\.03\.2026\s*21,4 %\s*Kita-Statistik 2026/,
		/01\.03\.2027\s*24 %\s*Kita-Statistik 2027/,
		/01\.03\.2030\s*35 %\s*Zielwert/
	]);

	// Stored on the server: a second read through the API sees the same
	const planId = new URL(page.url()).pathname.split('/')[2];
	const api = await page.request.get(`/api/plans/${planId}/indikatoren`);
	expect(api.status()).toBe(200);
	const list = (await api.json()) as Array<{ values: Array<{ value: number }> }>;
	expect(list[0].values.map((v) => v.value)).toEqual([21.4, 24]);

	// The PDF made in the browser carries the chart under its goal, as the server's PDF does.
	await closeDetail(page);
	await page.getByRole('button', { name: 'Als PDF exportieren' }).click();
	const download = page.waitForEvent('download');
	await page.getByTestId('export-dialog').getByRole('button', { name: 'PDF erstellen' }).click();
	const pdf = await readPdf(new Uint8Array(readFileSync((await (await download).path())!)));
	const pdfText = pdf.pages.join(' ').replace(/\s+/g, ' ');
	expect(pdfText).toContain('Indikator: Betreuungsquote unter 3 Jahren (%)');
	expect(pdfText).toContain('Kita-Statistik 2027');
	await page.getByTestId('goal').locator('.card-open').first().click();
	await expect(chart).toBeVisible();

	await expectNoSeriousViolations(page, 'the goal detail panel with an indicator');
	await page.screenshot({ path: `${SHOTS}/indikatoren-1280.png`, fullPage: false });
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(chart).toBeVisible();
	await chart.scrollIntoViewIfNeeded();
	const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
	expect(overflow).toBeLessThanOrEqual(1);
	await page.screenshot({ path: `${SHOTS}/indikatoren-390.png`, fullPage: false });
});
