import { expect, test } from '@playwright/test';
import {
	addField,
	addGoal,
	addMeasure,
	closeDetail,
	confirmNewItem,
	detail,
	liveRegion,
	measureTitles,
	openNewPlan
} from './support/board';
import { myName } from './support/auth';

test.describe('Planübersicht', () => {
	test('Plan anlegen, mit Kontonamen öffnen, umbenennen und mit Bestätigung löschen', async ({
		page
	}) => {
		// unique per run, so a retry or a parallel test never finds a second card of the same name
		const tag = Math.random().toString(36).slice(2, 7);
		const title = `Vielfaltsstrategie Teststadt ${tag}`;
		const renamedTitle = `Vielfaltsstrategie 2030 ${tag}`;
		await page.goto('/');
		await page.getByTestId('create-plan').first().click();
		const dialog = page.getByTestId('create-dialog');
		await expect(dialog.getByRole('heading', { name: 'Neuen Plan anlegen' })).toBeVisible();
		// empty title: German error, no request
		await dialog.getByTestId('create-submit').click();
		await expect(dialog.getByRole('alert')).toHaveText(
			'Bitte geben Sie einen Titel für den Plan ein.'
		);
		// the error sits under the field, and the keyboard focus goes there
		await expect(dialog.getByLabel('Titel des Plans')).toBeFocused();
		await dialog.getByLabel('Titel des Plans').fill(title);
		await dialog.getByLabel(/Kommune/).fill('Teststadt');
		await dialog.getByTestId('create-submit').click();
		await expect(page).toHaveURL(/\/plans\/[A-Za-z0-9_-]+$/);

		// the presence shows the account's name (no name prompt any more)
		await expect(page.getByTestId('plan-title')).toHaveText(title);
		await expect(page.getByTestId('presence')).toContainText(await myName(page));
		await expect(page.getByTestId('role-badge')).toHaveText(/Prozesssteuerung/);
		await expect(page.getByTestId('fields-empty')).toContainText(
			'Legen Sie das erste Handlungsfeld an'
		);

		await page.getByRole('link', { name: 'Pläne' }).click();
		const card = page.getByTestId('plan-card').filter({ hasText: title });
		await expect(card).toContainText('Teststadt');

		await card.getByTestId('rename-plan').click();
		const edit = page.getByTestId('edit-dialog');
		await edit.getByLabel('Titel des Plans').fill(renamedTitle);
		await edit.getByTestId('edit-submit').click();
		const renamed = page.getByTestId('plan-card').filter({ hasText: renamedTitle });
		await expect(renamed).toBeVisible();

		await renamed.getByTestId('delete-plan').click();
		const del = page.getByTestId('delete-dialog');
		await expect(del).toContainText(`„${renamedTitle}“`);
		await del.getByTestId('delete-confirm').click();
		await expect(renamed).toHaveCount(0);
		await expect(
			page.getByTestId('toast').filter({ hasText: `„${renamedTitle}“ gelöscht` })
		).toBeVisible();
	});

	test('ungültige Plan-Adresse zeigt eine deutsche 404-Seite', async ({ page }) => {
		await page.goto('/plans/ungültig.id');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
		await expect(
			page.getByText('Diese Plan-Adresse ist ungültig.', { exact: false })
		).toBeVisible();
	});
});

