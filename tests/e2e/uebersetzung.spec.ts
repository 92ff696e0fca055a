/**
 * Content translations (issue 15): the owner enables Arabic and Leichte Sprache, translates a
 * measure (Arabic shows right-to-left, Leichte Sprache hints at a long sentence); an editor
 * changes the German title in a second browser context, the translation shows "veraltet" with
 * the diff, and "Passt noch" clears it. axe on the panel; screenshots at 1280 and 390 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { addField, addGoal, addMeasure, detail, openNewPlan } from './support/board';
import { addMember, person } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

async function openMeasure(page: Page, title: string) {
	await page.getByTestId('measure-card').filter({ hasText: title }).locator('.card-open').click();
	await expect(detail(page)).toBeVisible();
}

const LONG_SENTENCE =
	'Im Sprach-Café treffen sich jeden Montag am Nachmittag viele Menschen aus der ganzen Stadt und sprechen zusammen Deutsch.';

test('translate a measure into Arabic and Leichte Sprache; a source edit marks it veraltet', async ({
	browser,
	page
}) => {
	const ben = await person(browser, page.request, 'Ben Übersetzt');
	const planId = await openNewPlan(page, 'Übersetzungsplan');
	await addMember(page.request, planId, ben.user.email, 'editor');
	await addField(page, 'Sprache');
	await addGoal(page, 'Sprache', 'Deutsch lernen');
	await addMeasure(page, 'Deutsch lernen', 'Sprachcafé eröffnen');

	// No languages yet: no translation section.
	await openMeasure(page, 'Sprachcafé eröffnen');
	await expect(detail(page).getByTestId('translations')).toHaveCount(0);
	await detail(page).getByTestId('detail-done').click();

	// The owner enables Arabic and Leichte Sprache in the Planangaben.
	await page.getByTestId('edit-plan-meta').click();
	const meta = page.getByTestId('plan-meta-dialog');
	await meta.getByRole('checkbox', { name: /Arabisch/ }).check();
	await meta.getByRole('checkbox', { name: /Leichte Sprache/ }).check();
	await meta.getByRole('button', { name: 'Speichern' }).click();
	await expect(meta).toBeHidden();

	await openMeasure(page, 'Sprachcafé eröffnen');
	const tr = detail(page).getByTestId('translations');
	await expect(tr).toBeVisible();
	const language = tr.getByLabel('Sprache', { exact: true });
	await expect(language).toHaveValue('ar');
	const arTitle = tr.getByTestId('translation-input-title');
	await expect(arTitle).toHaveAttribute('dir', 'rtl');
	await expect(arTitle).toHaveAttribute('lang', 'ar');
	await arTitle.fill('افتتاح مقهى اللغة');
	await expect(tr.getByTestId('translation-source-title')).toHaveText('Sprachcafé eröffnen');
	await expect(tr.getByTestId('translation-coverage')).toContainText('1 von 1 Texten übersetzt');
	await page.setViewportSize({ width: 1280, height: 900 });
	await arTitle.scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SHOTS}/i18n-content-ar-1280.png` });

	// Leichte Sprache: guidance, and a hint for a long sentence.
	await language.selectOption('ls');
	await expect(tr.getByTestId('ls-guidance')).toContainText('Jeder Satz enthält nur eine Aussage');
	const lsTitle = tr.getByTestId('translation-input-title');
	await expect(lsTitle).not.toHaveAttribute('dir', 'rtl');
	await lsTitle.fill(LONG_SENTENCE);
	await expect(tr.getByTestId('ls-hints')).toContainText('Langer Satz (19 Wörter');
	await lsTitle.fill('Wir machen ein Sprach-Café.');
	await expect(tr.getByTestId('ls-hints')).toHaveCount(0);

	// Ben (editor) changes the German title in his own browser.
	await ben.page.goto(`/plans/${planId}`);
	await openMeasure(ben.page, 'Sprachcafé eröffnen');
	await detail(ben.page).getByTestId('detail-title').fill('Sprachcafé im Rathaus eröffnen');

	// The owner sees the Arabic translation as veraltet, with the diff.
	await language.selectOption('ar');
	const outdated = tr.getByTestId('translation-outdated');
	await expect(outdated).toBeVisible();
	await expect(outdated.locator('ins')).toContainText('im Rathaus');
	await expect(arTitle).toHaveValue('افتتاح مقهى اللغة');
	await expect(arTitle).toHaveAttribute('aria-describedby', /outdated/);
	await expectNoSeriousViolations(page, 'Übersetzungen im Detailbereich');

	await page.setViewportSize({ width: 390, height: 844 });
	await outdated.scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SHOTS}/i18n-content-outdated-390.png` });

	// "Passt noch" clears it — for Ben too.
	await tr.getByTestId('translation-confirm-title').click();
	await expect(outdated).toHaveCount(0);
	await expect(detail(page).getByRole('alert')).toHaveCount(0);

	// Ben as an editor may translate as well; the plan languages stay owner-only.
	const bensTr = detail(ben.page).getByTestId('translations');
	await expect(bensTr.getByTestId('translation-input-title')).toHaveValue('افتتاح مقهى اللغة');
	await expect(bensTr.getByTestId('translation-outdated')).toHaveCount(0);
	await ben.context.close();
});
