import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { useIdentity } from './support/board';

const SHOTS = process.env.MITPLAN_SHOTS_DIR ?? '/tmp/shots';

async function expectNoSeriousViolations(page: Page, what: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	const report = serious.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
	expect(report, `axe violations on ${what}`).toEqual([]);
}

/** A new plan filled with the example content ("Beispielplan anlegen"). */
async function openExamplePlan(page: Page) {
	await page.goto('/');
	await page.getByRole('button', { name: /Beispielplan (anlegen|ansehen)/ }).click();
	await page.getByTestId('create-submit').click();
	await expect(page).toHaveURL(/\/plans\//);
	await expect(page.getByTestId('field-column')).toHaveCount(5);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
}

test.describe('Barrierefreiheit (axe, WCAG 2.1 AA)', () => {
	test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

	test.beforeEach(async ({ page }) => {
		await useIdentity(page, 'Anna Schmidt');
	});

	test('Planübersicht', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Pläne' })).toBeVisible();
		await expect(page.getByTestId('plan-card').first()).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/plan-list.png` });
		await expectNoSeriousViolations(page, 'the plan list');

		await page.getByTestId('create-plan').first().click();
		await expect(page.getByTestId('create-dialog')).toBeVisible();
		await expectNoSeriousViolations(page, 'the create dialog');
	});

	test('Planungstafel mit Beispielplan und Detailansicht', async ({ page }) => {
		await openExamplePlan(page);
		await page.screenshot({ path: `${SHOTS}/board-example.png` });
		await expectNoSeriousViolations(page, 'the board');

		await page.getByTestId('measure-card').first().locator('.card-open').click();
		await expect(page.getByTestId('detail-panel')).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/detail-panel.png` });
		await expectNoSeriousViolations(page, 'the detail panel');
		await page.keyboard.press('Escape');

		await page.getByTestId('measure-card').first().getByTestId('card-menu').click();
		await expect(page.getByRole('menu')).toBeVisible();
		await expectNoSeriousViolations(page, 'the card menu');
	});

	test('Skip-Link und Tastaturreihenfolge', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		// the first focusable element inside <main>
		const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
		expect(inMain).toBe(true);
	});
});