test.describe('Planungstafel', () => {
	test('„+“ legt erst mit Titel an: Escape, × und leerer Titel hinterlassen nichts', async ({
		page
	}) => {
		const planId = await openNewPlan(page, 'Keine leeren Elemente');
		const dialog = page.getByTestId('new-item-dialog');
		const itemCount = async () => {
			const plan = await (await page.request.get(`/api/plans/${planId}`)).json();
			return plan.principles.length + plan.fields.length;
		};

		// Escape: nothing created
		await page.getByRole('button', { name: 'Erstes Handlungsfeld anlegen' }).click();
		await expect(dialog).toBeVisible();
		await expect(dialog.getByTestId('new-item-title')).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(detail(page)).toBeHidden();
		await expect(page.getByTestId('field-column')).toHaveCount(0);
		await expect(page.getByTestId('fields-empty')).toBeVisible();

		// ×: nothing created
		await page.getByTestId('add-principle').click();
		await dialog.getByTestId('new-item-title').fill('Halb getippt');
		await dialog.getByRole('button', { name: 'Schließen' }).click();
		await expect(dialog).toBeHidden();
		await expect(page.getByTestId('principle-card')).toHaveCount(0);

		// an empty (or invisible-only) title is refused with a German message
		await page.getByRole('button', { name: 'Erstes Handlungsfeld anlegen' }).click();
		await dialog.getByTestId('new-item-title').fill('  \u200B ');
		await dialog.getByTestId('new-item-create').click();
		await expect(dialog.getByRole('alert')).toHaveText(
			'Bitte geben Sie einen Titel ein. Ohne Titel wird nichts angelegt.'
		);
		await expect(dialog.getByTestId('new-item-title')).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('field-column')).toHaveCount(0);

		// the server's document has nothing either, also after a reload
		expect(await itemCount()).toBe(0);
		await page.reload();
		await expect(page.getByTestId('fields-empty')).toBeVisible();

		// with a title, the item exists and its details open
		await page.getByRole('button', { name: 'Erstes Handlungsfeld anlegen' }).click();
		await confirmNewItem(page, 'Wohnen');
		await closeDetail(page);
		await expect(page.getByTestId('field-column')).toHaveCount(1);
		await expect.poll(itemCount).toBe(1);
	});

	test('Handlungsfeld, Ziel und Maßnahme anlegen und bearbeiten', async ({ page }) => {
		await openNewPlan(page, 'Integrationskonzept E2E');

		// a Leitlinie to link the goal to
		await page.getByTestId('add-principle').click();
		await confirmNewItem(page, 'Teilhabe für alle');
		await detail(page).getByTestId('detail-statement').fill('Alle gestalten mit.');
		await closeDetail(page);
		await expect(page.getByTestId('principle-card')).toContainText('Teilhabe für alle');

		const field = await addField(page, 'Sprache und Bildung');
		await field.getByTestId('phase-select').selectOption('B');
		await expect(field.getByTestId('phase-select')).toHaveValue('B');

		await addGoal(page, 'Sprache und Bildung', 'Alle Kinder sprechen bei Schulbeginn Deutsch');
		const goal = page.getByTestId('goal').first();
		await goal.locator('.card-open').first().click();
		await detail(page).getByLabel('Teilhabe für alle').check();
		await detail(page).getByTestId('detail-indicator').fill('Sprachstandserhebung');
		await closeDetail(page);
		await expect(goal.getByRole('list', { name: 'Verknüpfte Leitlinien' })).toContainText(
			'Teilhabe für alle'
		);

		const card = await addMeasure(
			page,
			'Alle Kinder sprechen bei Schulbeginn Deutsch',
			'Sprachcafé'
		);
		await card.locator('.card-open').click();
		const panel = detail(page);
		await expect(panel.getByRole('heading', { name: 'Maßnahme: Sprachcafé' })).toBeVisible();
		// every questionnaire field is there with its German label
		for (const label of [
			'Beschreibung',
			'Beabsichtigte Wirkung',
			'Zielgruppe',
			'Nutzen für das Ziel',
			'Federführung',
			'Beteiligte',
			'Ressourcen (Geld, Personal, Räume)',
			'Status',
			'Priorität',
			'Beginn',
			'Abschluss'
		]) {
			await expect(panel.getByLabel(label, { exact: true })).toBeVisible();
		}
		await panel.getByLabel('Federführung', { exact: true }).fill('Volkshochschule');
		await panel.getByLabel('Status', { exact: true }).selectOption('in_umsetzung');
		await panel.getByLabel('Priorität', { exact: true }).selectOption('hoch');
		await panel.getByLabel('Beginn', { exact: true }).fill('2026-03-01');
		await panel.getByLabel('Abschluss', { exact: true }).fill('2026-01-31');
		await expect(panel.getByText('Das Enddatum liegt vor dem Startdatum.')).toBeVisible();
		await panel.getByLabel('Abschluss', { exact: true }).fill('2026-12-31');
		await expect(panel.getByText('Das Enddatum liegt vor dem Startdatum.')).toBeHidden();
		await page.keyboard.press('Escape');
		await expect(panel).toBeHidden();
		// focus returns to the card
		await expect(card.locator('.card-open')).toBeFocused();

		await expect(card).toContainText('in Umsetzung');
		await expect(card).toContainText('hoch');
		await expect(card).toContainText('Volkshochschule');
		await expect(card).toContainText('01.03.2026 – 31.12.2026');

		// everything is on the server: a reload shows it again
		await expect(page.getByTestId('connection-status')).toHaveAttribute('data-pending', 'false');
		await page.reload();
		await expect(page.getByTestId('measure-card').filter({ hasText: 'Sprachcafé' })).toContainText(
			'Volkshochschule'
		);
		const api = await page.request.get(page.url().replace('/plans/', '/api/plans/'));
		const plan = await api.json();
		expect(plan.fields[0].phase).toBe('B');
		expect(plan.fields[0].goals[0].measures[0]).toMatchObject({
			title: 'Sprachcafé',
			lead: 'Volkshochschule',
			status: 'in_umsetzung',
			priority: 'hoch',
			startDate: '2026-03-01',
			endDate: '2026-12-31'
		});
		expect(plan.fields[0].goals[0].principleIds).toEqual([plan.principles[0].id]);
	});

	test('Planangaben auf der Tafel ändern, mit Rückmeldung', async ({ page }) => {
		await openNewPlan(page, 'Planangaben-Test');
		await page.getByTestId('edit-plan-meta').click();
		const meta = page.getByTestId('plan-meta-dialog');
		const title = meta.getByLabel('Titel des Plans');
		await title.fill('  ');
		await meta.getByRole('button', { name: 'Speichern' }).click();
		await expect(meta.getByRole('alert')).toHaveText(
			'Bitte geben Sie einen Titel für den Plan ein.'
		);
		await expect(title).toBeFocused();
		await title.fill('Planangaben-Test 2030');
		await title.press('Enter');
		await expect(meta).toBeHidden();
		await expect(page.getByTestId('plan-title')).toHaveText('Planangaben-Test 2030');
		await expect(
			page.getByTestId('toast').filter({ hasText: 'Planangaben gespeichert' })
		).toBeVisible();
		await expect(page.getByTestId('edit-plan-meta')).toBeFocused();
	});

	test('Maßnahmen per Tastatur umsortieren und verschieben', async ({ page }) => {
		await openNewPlan(page, 'Tastatur-Plan');
		await addField(page, 'Wohnen');
		await addGoal(page, 'Wohnen', 'Ziel A');
		await addGoal(page, 'Wohnen', 'Ziel B');
		for (const t of ['Eins', 'Zwei', 'Drei']) await addMeasure(page, 'Ziel A', t);
		expect(await measureTitles(page, 'Ziel A')).toEqual(['Eins', 'Zwei', 'Drei']);

		// Alt+ArrowUp on the focused card
		const drei = page.getByTestId('measure-card').filter({ hasText: 'Drei' }).locator('.card-open');
		await drei.focus();
		await page.keyboard.press('Alt+ArrowUp');
		await expect.poll(() => measureTitles(page, 'Ziel A')).toEqual(['Eins', 'Drei', 'Zwei']);
		await expect(drei).toBeFocused();
		await expect(liveRegion(page)).toContainText('Position 2 von 3');
		await page.keyboard.press('Alt+ArrowUp');
		await expect.poll(() => measureTitles(page, 'Ziel A')).toEqual(['Drei', 'Eins', 'Zwei']);

		// the card menu: "Nach unten"
		const eins = page.getByTestId('measure-card').filter({ hasText: 'Eins' });
		await eins.getByTestId('card-menu').click();
		await expect(page.getByRole('menu')).toBeVisible();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('menuitem', { name: /Nach unten/ })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect.poll(() => measureTitles(page, 'Ziel A')).toEqual(['Drei', 'Zwei', 'Eins']);

		// "Verschieben nach …" another goal, by keyboard only
		await eins.getByTestId('card-menu').focus();
		await page.keyboard.press('Enter');
		await page.getByRole('menuitem', { name: 'Verschieben nach …' }).click();
		const move = page.getByTestId('move-dialog');
		await move.getByLabel('Neues Ziel').selectOption({ label: 'Ziel B' });
		await move.getByTestId('move-submit').click();
		await expect.poll(() => measureTitles(page, 'Ziel B')).toEqual(['Eins']);
		expect(await measureTitles(page, 'Ziel A')).toEqual(['Drei', 'Zwei']);
		await expect(liveRegion(page)).toContainText('Ziel „Ziel B“');
		await expect(
			page.getByTestId('measure-card').filter({ hasText: 'Eins' }).locator('.card-open')
		).toBeFocused();

		// goals reorder too
		const zielB = page
			.getByTestId('goal')
			.filter({ hasText: 'Ziel B' })
			.locator('.card-open')
			.first();
		await zielB.focus();
		await page.keyboard.press('Alt+ArrowUp');
		await expect
			.poll(async () =>
				(await page.getByTestId('goal').locator('h4').allInnerTexts()).map((t) =>
					t.replace(/^Ziel:\s*/, '')
				)
			)
			.toEqual(['Ziel B', 'Ziel A']);
	});

	test('Maßnahmen per Maus ziehen (Drag and Drop)', async ({ page }) => {
		await openNewPlan(page, 'Maus-Plan');
		await addField(page, 'Gesundheit');
		await addGoal(page, 'Gesundheit', 'Ziel X');
		await addGoal(page, 'Gesundheit', 'Ziel Y');
		await addMeasure(page, 'Ziel X', 'Erste');
		await addMeasure(page, 'Ziel X', 'Zweite');
		await addMeasure(page, 'Ziel Y', 'Dritte');
		const zweite = page.getByTestId('measure-card').filter({ hasText: 'Zweite' });
		const dritte = page.getByTestId('measure-card').filter({ hasText: 'Dritte' });
		await zweite.dragTo(dritte, { targetPosition: { x: 40, y: 5 } });
		await expect.poll(() => measureTitles(page, 'Ziel Y')).toEqual(['Zweite', 'Dritte']);
		expect(await measureTitles(page, 'Ziel X')).toEqual(['Erste']);
	});

	test('Löschen mit Rückgängig (Hinweis und Strg+Z)', async ({ page }) => {
		await openNewPlan(page, 'Lösch-Plan');
		await addField(page, 'Soziale Teilhabe');
		await addGoal(page, 'Soziale Teilhabe', 'Begegnung fördern');
		await addMeasure(page, 'Begegnung fördern', 'Willkommensfest');
		await addMeasure(page, 'Begegnung fördern', 'Vereinsmesse');

		const fest = page.getByTestId('measure-card').filter({ hasText: 'Willkommensfest' });
		await fest.getByTestId('card-menu').click();
		await page.getByRole('menuitem', { name: 'Löschen' }).click();
		await expect(fest).toHaveCount(0);
		const toast = page
			.getByTestId('toast')
			.filter({ hasText: 'Maßnahme „Willkommensfest“ gelöscht' });
		await expect(toast).toBeVisible();
		await toast.getByRole('button', { name: 'Rückgängig' }).click();
		await expect
			.poll(() => measureTitles(page, 'Begegnung fördern'))
			.toEqual(['Willkommensfest', 'Vereinsmesse']);

		// delete from the detail panel, then Ctrl+Z; Ctrl+Shift+Z redoes
		await page
			.getByTestId('measure-card')
			.filter({ hasText: 'Vereinsmesse' })
			.locator('.card-open')
			.click();
		await detail(page).getByTestId('detail-delete').click();
		await expect(detail(page)).toBeHidden();
		await expect.poll(() => measureTitles(page, 'Begegnung fördern')).toEqual(['Willkommensfest']);
		await page.keyboard.press('Control+z');
		await expect
			.poll(() => measureTitles(page, 'Begegnung fördern'))
			.toEqual(['Willkommensfest', 'Vereinsmesse']);
		await page.keyboard.press('Control+Shift+z');
		await expect.poll(() => measureTitles(page, 'Begegnung fördern')).toEqual(['Willkommensfest']);
		await page.getByTestId('undo').click();
		await expect
			.poll(() => measureTitles(page, 'Begegnung fördern'))
			.toEqual(['Willkommensfest', 'Vereinsmesse']);

		// deleting a goal takes its measures along, and undo brings all back
		await page.getByTestId('goal').getByTestId('card-menu').first().click();
		await page.getByRole('menuitem', { name: 'Löschen' }).click();
		await expect(page.getByTestId('toast').filter({ hasText: 'mit 2 Maßnahmen' })).toBeVisible();
		await expect(page.getByTestId('measure-card')).toHaveCount(0);
		await page.keyboard.press('Control+z');
		await expect(page.getByTestId('measure-card')).toHaveCount(2);
	});
});

