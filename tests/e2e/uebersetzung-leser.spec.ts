/**
 * Readers choose their language (issue 15, item 5): the owner enables English, Arabic and
 * Leichte Sprache and translates a measure into Arabic and Leichte Sprache; the public
 * participation page with `?sprache=ar` shows it right-to-left with lang="ar", untranslated texts
 * in German with the "nur auf Deutsch" badge, and the language choice switches to Leichte
 * Sprache; an unknown code shows a notice. The PDF in Arabic (browser dialog) and in English
 * (API) is read back with pdfjs. axe on the public page; screenshots at 1280 and 390 px.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readPdf } from '../../src/lib/export/pdf-reader';
import { addField, addGoal, addMeasure, detail, openNewPlan } from './support/board';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const AR = 'افتتاح مقهى اللغة';
const LS = 'Wir machen ein Sprach-Café.';
const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');

async function openMeasure(page: Page, title: string) {
	await page.getByTestId('measure-card').filter({ hasText: title }).locator('.card-open').click();
	await expect(detail(page)).toBeVisible();
}

test('readers see a translated measure on the public page and in the PDF', async ({ page }) => {
	test.setTimeout(120_000);
	const planId = await openNewPlan(page, 'Leseplan');
	await addField(page, 'Sprache');
	await addGoal(page, 'Sprache', 'Deutsch lernen');
	await addMeasure(page, 'Deutsch lernen', 'Sprachcafé eröffnen');

	await page.getByTestId('edit-plan-meta').click();
	const meta = page.getByTestId('plan-meta-dialog');
	for (const name of [/Englisch/, /Arabisch/, /Leichte Sprache/])
		await meta.getByRole('checkbox', { name }).check();
	await meta.getByRole('button', { name: 'Speichern' }).click();
	await expect(meta).toBeHidden();

	await openMeasure(page, 'Sprachcafé eröffnen');
	const tr = detail(page).getByTestId('translations');
	const language = tr.getByLabel('Sprache', { exact: true });
	await language.selectOption('ar');
	await tr.getByTestId('translation-input-title').fill(AR);
	await language.selectOption('ls');
	await tr.getByTestId('translation-input-title').fill(LS);
	await detail(page).getByTestId('detail-done').click();

	// a participation round on the field
	const now = Date.now();
	const created = await page.request.post(`/api/plans/${planId}/rounds`, {
		data: {
			title: 'Runde Sprachen',
			fieldIds: [await fieldId(page, planId)],
			startsAt: new Date(now - 3600_000).toISOString(),
			endsAt: new Date(now + 3600_000).toISOString(),
			intro: ''
		}
	});
	expect(created.status()).toBe(201);
	const round = (await created.json()) as { token: string };

	// Arabic: the measure title right-to-left, the German field and goal marked
	await expect
		.poll(async () => {
			const r = await page.request.get(`/api/public/rounds/${round.token}?sprache=ar`);
			return JSON.stringify(await r.json());
		})
		.toContain(AR);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/beteiligung/${round.token}?sprache=ar`);
	const title = page.getByTestId('fb-measure-title');
	await expect(title).toHaveText(AR);
	await expect(title).toHaveAttribute('lang', 'ar');
	await expect(title).toHaveAttribute('dir', 'rtl');
	const field = page.getByTestId('fb-field').locator('h3');
	await expect(field.locator('bdi[lang="de"][data-fallback]')).toHaveText('Sprache');
	await expect(field.getByTestId('german-only')).toHaveText('nur auf Deutsch');
	const choice = page.getByLabel('Inhalte anzeigen in');
	await expect(choice).toHaveValue('ar');
	await expect(choice.locator('option[value="ar"]')).toHaveAttribute('lang', 'ar');
	await expectNoSeriousViolations(page, 'öffentliche Beteiligungsseite auf Arabisch');
	await page.screenshot({ path: `${SHOTS}/i18n-readers-ar-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SHOTS}/i18n-readers-ar-390.png`, fullPage: true });

	// switching to Leichte Sprache (lang="de", no badge on the measure title)
	await choice.selectOption('ls');
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page).toHaveURL(/sprache=ls/);
	await expect(title).toHaveText(LS);
	await expect(title).toHaveAttribute('lang', 'de');
	await expect(page.getByTestId('fb-measure').getByTestId('german-only')).toHaveCount(0);

	// an unknown code: German with a notice, no error page
	await page.goto(`/beteiligung/${round.token}?sprache=xx`);
	await expect(page.getByTestId('language-notice')).toContainText('„xx“');
	await expect(title).toHaveText('Sprachcafé eröffnen');

	// the board shows card titles in a chosen language too (per browser)
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/plans/${planId}`);
	await page.getByTestId('board-content-language').selectOption('ar');
	const card = page.getByTestId('measure-card').getByTestId('card-title-translated');
	await expect(card).toHaveText(AR);
	await expect(card).toHaveAttribute('dir', 'rtl');
	await page.reload();
	await expect(page.getByTestId('board-content-language')).toHaveValue('ar');
	await expect(card).toHaveAttribute('lang', 'ar');
	await page.getByTestId('board-content-language').selectOption('en');
	await expect(card).toHaveText('Sprachcafé eröffnen');
	await expect(page.getByTestId('measure-card').getByTestId('german-only')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/i18n-readers-board-1280.png` });
	await page.getByTestId('board-content-language').selectOption('de');
	await expect(page.getByTestId('measure-card').getByTestId('german-only')).toHaveCount(0);

	await page.getByTestId('export-pdf').click();
	const dialog = page.getByTestId('export-dialog');
	await dialog.getByTestId('export-language').selectOption('ar');
	const download = page.waitForEvent('download');
	await dialog.getByTestId('export-submit').click();
	const file = await download;
	const arBytes = new Uint8Array(
		await (await import('node:fs/promises')).readFile((await file.path())!)
	);
	writeFileSync(`${SHOTS}/i18n-readers-ar.pdf`, arBytes);
	const arPdf = await readPdf(arBytes);
	expect(flat(arPdf.pages.join(' '))).toContain(AR);
	expect(flat(arPdf.pages.join(' '))).toContain('Federführung');

	// PDF in English from the API: English labels, German content (no English translation)
	const en = await page.request.get(`/api/plans/${planId}/export.pdf?sprache=en`);
	expect(en.status()).toBe(200);
	const enBytes = new Uint8Array(await en.body());
	writeFileSync(`${SHOTS}/i18n-readers-en.pdf`, enBytes);
	const enText = flat((await readPdf(enBytes)).pages.join(' '));
	expect(enText).toContain('Sprachcafé eröffnen');
	expect(enText).toContain('Lead');
	expect(enText).not.toContain('Federführung');
	const bad = await page.request.get(`/api/plans/${planId}/export.pdf?sprache=xx`);
	expect(bad.status()).toBe(400);
});

async function fieldId(page: Page, planId: string): Promise<string> {
	const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as {
		fields: Array<{ id: string }>;
	};
	return plan.fields[0].id;
}
