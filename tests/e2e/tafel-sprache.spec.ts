/**
 * The board in a content language (issue 15, item 5): with Arabic enabled and a Handlungsfeld and
 * a Ziel translated, "Inhalte anzeigen in: العربية" shows their titles right-to-left with
 * lang="ar"; an untranslated Handlungsfeld and Leitlinie stay German with "nur auf Deutsch". The
 * detail panel shows "Inhalt auf Arabisch" with the translated fields. axe on the board with the
 * panel open; screenshots at 1280 and 390 px.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	addField,
	addGoal,
	closeDetail,
	confirmNewItem,
	detail,
	openNewPlan
} from './support/board';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const FIELD_AR = 'التعليم واللغة';
const GOAL_AR = 'أماكن كافية في رياض الأطفال';
const GROUP_AR = 'مجموعة العمل التعليم';

/** Open an item's detail panel by its id and type the Arabic title into "Übersetzungen". */
async function translateTitle(page: Page, id: string, text: string) {
	await page.locator(`[data-item-id="${id}"] .card-open`).first().click();
	const tr = detail(page).getByTestId('translations');
	await tr.getByTestId('translation-language').selectOption('ar');
	await tr.getByTestId('translation-input-title').fill(text);
	await closeDetail(page);
}

test('Handlungsfelder, Ziele and Leitlinien follow the board content language', async ({
	page
}) => {
	test.setTimeout(90_000);
	await openNewPlan(page, 'Tafel auf Arabisch');
	await page.getByTestId('add-principle').click();
	await confirmNewItem(page, 'Teilhabe für alle');
	await closeDetail(page);
	const bildung = await addField(page, 'Bildung');
	const wohnen = await addField(page, 'Wohnen');
	const goal = await addGoal(page, 'Bildung', 'Genug Kita-Plätze');
	const fieldId = (await bildung.getAttribute('data-item-id'))!;
	const wohnenId = (await wohnen.getAttribute('data-item-id'))!;
	const goalId = (await goal.getAttribute('data-item-id'))!;

	// the Ziel links the Leitlinie (a chip on the Ziel)
	await goal.locator('.card-open').first().click();
	await detail(page).getByRole('checkbox', { name: 'Teilhabe für alle' }).check();
	await closeDetail(page);

	await page.getByTestId('edit-plan-meta').click();
	const meta = page.getByTestId('plan-meta-dialog');
	await meta.getByRole('checkbox', { name: /Arabisch/ }).check();
	await meta.getByRole('button', { name: 'Speichern' }).click();
	await expect(meta).toBeHidden();

	await translateTitle(page, fieldId, FIELD_AR);
	// a working group whose German name says "AG" (its translation says it too): no "AG:" in front
	await page.locator(`[data-item-id="${fieldId}"] .card-open`).first().click();
	await detail(page).getByLabel('Arbeitsgruppe', { exact: true }).fill('AG Bildung');
	const tr = detail(page).getByTestId('translations');
	await tr.getByTestId('translation-language').selectOption('ar');
	await tr.getByTestId('translation-input-workingGroup').fill(GROUP_AR);
	await closeDetail(page);
	await translateTitle(page, goalId, GOAL_AR);

	// German: the originals, no marks
	const fieldCol = page.locator(`[data-testid="field-column"][data-item-id="${fieldId}"]`);
	const wohnenCol = page.locator(`[data-testid="field-column"][data-item-id="${wohnenId}"]`);
	const goalBlock = page.locator(`[data-testid="goal"][data-item-id="${goalId}"]`);
	await expect(fieldCol.locator('.col-title')).toHaveText('Bildung');
	await expect(page.getByTestId('german-only')).toHaveCount(0);

	await page.getByTestId('board-content-language').selectOption('ar');
	const fieldTitle = fieldCol.getByTestId('field-title-translated');
	await expect(fieldTitle).toHaveText(FIELD_AR);
	await expect(fieldTitle).toHaveAttribute('lang', 'ar');
	await expect(fieldTitle).toHaveAttribute('dir', 'rtl');
	const goalTitle = goalBlock.getByTestId('goal-title-translated');
	await expect(goalTitle).toHaveText(GOAL_AR);
	await expect(goalTitle).toHaveAttribute('lang', 'ar');
	await expect(goalTitle).toHaveAttribute('dir', 'rtl');
	await expect(fieldCol.locator('.col-head').getByTestId('german-only')).toHaveCount(0);
	await expect(fieldCol.locator('.sub')).toContainText(GROUP_AR);
	await expect(fieldCol.locator('.sub')).not.toContainText('AG:');

	// untranslated: German, marked as on the measure cards
	const wohnenTitle = wohnenCol.getByTestId('field-title-translated');
	await expect(wohnenTitle).toHaveText('Wohnen');
	await expect(wohnenTitle).toHaveAttribute('lang', 'de');
	await expect(wohnenTitle).toHaveAttribute('data-fallback', 'true');
	await expect(wohnenCol.locator('.col-head').getByTestId('german-only')).toHaveText(
		'nur auf Deutsch'
	);
	// screen-reader names follow the content language too (list and menu labels)
	await expect(fieldCol.locator('ul.goals')).toHaveAttribute(
		'aria-label',
		`Ziele in Handlungsfeld „${FIELD_AR}“`
	);
	await expect(
		goalBlock.getByRole('button', { name: new RegExp(`Aktionen.*${GOAL_AR}`) })
	).toHaveCount(1);
	const principle = page.getByTestId('principle-card');
	await expect(principle.getByTestId('principle-title-translated')).toHaveAttribute('lang', 'de');
	await expect(principle.getByTestId('german-only')).toBeVisible();

	// detail panel: "Inhalt auf Arabisch" with the translated title, read-only
	await goalTitle.click();
	const block = detail(page).getByTestId('content-in-language');
	await expect(block.getByRole('heading', { name: 'Inhalt auf Arabisch' })).toBeVisible();
	const row = block.getByTestId('content-in-language-title');
	await expect(row.locator('p[lang="ar"][dir="rtl"]')).toHaveText(GOAL_AR);
	await expect(block.locator('input, textarea, [contenteditable="true"]')).toHaveCount(0);
	// the panel's heading and context line name the item as the board does, marked Arabic
	const heading = detail(page).getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(`Ziel: ${GOAL_AR}`);
	await expect(heading.locator('[lang="ar"][dir="rtl"]')).toHaveText(GOAL_AR);
	await expect(detail(page)).toHaveAccessibleName(`Ziel: ${GOAL_AR}`);
	await expect(detail(page).locator('.desc')).toContainText(FIELD_AR);
	await expectNoSeriousViolations(page, 'Tafel auf Arabisch mit Detailansicht');
	await closeDetail(page);
	await expectNoSeriousViolations(page, 'Tafel auf Arabisch');

	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: `${SHOTS}/board-language-ar-1280.png` });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByTestId('field-switch').selectOption(fieldId);
	await expect(fieldTitle).toBeVisible();
	// the phone's field switcher names the field in the content language too
	await expect(
		page.getByTestId('field-switch').locator(`option[value="${fieldId}"]`)
	).toContainText(FIELD_AR);
	await page.screenshot({ path: `${SHOTS}/board-language-ar-390.png`, fullPage: true });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await page.getByTestId('field-switch').selectOption('principles');
	await page.screenshot({ path: `${SHOTS}/board-language-ar-390-principles.png`, fullPage: true });
	await page.getByTestId('field-switch').selectOption(fieldId);
	await fieldTitle.click();
	await expect(detail(page).getByTestId('content-in-language')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/board-language-ar-390-detail.png` });

	// back to German: no translated titles, no marks
	await closeDetail(page);
	// on a phone the choice sits below the field switcher (the header has no room)
	await expect(page.getByTestId('board-content-language')).toBeHidden();
	await page.getByTestId('board-content-language-phone').selectOption('de');
	await expect(page.getByTestId('german-only')).toHaveCount(0);
	await expect(fieldCol.getByTestId('field-title-translated')).toHaveCount(0);
	await expect(fieldCol.locator('ul.goals')).toHaveAttribute(
		'aria-label',
		'Ziele in Handlungsfeld „Bildung“'
	);
	await expect(
		page.getByTestId('field-switch').locator(`option[value="${fieldId}"]`)
	).not.toContainText(FIELD_AR);
});
