/**
 * "Als PDF exportieren" on the board: the dialog is accessible, the PDF is rendered in the
 * browser from the live document, downloads, and parses with pdfjs.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { PlanJson } from '../../src/lib/domain/types';
import { readPdf } from '../../src/lib/export/pdf-reader';

async function openExamplePlan(page: Page): Promise<PlanJson> {
	const created = await page.request.post('/api/plans', {
		data: { title: 'Integrationskonzept Exportstadt', municipality: 'Exportstadt', example: true }
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	await page.goto(`/plans/${id}`);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await expect(page.getByTestId('field-column').first()).toBeVisible();
	return (await (await page.request.get(`/api/plans/${id}`)).json()) as PlanJson;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

test.describe('PDF-Export im Browser', () => {
	test('exportiert den Gesamtplan über den Dialog (Tastatur)', async ({ page }) => {
		const plan = await openExamplePlan(page);
		const button = page.getByRole('button', { name: 'Als PDF exportieren' });
		await button.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByTestId('export-dialog');
		await expect(dialog.getByRole('heading', { name: 'Als PDF exportieren' })).toBeVisible();
		await expect(dialog.getByRole('radio', { name: /^Gesamtplan/ })).toBeFocused();

		const results = await new AxeBuilder({ page })
			.include('[data-testid="export-dialog"]')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(
			results.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.help}`)
		).toEqual([]);

		await dialog.getByLabel('Versionsangabe').fill('Fassung für die SVV');
		const download = page.waitForEvent('download');
		await dialog.getByRole('button', { name: 'PDF erstellen' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('integrationskonzept-exportstadt-gesamtplan.pdf');
		await expect(dialog).toBeHidden();
		await expect(button).toBeFocused();

		const pdf = await readPdf(new Uint8Array(readFileSync((await file.path())!)));
		const text = flat(pdf.pages.join(' '));
		expect(flat(pdf.pages[0])).toContain('Integrationskonzept Exportstadt');
		expect(flat(pdf.pages[0])).toContain('Fassung für die SVV');
		let from = 0;
		for (const [i, f] of plan.fields.entries()) {
			const at = text.indexOf(`${i + 2} ${f.title}`, from);
			expect(at, f.title).toBeGreaterThan(from);
			from = at;
		}
		pdf.pages.forEach((p, i) => expect(flat(p)).toContain(`Seite ${i + 1} von ${pdf.pageCount}`));
		expect(text).toContain('ENTWURF');
		// The plan's audit log records the export made in the browser.
		await expect
			.poll(async () => {
				const audit = (await (
					await page.request.get(`/api/plans/${plan.id}/audit`)
				).json()) as Array<{
					action: string;
					details: Record<string, unknown>;
				}>;
				return audit.some((e) => e.action === 'export' && e.details.via === 'browser');
			})
			.toBe(true);
	});

	test('Maßnahmensteckbriefe eines Handlungsfelds im Querformat, Fehler auf Deutsch', async ({
		page
	}) => {
		const plan = await openExamplePlan(page);
		// own funding notice in the plan settings
		await page.getByTestId('edit-plan-meta').click();
		const meta = page.getByTestId('plan-meta-dialog');
		// no state-specific default wording: empty until the owner sets one
		await expect(meta.getByLabel('Förderhinweis für PDF-Exporte')).toHaveValue('');
		await meta.getByLabel('Förderhinweis für PDF-Exporte').fill('Gefördert vom Kreis Offenbach.');
		await meta.getByRole('button', { name: 'Speichern' }).click();
		await expect(meta).toBeHidden();

		await page.getByTestId('export-pdf').click();
		const dialog = page.getByTestId('export-dialog');
		await dialog.getByRole('radio', { name: /Ausgewählte Handlungsfelder/ }).check();
		await dialog.getByRole('button', { name: 'PDF erstellen' }).click();
		await expect(dialog.getByTestId('export-error')).toHaveText(
			'Bitte wählen Sie mindestens ein Handlungsfeld aus.'
		);

		await dialog.getByRole('radio', { name: /Maßnahmensteckbriefe/ }).check();
		const field = plan.fields[2];
		await dialog.getByRole('checkbox', { name: field.title }).check();
		await dialog.getByRole('radio', { name: 'Querformat' }).check();
		await dialog.getByTestId('export-draft').uncheck();
		const download = page.waitForEvent('download');
		await dialog.getByTestId('export-submit').click();
		const file = await download;
		const pdf = await readPdf(new Uint8Array(readFileSync((await file.path())!)));
		const measures = field.goals.flatMap((g) => g.measures);
		expect(pdf.pageCount).toBe(3 + measures.length);
		expect(pdf.size).toEqual([842, 595]);
		measures.forEach((m, i) => expect(flat(pdf.pages[3 + i])).toContain(m.title));
		for (const p of pdf.pages) expect(flat(p)).toContain('Gefördert vom Kreis Offenbach.');
		expect(pdf.pages.join(' ')).not.toContain('ENTWURF');
	});
});
