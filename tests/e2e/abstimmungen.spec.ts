/**
 * Priorisierung in the browser (issue 13, item 6): the facilitator (owner, 1280 px) opens a dot
 * vote over a field's measures; a guest on a phone (390 px, joined through the invite) finds it
 * behind "☰ Menü" and votes with the keyboard only (+/− buttons keep the focus, a refused dot is
 * announced); the facilitator sees the participation live, adds a hand count, ends the vote; the
 * result reaches the phone live; the confirmed priorities land in the plan with a history entry.
 * axe on both views; screenshots at 1280 and 390 px.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PlanJson } from '../../src/lib/domain/types';
import type { HistoryEntry } from '../../src/lib/versions/types';
import { NO_SESSION, createInvite } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const alert = (page: Page) => page.locator('[aria-live="assertive"][role="alert"].visually-hidden');
const status = (page: Page) => page.locator('[aria-live="polite"][role="status"].visually-hidden');

test('Abstimmung: starten, per Tastatur am Handy abstimmen, Handzählung, Ergebnis, Prioritäten übernehmen', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Priorisierung im Browser', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;
	const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as PlanJson;
	const field = plan.fields.find((f) => f.goals.some((g) => g.measures.length >= 2))!;
	const measures = field.goals.flatMap((g) => g.measures);

	// Facilitator: from the board toolbar to the page, open a vote over the field's measures.
	await page.goto(`/plans/${planId}`);
	await page.getByTestId('plan-votes').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/abstimmungen$`));
	await expect(page.getByRole('heading', { level: 1, name: /Abstimmungen/ })).toBeVisible();
	await expect(page.getByTestId('votes-none')).toBeVisible();
	await page.getByTestId('vote-new').click();
	await page.getByTestId('vote-title').fill('Was packen wir zuerst an?');
	// Nothing chosen: a German message, nothing opened.
	await page.getByTestId('vote-open-submit').click();
	await expect(page.getByTestId('vote-open-error')).toHaveText(
		'Bitte wählen Sie mindestens eine Maßnahme.'
	);
	await page
		.getByTestId('vote-group')
		.filter({ hasText: field.title })
		.getByRole('button', { name: /Alle aus/ })
		.click();
	await page.getByTestId('vote-dots').fill('3');
	await page.getByTestId('vote-per-item').fill('2');
	await expectNoSeriousViolations(page, 'the open-vote form');
	await page.getByTestId('vote-open-submit').click();
	const panel = page.getByTestId('vote-panel');
	await expect(panel.getByRole('heading', { name: 'Was packen wir zuerst an?' })).toBeVisible();
	await expect(page.getByTestId('vote-hidden')).toBeVisible();
	await expect(page.getByTestId('vote-participation')).toContainText('0 Personen haben abgestimmt');

	// A guest on a phone joins through the invite and finds the vote behind "☰ Menü".
	const invite = await createInvite(page.request, planId, { role: 'reviewer' });
	const phoneContext = await browser.newContext({
		storageState: NO_SESSION,
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	const phone = await phoneContext.newPage();
	await phone.goto(`/einladung/${invite.token}`);
	await phone.locator('html[data-hydrated]').waitFor();
	await phone.getByLabel('Ihr Name').fill('Gast am Handy');
	await phone.getByTestId('guest-join').click();
	await expect(phone).toHaveURL(new RegExp(`/plans/${planId}$`));
	await phone.getByTestId('board-menu-toggle').click();
	await phone.getByTestId('plan-votes').click();
	await expect(phone).toHaveURL(new RegExp(`/plans/${planId}/abstimmungen$`));
	await phone.locator('html[data-hydrated]').waitFor();
	const items = phone.getByTestId('vote-item');
	await expect(items).toHaveCount(measures.length);
	await expect(phone.getByTestId('vote-left')).toContainText('Noch 3 Punkte von 3 übrig');

	// Keyboard only: Enter/Space on the buttons, Tab between them; the focus stays put.
	const plus1 = items.nth(0).getByTestId('vote-plus');
	await plus1.focus();
	await phone.keyboard.press('Enter');
	await expect(items.nth(0).getByTestId('vote-count')).toContainText('1');
	await expect(status(phone)).toContainText(
		`1 Punkt auf „${measures[0].title}“. Noch 2 Punkte übrig.`
	);
	await phone.keyboard.press('Space');
	await expect(items.nth(0).getByTestId('vote-count')).toContainText('2');
	await expect(plus1).toBeFocused();
	// A third dot on the same measure is over the per-item limit: said, not sent.
	await phone.keyboard.press('Enter');
	await expect(alert(phone)).toContainText('höchstens 2 Punkte');
	await expect(items.nth(0).getByTestId('vote-count')).toContainText('2');
	// Tab: − of the next measure, then its +.
	await phone.keyboard.press('Tab');
	await expect(items.nth(1).getByTestId('vote-minus')).toBeFocused();
	await phone.keyboard.press('Tab');
	await expect(items.nth(1).getByTestId('vote-plus')).toBeFocused();
	await phone.keyboard.press('Enter');
	await expect(phone.getByTestId('vote-left')).toContainText('Alle 3 Punkte vergeben');
	await phone.keyboard.press('Enter');
	await expect(alert(phone)).toContainText('Sie haben alle Punkte vergeben');
	// Take one back with − and give it again.
	await phone.keyboard.press('Shift+Tab');
	await expect(items.nth(1).getByTestId('vote-minus')).toBeFocused();
	await phone.keyboard.press('Enter');
	await expect(phone.getByTestId('vote-left')).toContainText('Noch 1 Punkt von 3 übrig');
	await phone.keyboard.press('Tab');
	await phone.keyboard.press('Enter');
	await expect(phone.getByTestId('vote-left')).toContainText('Alle 3 Punkte vergeben');

	await expectNoSeriousViolations(phone, 'the vote on a phone');
	const overflow = await phone.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(1);
	await phone.screenshot({ path: `${SHOTS}/abstimmung-390.png`, fullPage: true });

	// The facilitator sees the participation live (socket.io), adds a hand count and ends it.
	await expect(page.getByTestId('vote-participation')).toContainText(
		'1 Person hat abgestimmt (3 Punkte)'
	);
	await page.getByTestId('vote-hand-item').selectOption(measures[measures.length - 1].id);
	await page.getByTestId('vote-hand-count').fill('4');
	await page.getByTestId('vote-hand-save').click();
	await expect(page.getByTestId('vote-participation')).toContainText(
		'dazu 4 Punkte im Raum gezählt'
	);
	page.once('dialog', (d) => void d.accept());
	await page.getByTestId('vote-close').click();
	await expect(page.getByTestId('vote-state')).toContainText('beendet');
	const rows = page.getByTestId('vote-result-row');
	await expect(rows).toHaveCount(measures.length);
	await expect(rows.nth(0)).toContainText(measures[measures.length - 1].title);
	await expect(rows.nth(0)).toContainText('4');
	await expect(rows.nth(1)).toContainText(measures[0].title);

	// The phone gets the result live and can no longer vote.
	await expect(phone.getByTestId('vote-results-table')).toBeVisible();
	await expect(phone.getByTestId('vote-ballot')).toHaveCount(0);
	await phone.getByTestId('vote-results').scrollIntoViewIfNeeded();
	// At 390 px the whole result table fits: no sideways scrolling inside its wrapper, and the
	// "Gesamt" column (header and every cell) lies inside the viewport.
	const fit = await phone.getByTestId('vote-results-table').evaluate((table) => {
		const wrap = table.parentElement!;
		const right = Math.max(
			...[...table.querySelectorAll('th:last-child, td:last-child')].map(
				(c) => c.getBoundingClientRect().right
			)
		);
		return {
			scroll: wrap.scrollWidth - wrap.clientWidth,
			right,
			viewport: window.innerWidth
		};
	});
	expect(fit.scroll).toBeLessThanOrEqual(1);
	expect(fit.right).toBeLessThanOrEqual(fit.viewport);
	await phone.screenshot({ path: `${SHOTS}/abstimmung-390-ergebnis.png`, fullPage: true });

	// Write back: the proposal (top third "hoch") is confirmed.
	const first = page.getByTestId('vote-apply-priority').first();
	await expect(first).toHaveValue('hoch');
	await expectNoSeriousViolations(page, 'the closed vote with results');
	await page.screenshot({ path: `${SHOTS}/abstimmung-1280.png`, fullPage: true });
	await page.getByTestId('vote-apply-submit').click();
	await expect(page.getByTestId('vote-applied')).toContainText(
		`„${measures[measures.length - 1].title}“ → Priorität hoch`
	);
	const after = (await (await page.request.get(`/api/plans/${planId}`)).json()) as PlanJson;
	const top = after.fields
		.flatMap((f) => f.goals.flatMap((g) => g.measures))
		.find((m) => m.id === measures[measures.length - 1].id);
	expect(top?.priority).toBe('hoch');
	await expect
		.poll(async () => {
			const res = await page.request.get(
				`/api/plans/${planId}/history?itemId=${measures[measures.length - 1].id}`
			);
			const entries = (await res.json()) as HistoryEntry[];
			return entries.find((e) => e.note)?.note ?? '';
		})
		.toContain('aus der Abstimmung „Was packen wir zuerst an?“');

	await phoneContext.close();
});
