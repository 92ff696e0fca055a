/**
 * The board on a phone (390×844): a compact toolbar with "Menü", one column at a time with a
 * switcher, one avatar per person, a role label that is no button; keyboard and axe included.
 */
import { expect, test } from '@playwright/test';
import { addField, openNewPlan } from './support/board';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

test.use({ viewport: { width: 390, height: 844 } });

test('Tafel auf dem Handy: kompakte Leiste, Menü, eine Spalte mit Umschalter', async ({
	page,
	context
}) => {
	const planId = await openNewPlan(page, 'Handy-Plan mit einem recht langen Titel für die Stadt');
	await addField(page, 'Wohnen');
	await addField(page, 'Gesundheit');

	// the toolbar takes little room: title, + Handlungsfeld, undo/redo and "Menü"
	const bar = page.locator('.board-bar');
	const box = (await bar.boundingBox())!;
	expect(box.height).toBeLessThan(844 * 0.25);
	await expect(page.getByTestId('add-field')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Rückgängig' })).toBeVisible();

	// the plan's pages are behind "Menü" (keyboard-operable disclosure)
	const toggle = page.getByTestId('board-menu-toggle');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByTestId('plan-versions')).toBeHidden();
	await toggle.focus();
	await page.keyboard.press('Enter');
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByTestId('plan-versions')).toBeVisible();
	await expect(page.getByTestId('edit-plan-meta')).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('board-menu').locator(':focus')).toHaveCount(1);
	await page.screenshot({ path: `${SHOTS}/phone-menu.png` });
	await toggle.click();
	await expect(page.getByTestId('plan-versions')).toBeHidden();

	// one column at a time; the switcher (and its arrows) change it
	await expect(page.getByTestId('field-column')).toHaveCount(1);
	await expect(page.getByTestId('field-column')).toContainText('Gesundheit'); // just created
	const sw = page.getByTestId('field-switch');
	await sw.selectOption({ label: 'Handlungsfeld 1 von 2: Wohnen' });
	await expect(page.getByTestId('field-column')).toHaveCount(1);
	await expect(page.getByTestId('field-column')).toContainText('Wohnen');
	await page.getByRole('button', { name: 'Vorherige Spalte' }).click();
	await expect(page.getByTestId('principles')).toBeVisible();
	await expect(page.getByTestId('field-column')).toHaveCount(0);
	await page.getByRole('button', { name: 'Nächste Spalte' }).click();
	await expect(page.getByTestId('field-column')).toContainText('Wohnen');
	// a column fills the screen width
	const col = (await page.getByTestId('field-column').boundingBox())!;
	expect(col.width).toBeGreaterThan(330);

	// the role is a label, not something that looks clickable
	const role = page.getByTestId('role-badge');
	await expect(role).toHaveText('Ihre Rolle: Prozesssteuerung');
	const look = await role.evaluate((el) => {
		const s = getComputedStyle(el);
		return { border: s.borderTopWidth, radius: s.borderTopLeftRadius, cursor: s.cursor };
	});
	expect(look).toEqual({ border: '0px', radius: '0px', cursor: 'default' });

	// the same account in a second tab: no second identical avatar (own one is in the account menu)
	const second = await context.newPage();
	await second.goto(`/plans/${planId}`);
	await expect(second.getByTestId('plan-title')).toBeVisible();
	await expect(page.getByTestId('presence-avatar')).toHaveCount(1);
	await expect(page.getByTestId('presence-avatar').first()).toBeHidden();
	await second.close();

	await page.screenshot({ path: `${SHOTS}/phone-board.png` });
	await expectNoSeriousViolations(page, 'Tafel auf dem Handy');
});