test.describe('Verbindung', () => {
	test('offline weiterarbeiten, danach abgleichen; gelöschter Plan wird gemeldet', async ({
		page,
		context
	}) => {
		const planId = await openNewPlan(page, 'Verbindungs-Plan');
		const status = page.getByTestId('connection-status');
		await addField(page, 'Vor der Unterbrechung');

		await context.setOffline(true);
		await expect(status).toHaveAttribute('data-status', 'offline');
		await addField(page, 'Offline angelegt');
		await expect(status).toHaveAttribute('data-pending', 'true');
		await expect(status).toContainText('Änderungen lokal gespeichert');

		await context.setOffline(false);
		await expect(status).toHaveAttribute('data-status', 'online', { timeout: 15_000 });
		await expect(status).toHaveAttribute('data-pending', 'false');
		const plan = await (await page.request.get(`/api/plans/${planId}`)).json();
		expect(plan.fields.map((f: { title: string }) => f.title)).toEqual([
			'Vor der Unterbrechung',
			'Offline angelegt'
		]);

		// someone deletes the plan while it is open: a clear message, no reconnect loop
		expect((await page.request.delete(`/api/plans/${planId}`)).status()).toBe(204);
		await expect(page.getByTestId('fatal-error')).toContainText('Dieser Plan wurde gelöscht.');
		await expect(status).toHaveAttribute('data-status', 'offline');
	});
});
