/** Shared steps for the board e2e tests. */
import { expect, type Page } from '@playwright/test';

/** Create a plan through the API and open its board. */
export async function openNewPlan(page: Page, title = 'E2E-Plan', municipality = 'Teststadt') {
	const response = await page.request.post('/api/plans', { data: { title, municipality } });
	expect(response.status()).toBe(201);
	const plan = (await response.json()) as { id: string };
	await page.goto(`/plans/${plan.id}`);
	await expect(page.getByTestId('plan-title')).toHaveText(title);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	return plan.id;
}

export const detail = (page: Page) => page.getByTestId('detail-panel');

/** Close the detail panel with "Fertig" and wait until it is gone. */
export async function closeDetail(page: Page) {
	await detail(page).getByTestId('detail-done').click();
	await expect(detail(page)).toBeHidden();
}

/** Fill in the title asked for after "+ …" and confirm; the detail panel opens. */
export async function confirmNewItem(page: Page, title: string) {
	const dialog = page.getByTestId('new-item-dialog');
	await dialog.getByTestId('new-item-title').fill(title);
	await dialog.getByTestId('new-item-title').press('Enter');
	await expect(dialog).toBeHidden();
	await expect(detail(page).getByTestId('detail-title')).toHaveValue(title);
}

export async function addField(page: Page, title: string) {
	const first = page.getByRole('button', { name: 'Erstes Handlungsfeld anlegen' });
	if (await first.isVisible()) await first.click();
	else await page.getByTestId('add-field').click();
	await confirmNewItem(page, title);
	await closeDetail(page);
	return page.getByTestId('field-column').filter({ hasText: title });
}

export async function addGoal(page: Page, fieldTitle: string, title: string) {
	await page
		.getByTestId('field-column')
		.filter({ hasText: fieldTitle })
		.getByTestId('add-goal')
		.click();
	await confirmNewItem(page, title);
	await closeDetail(page);
	return page.getByTestId('goal').filter({ hasText: title });
}

export async function addMeasure(page: Page, goalTitle: string, title: string) {
	await page.getByTestId('goal').filter({ hasText: goalTitle }).getByTestId('add-measure').click();
	await confirmNewItem(page, title);
	await closeDetail(page);
	return page.getByTestId('measure-card').filter({ hasText: title });
}

/** Titles of the measure cards of one goal, in board order. */
export async function measureTitles(page: Page, goalTitle: string): Promise<string[]> {
	const titles = await page
		.getByTestId('goal')
		.filter({ hasText: goalTitle })
		.getByTestId('measure-card')
		.locator('.card-open')
		.allInnerTexts();
	return titles.map((t) => t.replace(/^Maßnahme:\s*/, '').trim());
}

/** Text currently in the polite live region. */
export function liveRegion(page: Page) {
	return page.locator('[aria-live="polite"][role="status"].visually-hidden');
}
