/**
 * The public progress page in the browser (issue 14, item 6): the owner adopts a plan, records a
 * status, a Sachstand and an indicator value, marks one measure "nicht öffentlich" in its
 * Umsetzung panel and publishes on the dashboard. A fresh browser without a session — first with
 * JavaScript switched off — opens the link: status, note, chart (SVG) and its table are there,
 * the hidden measure is not. axe, keyboard, no request to another host, no sideways scrolling at
 * 390 px; screenshots. After "Zurückziehen" the link shows the German 404 page.
 */
import { expect, test, type Page } from '@playwright/test';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface PlanShape {
	fields: Array<{
		goals: Array<{ id: string; title: string; measures: Array<{ id: string; title: string }> }>;
	}>;
}

async function noSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(1);
}

test('Öffentliche Seite: veröffentlichen, ohne Anmeldung ansehen, zurückziehen', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Öffentlicher Umsetzungsstand', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;
	const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as PlanShape;
	const goal = plan.fields[0].goals[0];
	const [hidden, shown] = goal.measures;
	const api = `/api/plans/${planId}/umsetzung`;

	// Before the decision the card only explains; then the council decision (API)
	await page.goto(`/plans/${planId}/umsetzung`);
	await expect(page.getByTestId('public-page-card')).toContainText('Nach dem Beschluss');
	const adopted = await page.request.post(`${api}/beschluss`, {
		data: { date: isoIn(-5), body: 'Stadtrat', reference: 'Beschluss 2026/42' }
	});
	expect(adopted.status()).toBe(201);

	// Status, Sachstand and an indicator value for one measure (API, as the owner)
	const patched = await page.request.patch(`${api}/massnahmen/${shown.id}`, {
		data: {
			status: 'in_umsetzung',
			reason: 'Träger gefunden',
			percent: 60,
			office: 'Amt für Integration',
			contact: 'Herr Intern, 0123-98765'
		}
	});
	expect(patched.status()).toBe(200);
	const note = await page.request.post(`${api}/massnahmen/${shown.id}/sachstand`, {
		data: { date: isoIn(-1), text: 'Drei Kurse laufen, 45 Teilnehmende.' }
	});
	expect(note.status()).toBe(201);
	const ind = await page.request.post(`/api/plans/${planId}/indikatoren`, {
		data: {
			goalId: goal.id,
			name: 'Teilnehmende an Kursen',
			unit: 'Personen',
			baseline: { value: 20, date: '2025-01-01' },
			target: { value: 80, date: '2028-12-31' }
		}
	});
	expect(ind.status()).toBe(201);
	const indicatorId = ((await ind.json()) as { id: string }).id;
	expect(
		(
			await page.request.post(`/api/plans/${planId}/indikatoren/${indicatorId}/werte`, {
				data: { value: 45, date: isoIn(-2), source: 'Kursstatistik' }
			})
		).status()
	).toBe(201);

	// The other measure becomes "nicht öffentlich" in its Umsetzung panel (UI)
	await page.goto(`/plans/${planId}`);
	const card = page.getByTestId('measure-card').filter({ hasText: hidden.title }).first();
	await card.locator('.card-open').click();
	const panel = page.getByTestId('impl-panel');
	const toggle = panel.getByTestId('impl-public-toggle').getByRole('checkbox');
	await expect(toggle).toBeChecked();
	await toggle.uncheck();
	await panel.getByTestId('impl-data-form').getByRole('button', { name: 'Speichern' }).click();
	await expect(panel.getByTestId('impl-not-public')).toHaveText('nicht öffentlich');
	await panel.getByTestId('impl-public-toggle').scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SHOTS}/um-public-toggle-1280.png` });

	// Publish on the dashboard
	await page.goto(`/plans/${planId}/umsetzung`);
	await expect(
		page.getByTestId('measure-row').filter({ hasText: hidden.title }).getByTestId('row-not-public')
	).toHaveText('nicht öffentlich');
	const cardUi = page.getByTestId('public-page-card');
	await cardUi.getByTestId('public-publish').click();
	const link = cardUi.getByTestId('public-link');
	await expect(link).toHaveValue(new RegExp(`^${baseURL}/umsetzung/[A-Za-z0-9_-]{32}$`));
	const url = await link.inputValue();
	await expectNoSeriousViolations(page, 'the Umsetzung page with the public card');
	await cardUi.screenshot({ path: `${SHOTS}/um-public-card-1280.png` });
	await page.setViewportSize({ width: 390, height: 844 });
	await noSidewaysScroll(page);
	await cardUi.screenshot({ path: `${SHOTS}/um-public-card-390.png` });

	// A visitor without a session and without JavaScript
	const noJs = await browser.newContext({
		storageState: { cookies: [], origins: [] },
		javaScriptEnabled: false
	});
	const visitor = await noJs.newPage();
	const res = await visitor.goto(url);
	expect(res?.status()).toBe(200);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
		'Öffentlicher Umsetzungsstand'
	);
	const measure = visitor.getByTestId('public-measure').filter({ hasText: shown.title });
	await expect(measure).toContainText('in Umsetzung');
	await expect(measure).toContainText('60 %');
	await expect(measure).toContainText('Amt für Integration');
	await expect(measure.getByTestId('public-note')).toContainText(
		'Drei Kurse laufen, 45 Teilnehmende.'
	);
	const indicator = visitor.getByTestId('public-indicator');
	await expect(indicator.locator('svg[role="img"]')).toHaveAccessibleName(
		/Verlauf: Teilnehmende an Kursen/
	);
	await expect(indicator.getByTestId('indicator-line')).toHaveAttribute('d', /^M.+L/);
	await expect(indicator.getByTestId('indicator-table').locator('tbody tr')).toHaveText([
		/01\.01\.2025\s*20 Personen\s*Ausgangswert/,
		/45 Personen\s*Kursstatistik/,
		/31\.12\.2028\s*80 Personen\s*Zielwert/
	]);
	const html = await visitor.content();
	expect(html).not.toContain(hidden.title);
	expect(html).not.toContain('Herr Intern');
	expect(html).not.toContain('Träger gefunden');
	await expect(visitor.getByRole('link', { name: 'Impressum' })).toBeVisible();
	await expect(visitor.getByRole('link', { name: 'Anmelden' })).toHaveCount(0);
	// the language switch needs JavaScript: not offered on this German-only page
	await expect(visitor.getByTestId('language-switch')).toHaveCount(0);
	await noJs.close();

	// The same page with JavaScript: axe, keyboard, only this server, phone width
	const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
	const reader = await fresh.newPage();
	const hosts = new Set<string>();
	reader.on('request', (r) => hosts.add(new URL(r.url()).host));
	await reader.goto(url);
	await expect(reader.getByTestId('public-progress')).toBeVisible();
	await expectNoSeriousViolations(reader, 'the public progress page');
	expect([...hosts]).toEqual([new URL(baseURL!).host]);
	await reader.screenshot({ path: `${SHOTS}/um-public-1280.png` });
	await reader.getByTestId('public-indicator').first().scrollIntoViewIfNeeded();
	await reader.screenshot({ path: `${SHOTS}/um-public-1280-chart.png` });
	// keyboard: skip link first, then on to a measure's "Beschreibung" and the legal links
	await reader.keyboard.press('Tab');
	await expect(reader.locator(':focus')).toHaveText('Zum Inhalt springen');
	const summary = reader.locator('summary').first();
	if (await summary.count()) {
		await summary.focus();
		await reader.keyboard.press('Enter');
		await expect(reader.locator('details').first()).toHaveAttribute('open', '');
	}
	await reader.getByRole('link', { name: 'Barrierefreiheit' }).focus();
	await expect(reader.locator(':focus')).toHaveText('Barrierefreiheit');
	await reader.setViewportSize({ width: 390, height: 844 });
	await reader.goto(url);
	await reader.evaluate(() => window.scrollTo(0, 0));
	await noSidewaysScroll(reader);
	await reader.screenshot({ path: `${SHOTS}/um-public-390.png`, fullPage: false });
	await reader.getByTestId('public-indicator').first().scrollIntoViewIfNeeded();
	await reader.screenshot({ path: `${SHOTS}/um-public-390-chart.png` });

	// Several measures at once "nicht öffentlich" on the dashboard: gone from the page
	await page.setViewportSize({ width: 1280, height: 720 });
	await page
		.getByTestId('measure-row')
		.filter({ hasText: shown.title })
		.getByRole('checkbox')
		.check();
	await page.getByTestId('bulk-not-public').click();
	await expect(page.getByTestId('umsetzung-notice')).toHaveText('1 Maßnahme nicht öffentlich.');
	await reader.goto(url);
	await expect(reader.getByTestId('public-progress')).toBeVisible();
	expect(await reader.content()).not.toContain(shown.title);

	// Revoked: the link is a German 404, the measure title nowhere
	page.once('dialog', (d) => void d.accept());
	await cardUi.getByTestId('public-revoke').click();
	await expect(cardUi.getByTestId('public-state')).toContainText('Nicht veröffentlicht');
	const gone = await reader.goto(url);
	expect(gone?.status()).toBe(404);
	await expect(reader.getByTestId('public-error')).toContainText(
		'Diese öffentliche Seite gibt es nicht (mehr)'
	);
	expect(await reader.content()).not.toContain(shown.title);
	await expectNoSeriousViolations(reader, 'the public 404 page');
	await reader.screenshot({ path: `${SHOTS}/um-public-404-390.png` });
	await fresh.close();
});
