/**
 * Versions in the browser: the owner takes a version, edits a measure, compares the version with
 * the current state (redline), restores it (the board shows the old text again) and finds the
 * pre-restore snapshot in the list, then deletes it; the edit shows up in the measure's "Verlauf".
 * Plus axe on the versions, version and compare pages and the delete dialog.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { myName } from './support/auth';
import { addField, addGoal, addMeasure, closeDetail, detail, openNewPlan } from './support/board';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

/** Waits until the server has the measure's description (edits travel over the websocket). */
async function storedDescription(page: Page, planId: string, text: string) {
	await expect
		.poll(async () => JSON.stringify(await (await page.request.get(`/api/plans/${planId}`)).json()))
		.toContain(text);
}

async function editDescription(page: Page, text: string) {
	await page
		.getByTestId('measure-card')
		.filter({ hasText: 'Sprachcafé' })
		.locator('.card-open')
		.click();
	await detail(page).getByTestId('detail-description').fill(text);
}

test('Versionen: speichern, vergleichen, wiederherstellen, Verlauf', async ({ page }) => {
	mkdirSync(SHOTS, { recursive: true });
	const planId = await openNewPlan(page, 'Versionen im Browser');
	await addField(page, 'Sprache und Bildung');
	await addGoal(page, 'Sprache und Bildung', 'Deutsch im Alltag');
	await addMeasure(page, 'Deutsch im Alltag', 'Sprachcafé');
	await editDescription(page, 'Treffen jeden Montag im Rathaus');
	await closeDetail(page);
	await storedDescription(page, planId, 'jeden Montag im Rathaus');

	// Take a named version.
	await page.getByTestId('plan-versions').click();
	await expect(page.getByRole('heading', { level: 1, name: /Versionen/ })).toBeVisible();
	await expect(page.getByTestId('versions-empty')).toBeVisible();
	await page.getByTestId('version-name').fill('Entwurf Kerngruppe');
	await page.getByTestId('version-take').click();
	await expect(page.getByTestId('versions-notice')).toContainText(
		'„Entwurf Kerngruppe“ gespeichert'
	);
	await expect(page.getByTestId('version-row')).toHaveCount(1);
	await expect(page.getByTestId('version-row').first()).toContainText('Benannte Version');

	// Edit the measure on the board; its history names me and the field.
	await page.getByTestId('versions-board-link').click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await editDescription(page, 'Treffen jeden Dienstag in der Bücherei');
	await storedDescription(page, planId, 'jeden Dienstag in der Bücherei');
	const me = await myName(page);
	await detail(page).getByText('Verlauf').click();
	const history = detail(page).getByTestId('history-entry').first();
	await expect(history).toContainText(me);
	await expect(history).toContainText('Beschreibung');
	await history.scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SHOTS}/versions-item-history.png` });
	await closeDetail(page);

	// Compare the version with the current state: a redline of the changed words.
	await page.getByTestId('plan-versions').click();
	await page.getByTestId('version-compare-current').first().click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Versionen vergleichen' })
	).toBeVisible();
	const change = page.getByTestId('diff-change').filter({ hasText: 'Beschreibung' });
	await expect(change.locator('del')).toContainText(['Montag']);
	await expect(change.locator('ins').first()).toContainText('Dienstag');
	await expect(change.locator('del').first()).toContainText('gelöscht');
	await expect(page.getByTestId('diff-summary')).toContainText('1 geändert');
	await page.screenshot({ path: `${SHOTS}/versions-compare.png`, fullPage: true });
	await expectNoSeriousViolations(page, 'the compare page');

	// Restore the version (with a confirmation that explains the safety snapshot).
	await page.getByRole('link', { name: 'Versionen', exact: true }).click();
	await page.getByTestId('version-restore').first().click();
	const dialog = page.getByTestId('restore-dialog');
	await expect(dialog).toContainText('rückgängig');
	await page.screenshot({ path: `${SHOTS}/versions-restore-dialog.png` });
	await dialog.getByTestId('restore-confirm').click();
	await expect(page.getByTestId('versions-notice')).toContainText('wiederhergestellt');
	await expect(page.getByTestId('version-row')).toHaveCount(2);
	const snapshotRow = page.locator('[data-testid="version-row"][data-kind="pre_restore"]');
	await expect(snapshotRow).toContainText('Vor Wiederherstellung von „Entwurf Kerngruppe“');
	await expect(snapshotRow).toContainText(me);
	await page.screenshot({ path: `${SHOTS}/versions-list.png`, fullPage: true });
	await expectNoSeriousViolations(page, 'the versions page');

	// The read-only version page.
	await page
		.getByTestId('version-row')
		.filter({ hasText: 'Entwurf Kerngruppe' })
		.filter({ hasText: 'Benannte Version' })
		.getByRole('link', { name: /öffnen/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: /Entwurf Kerngruppe/ })).toBeVisible();
	await expect(page.getByTestId('doc-measure')).toContainText('Treffen jeden Montag im Rathaus');
	await expect(page.getByRole('textbox')).toHaveCount(0);
	const pdf = await page.request.get(
		(await page.getByTestId('version-pdf').getAttribute('href')) ?? ''
	);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	await page.screenshot({ path: `${SHOTS}/versions-view.png`, fullPage: true });
	await expectNoSeriousViolations(page, 'the version page');

	// The board shows the old text again.
	await page.getByTestId('versions-board-link').click();
	await page
		.getByTestId('measure-card')
		.filter({ hasText: 'Sprachcafé' })
		.locator('.card-open')
		.click();
	await expect(detail(page).getByTestId('detail-description')).toHaveValue(
		'Treffen jeden Montag im Rathaus'
	);
	await closeDetail(page);

	// Delete the safety snapshot (after a confirmation; Abbrechen keeps it).
	await page.getByTestId('plan-versions').click();
	const preRow = page.locator('[data-testid="version-row"][data-kind="pre_restore"]');
	await preRow.getByTestId('version-delete').click();
	const confirm = page.getByTestId('delete-version-dialog');
	await expect(confirm).toContainText('endgültig gelöscht');
	await expect(confirm.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
	await page.screenshot({ path: `${SHOTS}/versions-delete-dialog.png` });
	await expectNoSeriousViolations(page, 'the delete dialog');
	await page.keyboard.press('Enter'); // Abbrechen has the focus
	await expect(page.getByTestId('version-row')).toHaveCount(2);
	await preRow.getByTestId('version-delete').click();
	await confirm.getByTestId('delete-version-confirm').click();
	await expect(page.getByTestId('versions-notice')).toContainText('gelöscht');
	await expect(page.getByTestId('version-row')).toHaveCount(1);
	await expect(page.getByTestId('version-row')).toContainText('Entwurf Kerngruppe');
});
