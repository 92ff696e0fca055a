/**
 * The meeting part in English (issue 15): a signed-in person switches the interface to English
 * and runs through the sessions list, a session (start, an idea, a decision), the projector view,
 * the protocol page and the votes page (open a vote, give a dot). English headings and buttons,
 * `html[lang=en]`, no German left in the main texts checked, axe, and screenshots at 1280 and
 * 390 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { createUser, login, NO_SESSION } from './support/auth';
import { expectNoSeriousViolations, SHOTS } from './support/axe';

/** Full-page screenshots at 1280 and 390 px, from the top; at 390 nothing overflows sideways. */
async function shots(page: Page, name: string) {
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: `${SHOTS}/i18n-meet-${name}-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `${name}: no sideways scrolling at 390 px`).toBeLessThanOrEqual(0);
	await page.screenshot({ path: `${SHOTS}/i18n-meet-${name}-390.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
}

test('sessions, projector, protocol and votes speak English', async ({ browser, request }) => {
	test.setTimeout(180_000);
	const user = await createUser(request, 'Meeting English Person');
	const context = await browser.newContext({ storageState: NO_SESSION });
	await login(context.request, user.email, user.password);
	const page = await context.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/');
	await page.getByLabel('Sprache der Oberfläche').selectOption('en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	const created = await context.request.post('/api/plans', {
		data: { title: 'Integration strategy 2030', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;

	// Sessions list with the form for a new one
	await page.goto(`/plans/${planId}/sitzungen`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: /Meetings/ })).toBeVisible();
	await expect(page.getByTestId('sessions-empty')).toHaveText('No meetings planned yet.');
	await page.getByTestId('session-new').click();
	await expect(page.getByRole('heading', { name: 'New meeting' })).toBeVisible();
	await expect(page.getByLabel('Room (optional)')).toBeVisible();
	await expect(page.getByLabel('Step 1', { exact: true })).toHaveValue('Welcome');
	await page.getByTestId('session-title').fill('Working group education');
	await page.getByTestId('session-date').fill('2027-03-12');
	await page.getByLabel('Start (optional)').fill('18:00');
	await expectNoSeriousViolations(page, 'sessions list (English)');
	await shots(page, 'sessions');
	await page.getByTestId('session-create').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/sitzungen/sitzung-`));
	const sessionUrl = new URL(page.url()).pathname;

	// The session: start it, add an idea and a decision
	await expect(page.getByRole('heading', { level: 2, name: 'Not started yet' })).toBeVisible();
	await expect(page.getByText('12/03/2027, 18:00')).toBeVisible();
	await page.getByRole('button', { name: 'Start meeting' }).click();
	await expect(page.getByTestId('current-step')).toHaveText('Welcome');
	await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Idea collection' })).toBeVisible();
	await page.getByLabel('Your idea').fill('A language café in the library');
	await page.getByRole('button', { name: 'Add idea' }).click();
	await expect(page.getByTestId('idea-count')).toHaveText('1 idea');
	const minutes = page.getByTestId('minutes');
	await expect(
		minutes.getByRole('heading', { name: 'Minutes: decisions, tasks, open questions' })
	).toBeVisible();
	await minutes.getByRole('radio', { name: 'Decision' }).check();
	await page.getByTestId('minutes-text').fill('The café starts in May.');
	await page.getByTestId('minutes-save').click();
	await expect(minutes.getByRole('heading', { name: 'Decisions', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Requests to speak' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Attendance' })).toBeVisible();
	await expect(page.getByTestId('live')).not.toContainText(/Sitzung|Wortmeldung|Jetzt/);
	await expectNoSeriousViolations(page, 'session page (English)');
	await shots(page, 'session');

	// Projector view
	await page.goto(`${sessionUrl}/beamer`);
	await expect(page.getByTestId('beamer-join')).toContainText('Join in: scan the QR code');
	await expect(page.getByText('Step 1 of 5')).toBeVisible();
	await expect(page.getByTestId('beamer-ideas')).toContainText('1 idea');
	await expectNoSeriousViolations(page, 'projector view (English)');
	await shots(page, 'beamer');

	// Protocol page (draft)
	await page.goto(`${sessionUrl}/protokoll`);
	await expect(page.getByRole('link', { name: 'Download PDF' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
	await expect(page.getByTestId('protocol-phase')).toHaveText(
		'Status: Draft (meeting running or planned)'
	);
	await expect(page.getByRole('heading', { name: '1 Meeting' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Decisions$/ })).toBeVisible();
	await expect(page.getByTestId('protocol-decisions')).toContainText('The café starts in May.');
	// The protocol's own wording (built by the server in the interface language)
	const protocol = page.getByTestId('protocol');
	await expect(protocol).toContainText('Friday');
	await expect(protocol).toContainText('12 March 2027');
	await expect(protocol).toContainText('–running');
	await expect(protocol).toContainText('–now');
	await expect(protocol).toContainText('40 min');
	await expect(protocol).toContainText('not covered');
	await expect(protocol).toContainText('not taken over');
	await expect(protocol).not.toContainText(
		/Uhr|Min\.|nicht behandelt|übernommen|läuft|jetzt|Freitag|März|Prozesssteuerung/
	);
	await expectNoSeriousViolations(page, 'protocol page (English)');
	await shots(page, 'protocol');

	// Votes: open one over the measures of a field and give a dot
	await page.goto(`/plans/${planId}/abstimmungen`);
	await expect(page.getByRole('heading', { level: 1, name: /Votes/ })).toBeVisible();
	await expect(page.getByTestId('votes-none')).toHaveText(
		'No vote yet. Start one with “New vote”.'
	);
	await page.getByTestId('vote-new').click();
	await expect(page.getByRole('heading', { name: 'New vote' })).toBeVisible();
	await expect(page.getByTestId('vote-title')).toHaveValue('Prioritising the measures');
	await page.getByRole('button', { name: 'Select all' }).first().click();
	await expect(page.getByTestId('vote-open-submit')).toContainText(/Start vote \(\d+ selected\)/);
	await expectNoSeriousViolations(page, 'votes page with the form (English)');
	await shots(page, 'votes-form');
	await page.getByTestId('vote-open-submit').click();
	await expect(page.getByRole('heading', { name: 'Your dots' })).toBeVisible();
	await page.getByTestId('vote-plus').first().click();
	await expect(page.getByTestId('vote-left')).toContainText('2 dots');
	await expect(page.getByTestId('vote-participation')).toContainText('1 person has voted');
	await expect(page.getByRole('button', { name: 'End vote' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Hand count from the room' })).toBeVisible();
	await expectNoSeriousViolations(page, 'votes page with a running vote (English)');
	await shots(page, 'votes');
	await context.close();
});
