/**
 * bindYText: a remote insert before the caret moves the caret along (Y.RelativePosition), so
 * the local person keeps typing where they were.
 */
import { expect, test } from '@playwright/test';
import { addField, detail, openNewPlan } from './support/board';

test('Cursor bleibt an seiner Stelle, wenn jemand davor schreibt', async ({ browser }) => {
	const annaContext = await browser.newContext();
	const benContext = await browser.newContext();
	const anna = await annaContext.newPage();
	const ben = await benContext.newPage();

	const planId = await openNewPlan(anna, 'Cursor-Plan');
	await addField(anna, 'Gesundheit');
	await ben.goto(`/plans/${planId}`);
	for (const page of [anna, ben]) {
		await page.getByTestId('field-column').locator('.card-open').first().click();
		await expect(detail(page)).toBeVisible();
	}
	const annaText = detail(anna).getByTestId('detail-situation');
	const benText = detail(ben).getByTestId('detail-situation');

	await annaText.fill('Hallo Welt');
	await expect(benText).toHaveValue('Hallo Welt');
	// Anna's caret right after "Hallo"
	await annaText.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));

	await benText.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
	await benText.pressSequentially('Liebe ');
	await expect(annaText).toHaveValue('Liebe Hallo Welt');
	expect(await annaText.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(11);

	await annaText.pressSequentially(',');
	await expect(annaText).toHaveValue('Liebe Hallo, Welt');
	await expect(benText).toHaveValue('Liebe Hallo, Welt');

	await annaContext.close();
	await benContext.close();
});

test('Zwei tippen gleichzeitig an derselben Stelle: jeder Name bleibt ganz', async ({
	browser
}) => {
	const annaContext = await browser.newContext();
	const benContext = await browser.newContext();
	const anna = await annaContext.newPage();
	const ben = await benContext.newPage();

	const planId = await openNewPlan(anna, 'Gleichzeitig-Plan');
	await addField(anna, 'Teilhabe');
	await ben.goto(`/plans/${planId}`);
	for (const page of [anna, ben]) {
		await page.getByTestId('field-column').locator('.card-open').first().click();
		await expect(detail(page)).toBeVisible();
	}
	const annaText = detail(anna).getByTestId('detail-situation');
	const benText = detail(ben).getByTestId('detail-situation');
	await annaText.fill('Ansprechpartnerin: ');
	await expect(benText).toHaveValue('Ansprechpartnerin: ');

	// Each sees in which field the other one is typing.
	await benText.click();
	await benText.press('End');
	await annaText.click();
	await annaText.press('End');
	await expect(detail(ben).getByTestId('field-typing')).toHaveAttribute('data-field', 'situation');
	await expect(detail(ben).getByTestId('field-typing')).toContainText('Ausgangslage');
	await expect(detail(anna).getByTestId('field-typing')).toHaveAttribute('data-field', 'situation');

	// Both type at the same spot at the same time.
	await Promise.all([
		annaText.pressSequentially('Sabine', { delay: 90 }),
		benText.pressSequentially('Anna', { delay: 130 })
	]);
	await expect(async () => {
		const a = await annaText.inputValue();
		expect(await benText.inputValue()).toBe(a);
		expect(a).toContain('Sabine');
		expect(a).toContain('Anna');
		expect(a).toHaveLength('Ansprechpartnerin: '.length + 10);
	}).toPass({ timeout: 7_500 });

	await annaContext.close();
	await benContext.close();
});
