/**
 * Translation overview and translators (issue 15): the overview is empty until the plan has
 * languages (with a way to the setting); then it shows coverage per language and lists outdated
 * and missing items that link to the board. The owner names a viewer translator for Arabic in
 * the settings: the viewer translates Arabic in the detail panel, English stays read-only.
 * axe on both pages; screenshots at 1280 and 390 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { addField, addGoal, addMeasure, detail, openNewPlan } from './support/board';
import { addMember, person } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

async function openMeasure(page: Page, title: string) {
	await page.getByTestId('measure-card').filter({ hasText: title }).locator('.card-open').click();
	await expect(detail(page)).toBeVisible();
}

test('overview per language; a viewer named translator translates Arabic only', async ({
	browser,
	page
}) => {
	const vera = await person(browser, page.request, 'Vera Übersetzt');
	const planId = await openNewPlan(page, 'Übersichtsplan');
	await addMember(page.request, planId, vera.user.email, 'viewer');
	await addField(page, 'Sprache');
	await addGoal(page, 'Sprache', 'Deutsch lernen');
	await addMeasure(page, 'Deutsch lernen', 'Sprachcafé eröffnen');

	// No languages yet: empty state with the way to the setting.
	await page.goto(`/plans/${planId}/uebersetzungen`);
	await expect(page.getByTestId('translations-empty')).toBeVisible();
	await expect(page.getByTestId('translations-settings-link')).toHaveAttribute(
		'href',
		`/plans/${planId}`
	);
	await expectNoSeriousViolations(page, 'Übersetzungen ohne Sprachen');

	// Arabic and English on; the measure's title translated into Arabic, then the German changes.
	await page.goto(`/plans/${planId}`);
	await page.getByTestId('edit-plan-meta').click();
	const meta = page.getByTestId('plan-meta-dialog');
	await meta.getByRole('checkbox', { name: /Arabisch/ }).check();
	await meta.getByRole('checkbox', { name: /Englisch/ }).check();
	await meta.getByRole('button', { name: 'Speichern' }).click();
	await expect(meta).toBeHidden();
	await openMeasure(page, 'Sprachcafé eröffnen');
	const tr = detail(page).getByTestId('translations');
	await tr.getByLabel('Sprache', { exact: true }).selectOption('ar');
	await tr.getByTestId('translation-input-title').fill('افتتاح مقهى اللغة');
	await expect(tr.getByTestId('translation-coverage')).toContainText('1 von 1 Texten übersetzt');
	await detail(page).getByTestId('detail-title').fill('Sprachcafé im Rathaus eröffnen');
	await expect(tr.getByTestId('translation-outdated')).toBeVisible();

	await page.goto(`/plans/${planId}/uebersetzungen`);
	const en = page.locator('[data-testid="translations-language"][data-lang="en"]');
	const ar = page.locator('[data-testid="translations-language"][data-lang="ar"]');
	await expect(en).toContainText('0 %');
	await expect(ar.getByTestId('translations-counts')).toContainText(
		'0 übersetzt, 1 veraltet, 2 fehlen (von 3 Feldern)'
	);
	const arSection = page.locator('[data-testid="translations-section"][data-lang="ar"]');
	const outdatedItem = arSection.getByTestId('translations-outdated').getByRole('link');
	await expect(outdatedItem).toHaveText('Maßnahme „Sprachcafé im Rathaus eröffnen“');
	await expectNoSeriousViolations(page, 'Übersetzungsübersicht');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: `${SHOTS}/i18n-overview-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${SHOTS}/i18n-overview-390.png`, fullPage: true });
	const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scroll).toBeLessThanOrEqual(390);
	await page.setViewportSize({ width: 1280, height: 900 });

	// Keyboard: the item link opens the measure on the board.
	await outdatedItem.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}\\?item=`));
	await expect(detail(page)).toBeVisible();

	// The owner names Vera (viewer) translator for Arabic.
	await page.goto(`/plans/${planId}/einstellungen`);
	const section = page.getByTestId('translators-section');
	const vRow = section.getByTestId('translator-member').filter({ hasText: vera.user.email });
	await vRow.getByTestId('translator-ar').check();
	await expect(vRow.getByTestId('translator-ar')).toBeChecked();
	await expect(vRow.getByTestId('translator-en')).not.toBeChecked();
	await expectNoSeriousViolations(page, 'Einstellungen mit Übersetzenden');

	// Vera translates the Arabic title and confirms it against today's German; the English one stays read-only.
	await vera.page.goto(`/plans/${planId}`);
	await openMeasure(vera.page, 'Sprachcafé im Rathaus eröffnen');
	const vTr = detail(vera.page).getByTestId('translations');
	await vTr.getByLabel('Sprache', { exact: true }).selectOption('ar');
	const vTitle = vTr.getByTestId('translation-input-title');
	await expect(vTitle).toBeEditable();
	await vTitle.fill('افتتاح مقهى اللغة في البلدية');
	await vTr.getByTestId('translation-confirm-title').click();
	await expect(vTr.getByTestId('translation-outdated')).toHaveCount(0);
	await vTr.getByLabel('Sprache', { exact: true }).selectOption('en');
	await expect(vTr.getByTestId('translation-input-title')).not.toBeEditable();
	await expect(detail(vera.page).getByTestId('detail-title')).not.toBeEditable();

	// The owner sees Vera's translation arrive (it passed the server).
	await page.goto(`/plans/${planId}/uebersetzungen`);
	await expect(ar.getByTestId('translations-counts')).toContainText('1 übersetzt');
	await vera.context.close();
});
