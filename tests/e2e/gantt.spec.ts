/**
 * Zeitleiste der Maßnahmen in the browser (issue 16): dates set on a measure on the board appear
 * as a bar (and table row) on the timeline page, a measure without dates under "Ohne Zeitangabe"
 * until another tab gives it a start (the page follows the live plan: "Ende offen");
 * the page passes axe and does not scroll sideways at 390 px; a bar opens the measure on the
 * board. The export dialog offers the Gantt section and the annex of open points, and the PDF
 * made in the browser carries both.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readPdf } from '../../src/lib/export/pdf-reader';
import {
	addField,
	addGoal,
	addMeasure,
	closeDetail,
	confirmNewItem,
	detail,
	openNewPlan
} from './support/board';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

test('Zeitleiste: Balken aus den Daten der Maßnahme, Link zur Tafel, PDF-Optionen', async ({
	page,
	context
}) => {
	test.setTimeout(120_000); // several page loads, a PDF in the browser, on a loaded machine
	const planId = await openNewPlan(page, 'Zeitleiste im Browser');
	await addField(page, 'Bildung');
	await addGoal(page, 'Bildung', 'Sprache fördern');
	await page
		.getByTestId('goal')
		.filter({ hasText: 'Sprache fördern' })
		.getByTestId('add-measure')
		.click();
	await confirmNewItem(page, 'Sprachcafé');
	await detail(page).getByTestId('detail-startDate').fill('2026-03-01');
	await detail(page).getByTestId('detail-endDate').fill('2026-09-30');
	await closeDetail(page);
	await expect(page.getByTestId('measure-card').filter({ hasText: 'Sprachcafé' })).toContainText(
		'2026'
	);
	await addMeasure(page, 'Sprache fördern', 'Lesepatenschaften');

	await page.getByTestId('plan-measure-timeline').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/massnahmen-zeitleiste$`));
	await expect(
		page.getByRole('heading', { level: 1, name: 'Zeitleiste der Maßnahmen' })
	).toBeVisible();
	await expect(page.getByTestId('timeline-total')).toContainText(
		'1 Maßnahme mit Zeitraum, 1 ohne Zeitangabe'
	);
	const bar = page.getByTestId('timeline-bar');
	await expect(bar).toHaveCount(1);
	await expect(bar).toContainText('2.1.1 Sprachcafé');
	await expect(bar).toContainText('01.03.2026 – 30.09.2026 · Idee');
	await expect(page.getByTestId('timeline-undated')).toContainText('2.1.2 Lesepatenschaften');
	// the table alternative has the same row
	await page.getByText('Als Tabelle anzeigen').click();
	const row = page.getByTestId('timeline-table').getByRole('row', { name: /Sprachcafé/ });
	await expect(row).toContainText('01.03.2026 – 30.09.2026');
	await expectNoSeriousViolations(page, 'the timeline page');
	await page.screenshot({ path: `${SHOTS}/zeitleiste.png`, fullPage: true });

	// live: someone sets only a start on the board in another tab; the open page follows
	const board = await context.newPage();
	await board.goto(`/plans/${planId}`);
	await board
		.getByTestId('measure-card')
		.filter({ hasText: 'Lesepatenschaften' })
		.locator('.card-open')
		.click();
	await board.getByTestId('detail-panel').getByTestId('detail-startDate').fill('2026-05-01');
	await closeDetail(board);
	await expect(bar).toHaveCount(2);
	await expect(bar.nth(1)).toContainText('2.1.2 Lesepatenschaften');
	await expect(bar.nth(1)).toContainText('ab 01.05.2026, Ende offen');
	await expect(page.getByTestId('timeline-undated')).toHaveCount(0);
	await board.close();

	// phone width: the chart scrolls inside its region, the page never sideways
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(bar.first()).toBeVisible();
	const widths = await page.evaluate(() => ({
		page: document.documentElement.scrollWidth,
		view: document.documentElement.clientWidth,
		chart: document.querySelector('[data-testid="timeline-chart"]')!.scrollWidth
	}));
	expect(widths.page).toBeLessThanOrEqual(widths.view);
	expect(widths.chart).toBeGreaterThan(widths.view);
	await page.screenshot({ path: `${SHOTS}/zeitleiste-390.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });

	// the bar opens the measure on the board
	await bar.first().locator('.bar').click();
	await expect(page).toHaveURL(/\?item=/);
	await expect(detail(page).getByTestId('detail-title')).toHaveValue('Sprachcafé');
	await closeDetail(page);

	// export dialog: the Gantt section is on for the Gesamtplan, off for selected fields
	await page.getByTestId('export-pdf').click();
	const dialog = page.getByTestId('export-dialog');
	const timeline = dialog.getByTestId('export-timeline');
	await expect(timeline).toBeChecked();
	await dialog.getByRole('radio', { name: /^Ausgewählte Handlungsfelder/ }).check();
	await expect(timeline).not.toBeChecked();
	await dialog.getByRole('radio', { name: /^Gesamtplan/ }).check();
	await expect(timeline).toBeChecked();
	const openPoints = dialog.getByLabel('Offene Punkte als Anlage (für die Kerngruppe)');
	await expect(openPoints).not.toBeChecked();
	await openPoints.check();
	const download = page.waitForEvent('download');
	await dialog.getByRole('button', { name: 'PDF erstellen' }).click();
	const file = await download;
	const pdf = await readPdf(new Uint8Array(readFileSync((await file.path())!)));
	const text = pdf.pages.join(' ').replace(/\s+/g, ' ');
	expect(text).toContain('Zeitplan der Maßnahmen');
	expect(text).toContain('01.03.2026 – 30.09.2026');
	expect(text).toContain('Anlage: Offene Punkte (für die Kerngruppe)');
	expect(text).toContain('Keine Federführung angegeben (3).');
});
