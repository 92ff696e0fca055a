/**
 * Content a municipality relies on (issue 12, items 6–8 and parts of 11): the funding notice is
 * asked for at plan creation (no state default), goals have a description edited in the detail
 * panel and shown publicly instead of the answer to question (1), the measure form follows the
 * questionnaire's numbering, the public Abwägungstabelle stacks on a 390 px phone without
 * clipping, decided contributions hide their triage controls.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PlanJson } from '../../src/lib/domain/types';
import { anonymous } from './support/auth';
import { expectNoSeriousViolations } from './support/axe';
import { closeDetail, detail } from './support/board';

async function examplePlan(page: Page, title: string): Promise<PlanJson> {
	const created = await page.request.post('/api/plans', {
		data: { title, municipality: 'Inhaltsstadt', example: true }
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	return (await (await page.request.get(`/api/plans/${id}`)).json()) as PlanJson;
}

test('Plan anlegen fragt nach dem Förderhinweis (optional, kein Landes-Standardtext)', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('create-plan').click();
	const dialog = page.getByTestId('create-dialog');
	await dialog.getByLabel('Titel des Plans').fill('Vielfaltsstrategie Förderstadt');
	const notice = dialog.getByLabel(/Förderhinweis für PDF-Exporte/);
	await expect(notice).toHaveValue('');
	await notice.fill('Gefördert durch den Landkreis Förderstadt.');
	await dialog.getByTestId('create-submit').click();
	await expect(page).toHaveURL(/\/plans\//);
	const id = page.url().split('/plans/')[1].split(/[?#]/)[0];
	const plan = (await (await page.request.get(`/api/plans/${id}`)).json()) as PlanJson;
	expect(plan.meta.fundingNotice).toBe('Gefördert durch den Landkreis Förderstadt.');
});

test('Ziel mit Beschreibung; Maßnahmen-Formular in der Reihenfolge des Fragebogens', async ({
	page
}) => {
	const plan = await examplePlan(page, 'Zielbeschreibung');
	const goal = plan.fields[0].goals[0];
	await page.goto(`/plans/${plan.id}`);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');

	// the goal's own text, separate from the answer to (1)
	await page
		.getByTestId('goal')
		.filter({ hasText: goal.title })
		.locator('.card-open')
		.first()
		.click();
	const panel = detail(page);
	const description = panel.getByTestId('detail-description');
	await expect(description).toBeVisible();
	await expect(panel.getByTestId('detail-specific')).toBeVisible();
	await description.fill('Alle Beratungsstellen können Dolmetschende anfordern.');
	await closeDetail(page);
	await expect
		.poll(async () => {
			const p = (await (await page.request.get(`/api/plans/${plan.id}`)).json()) as PlanJson;
			return p.fields[0].goals[0].description;
		})
		.toBe('Alle Beratungsstellen können Dolmetschende anfordern.');

	// measure form: the questions' numbers never go down
	const measure = goal.measures[0];
	await page
		.getByTestId('measure-card')
		.filter({ hasText: measure.title })
		.locator('.card-open')
		.click();
	const hints = await detail(page).locator('.hint').allInnerTexts();
	const numbers = hints
		.map((h) => /^\((\d)\)/.exec(h.trim())?.[1])
		.filter((n): n is string => n !== undefined)
		.map(Number);
	expect(numbers).toEqual([1, 1, 2, 3, 3, 4, 5, 5]);
	await closeDetail(page);
});

test('öffentliche Seite: Zielbeschreibung statt Antwort (1), Abwägungstabelle auf dem Handy gestapelt, entschiedene Beiträge ohne Triage', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const plan = await examplePlan(page, 'Beteiligung Inhalt');
	const field = plan.fields[0];
	const goal = field.goals[0];
	const now = Date.now();
	const created = await page.request.post(`/api/plans/${plan.id}/rounds`, {
		data: {
			title: 'Runde Inhalt',
			fieldIds: [field.id],
			startsAt: new Date(now - 3600_000).toISOString(),
			endsAt: new Date(now + 3600_000).toISOString(),
			intro: ''
		}
	});
	expect(created.status()).toBe(201);
	const round = (await created.json()) as { id: string; token: string };
	const long = 'Lotsinnen begleiten Neuzugewanderte zu Arztterminen und übersetzen dort. '
		.repeat(12)
		.trim();
	const sent = await page.request.post(`/api/public/rounds/${round.token}/submissions`, {
		data: {
			kind: 'proposal_measure',
			targetId: goal.id,
			title: 'Gesundheitslotsinnen',
			text: long,
			name: '',
			consent: true
		}
	});
	expect(sent.status()).toBe(201);
	const { id: subId } = (await sent.json()) as { id: string };
	const decided = await page.request.patch(
		`/api/plans/${plan.id}/rounds/${round.id}/submissions/${subId}`,
		{ data: { decision: 'adopted', reason: 'Übernommen in Maßnahme 2.1.1.' } }
	);
	expect(decided.status()).toBe(200);

	// owner: a decided contribution shows no triage controls until reopened
	await page.goto(`/plans/${plan.id}/beteiligung`);
	await page
		.getByTestId('triage')
		.getByRole('radio', { name: /Entschieden/ })
		.check();
	const sub = page.getByTestId('submission').filter({ hasText: 'Gesundheitslotsinnen' });
	await expect(sub.getByTestId('sub-decision')).toBeVisible();
	await expect(sub.getByTestId('decision-save')).toHaveCount(0);
	await expect(sub.getByLabel('Verknüpfen mit')).toHaveCount(0);
	await sub.getByTestId('triage-reopen').click();
	await expect(sub.getByTestId('decision-save')).toBeVisible();
	await sub.getByText('Verknüpfen oder als Dublette zusammenführen').click();
	await expect(sub.getByRole('combobox', { name: 'Verknüpfen mit' })).toBeVisible();
	await expect(sub.getByRole('combobox', { name: 'Dublette von' })).toBeVisible();

	// the round ends: the public page shows the table
	const closed = await page.request.patch(`/api/plans/${plan.id}/rounds/${round.id}`, {
		data: { closed: true }
	});
	expect(closed.status()).toBe(200);
	const guest = await anonymous(browser);
	await guest.page.setViewportSize({ width: 390, height: 844 });
	await guest.page.goto(`/beteiligung/${round.token}`);
	await guest.page.locator('html[data-hydrated]').waitFor();
	await expect(guest.page.getByTestId('fb-goal-description').first()).toHaveText(goal.description);
	await expect(guest.page.getByText(goal.specific)).toHaveCount(0);
	const row = guest.page.getByTestId('consideration-row');
	await expect(row).toContainText('Übernommen in Maßnahme 2.1.1.');
	// stacked: every cell is inside the viewport, nothing scrolls sideways
	for (const cell of await row.locator('td').all()) {
		const box = await cell.boundingBox();
		expect(box).not.toBeNull();
		expect(box!.x).toBeGreaterThanOrEqual(0);
		expect(box!.x + box!.width).toBeLessThanOrEqual(390);
	}
	const scroll = await guest.page.evaluate(() => {
		const wrap = document.querySelector('.table-wrap');
		return {
			wrap: wrap ? wrap.scrollWidth - wrap.clientWidth : 0,
			page: document.documentElement.scrollWidth
		};
	});
	expect(scroll.wrap).toBeLessThanOrEqual(1);
	expect(scroll.page).toBeLessThanOrEqual(390);
	const reason = row.locator('td[data-label="Begründung"]');
	await reason.scrollIntoViewIfNeeded();
	await expect(reason).toBeInViewport();
	await guest.page.screenshot({ path: 'test-results/consideration-390.png' });
	await expectNoSeriousViolations(guest.page, 'the closed public page on a phone');
	await guest.context.close();
});
