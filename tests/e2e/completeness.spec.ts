/**
 * Vollständigkeit in the browser (issue 16): the owner opens the page from the board, follows an
 * open point's link to the item (`?item=<id>` opens its detail panel), fixes it and sees the point
 * gone; marks another point "bewusst offen" (a reason is required) and a second tab, loading the
 * plan from the server, shows the mark; the PDF export dialog shows the count. Plus axe on the page.
 */
import { expect, test } from '@playwright/test';
import { addField, addGoal, addMeasure, closeDetail, detail, openNewPlan } from './support/board';
import { expectNoSeriousViolations } from './support/axe';

test('Vollständigkeit: offene Punkte, Link zur Stelle, bewusst offen', async ({
	page,
	context
}) => {
	test.setTimeout(120_000); // several page loads and live edits on a loaded machine
	const planId = await openNewPlan(page, 'Vollständigkeit im Browser');
	await addField(page, 'Gesundheit');
	await addGoal(page, 'Gesundheit', 'Gesund ankommen');
	await addMeasure(page, 'Gesund ankommen', 'Sprachcafé');

	await page.getByTestId('plan-completeness').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/vollstaendigkeit$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Vollständigkeit' })).toBeVisible();
	await expect(page.getByTestId('completeness-total')).toContainText('offene Punkte');
	await expect(
		page.getByRole('heading', { level: 2, name: /^Gesundheit: \d+ offene Punkte/ })
	).toBeVisible();
	const leadPoint = page
		.getByTestId('completeness-point')
		.filter({ hasText: 'Keine Federführung' });
	await expect(leadPoint).toHaveCount(1);
	await expectNoSeriousViolations(page, 'the Vollständigkeit page');

	// The link opens the measure on the board; fix the lead there.
	await leadPoint.getByTestId('completeness-link').click();
	await expect(page).toHaveURL(/\?item=/);
	await expect(detail(page)).toBeVisible();
	await expect(detail(page).getByTestId('detail-title')).toHaveValue('Sprachcafé');
	await detail(page).getByTestId('detail-lead').fill('Integrationsbüro');
	await closeDetail(page);
	await page.getByTestId('plan-completeness').click();
	await expect(
		page.getByTestId('completeness-point').filter({ hasText: 'Keine Zielgruppe' })
	).toHaveCount(1);
	await expect(
		page.getByTestId('completeness-point').filter({ hasText: 'Keine Federführung' })
	).toHaveCount(0);

	// Mark the missing target group as "bewusst offen": a reason is required.
	const targetPoint = page
		.getByTestId('completeness-point')
		.filter({ hasText: 'Keine Zielgruppe' });
	await targetPoint.getByRole('button', { name: 'Bewusst offen …' }).click();
	await targetPoint.getByRole('button', { name: 'Speichern' }).click();
	await expect(targetPoint.getByRole('alert')).toHaveText(
		'Bitte geben Sie einen Grund an, warum der Punkt offen bleibt.'
	);
	await targetPoint
		.getByLabel('Grund, warum der Punkt offen bleibt')
		.fill('Wird mit der AG geklärt');
	await targetPoint.getByRole('button', { name: 'Speichern' }).click();
	await expect(targetPoint).toContainText('Bewusst offen: Wird mit der AG geklärt');
	await expect(page.getByTestId('completeness-total')).toContainText('(1 bewusst offen)');

	// Another tab loads the plan from the server and sees the mark.
	const other = await context.newPage();
	await other.goto(`/plans/${planId}/vollstaendigkeit`);
	await expect(
		other.getByTestId('completeness-point').filter({ hasText: 'Keine Zielgruppe' })
	).toContainText('Wird mit der AG geklärt');
	await other.close();

	// The PDF export dialog shows the open points before an export for the council.
	await page.getByRole('link', { name: 'Vollständigkeit im Browser' }).click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await page.getByTestId('export-pdf').click();
	const note = page.getByTestId('export-completeness');
	await expect(note).toContainText(/Vollständigkeit: \d+ offene Punkte \(1 bewusst offen\)/);
	await expect(note.getByRole('link', { name: 'Offene Punkte ansehen' })).toBeVisible();
});
