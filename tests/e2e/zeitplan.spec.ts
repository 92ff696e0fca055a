/**
 * Zeitplan in the browser (issue 16): the owner applies the default schedule, adds a milestone
 * (a missing date is refused with a German message), sees it as "Nächster Termin" on the board,
 * subscribes to the calendar feed and the feed parses with ical.js; revoking ends it. axe on the
 * page; screenshots at 1280 and 390 px.
 */
import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.`;

test('Zeitplan: Standard übernehmen, Termin anlegen, nächster Termin, Kalender-Abo', async ({
	page
}) => {
	test.setTimeout(120_000);
	const created = await page.request.post('/api/plans', {
		data: { title: 'Zeitplan im Browser', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;

	// From the board toolbar to the Zeitplan page; the empty state offers the default
	await page.goto(`/plans/${planId}`);
	await page.getByTestId('plan-schedule').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/zeitplan$`));
	await expect(page.getByRole('heading', { level: 1, name: /Zeitplan/ })).toBeVisible();
	await expect(page.getByTestId('zeitplan-empty')).toBeVisible();

	const kickOff = isoIn(40);
	await page.getByTestId('default-start').fill(kickOff);
	await page.getByTestId('default-apply').click();
	await expect(page.getByTestId('zeitplan-notice')).toContainText('Standard-Zeitplan übernommen');
	await expect(page.getByTestId('zeitplan-empty')).toHaveCount(0);
	const rows = page.getByTestId('schedule-row');
	await expect(rows.filter({ hasText: 'Auftaktveranstaltung' })).toContainText(
		`${german(kickOff)}${kickOff.slice(0, 4)}`
	);
	await expect(rows.filter({ hasText: 'Ratsbeschluss' })).toHaveCount(1);
	await expect(page.getByTestId('timeline')).toBeVisible();

	// A milestone without a date is refused; with a date it is added
	await page.getByTestId('add-milestone').click();
	await page.getByTestId('entry-title').fill('Sondersitzung Wohnen');
	await page.getByTestId('entry-save').click();
	await expect(page.getByTestId('entry-error')).toHaveText('Bitte geben Sie ein Datum an.');
	const soon = isoIn(3);
	await page.getByTestId('entry-date').fill(soon);
	await page.getByTestId('entry-time').fill('18:00');
	await page.getByTestId('entry-place').fill('Rathaus, Saal 2');
	await page.getByTestId('entry-save').click();
	await expect(page.getByTestId('zeitplan-notice')).toContainText(
		'„Sondersitzung Wohnen“ hinzugefügt'
	);
	const row = rows.filter({ hasText: 'Sondersitzung Wohnen' });
	await expect(row).toContainText('18:00 Uhr');
	await expect(row).toContainText('Rathaus, Saal 2');

	// Change it inline (keyboard: Escape closes the form), delete a phase of the default
	await row.getByTestId('entry-edit').click();
	await expect(page.getByTestId('entry-title')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('entry-form')).toHaveCount(0);
	await row.getByTestId('entry-edit').click();
	await page.getByTestId('entry-place').fill('Bürgerhaus');
	await page.getByTestId('entry-save').click();
	await expect(page.getByTestId('zeitplan-notice')).toContainText('geändert');
	await expect(row).toContainText('Ort: Bürgerhaus');
	const writing = rows.filter({ hasText: 'Zwischenbericht schreiben' });
	page.once('dialog', (d) => void d.accept());
	await writing.getByTestId('entry-delete').click();
	await expect(writing).toHaveCount(0);
	await expect(page.getByTestId('zeitplan-notice')).toContainText('gelöscht');

	await expectNoSeriousViolations(page, 'the Zeitplan page');
	await page.screenshot({ path: `${SHOTS}/zeitplan-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(page.getByTestId('schedule-table')).toBeVisible();
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(1);
	await page.screenshot({ path: `${SHOTS}/zeitplan-390.png`, fullPage: true });
	// the table fits the phone width (no sideways scrolling inside it either)
	const tableOverflow = await page
		.getByTestId('schedule-table')
		.evaluate((t) => t.scrollWidth - (t.parentElement?.clientWidth ?? 0));
	expect(tableOverflow).toBeLessThanOrEqual(1);
	await page.getByTestId('schedule-table').scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SHOTS}/zeitplan-390-table.png` });
	await page.setViewportSize({ width: 1280, height: 720 });

	// The board shows the next date
	await page.goto(`/plans/${planId}`);
	await expect(page.getByTestId('next-date')).toHaveText(
		`Nächster Termin: Sondersitzung Wohnen, ${soon.slice(0, 4) === isoIn(0).slice(0, 4) ? german(soon) : `${german(soon)}${soon.slice(0, 4)}`}, 18:00 Uhr`
	);

	// Subscribe to the calendar and parse the feed
	await page.getByTestId('next-date').getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/zeitplan$`));
	await page.getByTestId('feed-create').click();
	const url = await page.getByTestId('feed-url').inputValue();
	expect(url).toMatch(/\/api\/kalender\/[A-Za-z0-9_-]+\.ics$/);
	const feed = await page.request.get(url);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toContain('text/calendar');
	const events = new ICAL.Component(ICAL.parse(await feed.text()))
		.getAllSubcomponents('vevent')
		.map((v) => new ICAL.Event(v));
	const special = events.find((e) => e.summary === 'Sondersitzung Wohnen');
	expect(special?.location).toBe('Bürgerhaus');
	expect(events.some((e) => e.summary === 'Auftaktveranstaltung')).toBe(true);

	await page.getByTestId('feed-revoke').click();
	await expect(page.getByTestId('feed-notice')).toContainText('widerrufen');
	expect((await page.request.get(url)).status()).toBe(410);
});
