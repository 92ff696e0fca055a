/**
 * The Umsetzungsbericht in the browser (issue 14, item 7): adopt a plan, record a status with a
 * reason and a Sachstand, then on the dashboard a reporting period in the wrong order is refused
 * in German, and the report PDF and the XLSX are downloaded through the links and read back
 * (pdfjs text, exceljs cells). The downloads section is not hidden under the sticky top bar when
 * jumped to; axe; screenshots at 1280 and 390 px.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readPdf } from '../../src/lib/export/pdf-reader';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('Umsetzungsbericht: Zeitraum wählen, PDF und XLSX herunterladen und lesen', async ({
	page
}) => {
	test.setTimeout(180_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Bericht im Browser', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;

	// Adopt the plan on the dashboard
	await page.goto(`/plans/${planId}/umsetzung`);
	const form = page.getByTestId('adoption-form');
	await form.getByLabel('Datum des Beschlusses').fill(isoIn(-30));
	await form.getByLabel('Aktenzeichen').fill('SVV-Beschluss 2027/0900');
	await form.getByRole('button', { name: 'Beschluss erfassen' }).click();
	await expect(page.getByTestId('adoption-facts')).toContainText('SVV-Beschluss 2027/0900');

	// Record a status and a Sachstand in a measure's panel on the board
	await page.goto(`/plans/${planId}`);
	const card = page.getByTestId('measure-card').first();
	await card.locator('.card-open').click();
	const panel = page.getByTestId('impl-panel');
	const statusForm = panel.getByTestId('impl-status-form');
	await statusForm.getByLabel('Neuer Stand').selectOption('verzoegert');
	await statusForm.getByLabel('Begründung (Pflicht)').fill('Träger hat gewechselt');
	await statusForm.getByRole('button', { name: 'Stand ändern' }).click();
	await expect(panel.getByTestId('impl-status')).toHaveText('verzögert');
	const noteForm = panel.getByTestId('impl-note-form');
	await noteForm.getByLabel('Was ist passiert?').fill('Neuer Träger übernimmt ab März.');
	await noteForm.getByRole('button', { name: 'Sachstand speichern' }).click();
	await expect(panel.getByTestId('impl-notes')).toContainText('Neuer Träger');
	await page.getByTestId('detail-done').click();

	// The dashboard: the period form refuses the wrong order
	await page.goto(`/plans/${planId}/umsetzung`);
	const downloads = page.getByTestId('downloads');
	await downloads.getByLabel('Berichtszeitraum von').fill(isoIn(0));
	await downloads.getByLabel('bis', { exact: true }).fill(isoIn(-7));
	await expect(page.getByTestId('report-error')).toHaveText(/liegt vor seinem Beginn/);
	await expect(page.getByTestId('umsetzung-bericht')).toHaveCount(0);
	await expect(downloads.getByLabel('bis', { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await downloads.getByLabel('Berichtszeitraum von').fill(isoIn(-7));
	await downloads.getByLabel('bis', { exact: true }).fill(isoIn(1));
	await expect(page.getByTestId('report-error')).toHaveCount(0);

	// Download the report through the link and read it back
	const [pdfDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('umsetzung-bericht').click()
	]);
	expect(pdfDownload.suggestedFilename()).toMatch(/bericht-im-browser-umsetzungsbericht-.*\.pdf$/);
	const pdf = await readPdf(new Uint8Array(readFileSync((await pdfDownload.path())!)));
	const text = pdf.pages.join(' ').replace(/\s+/g, ' ');
	expect(text).toContain('UMSETZUNGSBERICHT');
	expect(text).toContain('MASSNAHMEN NACH UMSETZUNGSSTAND');
	expect(text).toMatch(/verzögert 1 /);
	expect(text).toContain('Neuer Träger übernimmt ab März.');
	expect(text).toContain('Träger hat gewechselt');
	expect(text).toContain('SVV-Beschluss 2027/0900');
	expect(pdf.outline.map((o) => o.title)).toContain('1 Überblick');

	// Download the XLSX through the link and read it back
	const [xlsxDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('umsetzung-xlsx').click()
	]);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(readFileSync((await xlsxDownload.path())!) as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('Umsetzung')!;
	const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
	const delayed = rows.find((r) => r.getCell(4).value === 'verzögert');
	// the same measure in the PDF, with its number
	expect(text).toMatch(new RegExp(`2\\.1\\.1 ${String(delayed?.getCell(3).value)} verzögert`));
	expect(delayed?.getCell(5).value).toBe('Träger hat gewechselt');
	expect(delayed?.getCell(12).value).toBe('Neuer Träger übernimmt ab März.');

	// Jumping to the downloads leaves them below the sticky top bar (1280 px)
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`/plans/${planId}/umsetzung#berichte`);
	const header = await page.locator('.app-header').boundingBox();
	const section = await page.getByTestId('downloads').boundingBox();
	expect(header && section).toBeTruthy();
	expect(section!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
	await page.screenshot({ path: `${SHOTS}/um-report-downloads-1280.png` });
	await expectNoSeriousViolations(page, 'the Umsetzung page with the report form');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByTestId('downloads').scrollIntoViewIfNeeded();
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(1);
	await page.screenshot({ path: `${SHOTS}/um-report-downloads-390.png` });
});
