/**
 * Review and participation in English (issue 15, item 1): a signed-in owner with the English
 * interface opens the Prüfung page with a review request and an administrative check, "My review
 * tasks" (/pruefen), a discussion thread in the board's detail panel, and the Beteiligung page
 * with a feedback round and its triage inbox. Headings and buttons in English, `html[lang=en]`,
 * axe, screenshots at 1280 and 390 px (no horizontal overflow at 390 px).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { addField, addGoal, addMeasure, detail, openNewPlan } from './support/board';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

function inDays(days: number): string {
	const d = new Date(Date.now() + days * 86_400_000);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Full-page screenshots at 1280 and 390 px; at 390 px nothing may stick out sideways. */
async function shots(page: Page, name: string) {
	mkdirSync(SHOTS, { recursive: true });
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: `${SHOTS}/language-review-${name}-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `${name}: horizontal overflow at 390 px`).toBeLessThanOrEqual(0);
	await page.screenshot({ path: `${SHOTS}/language-review-${name}-390.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
}

/** No German words of this area left on the page (titles typed in German are excluded). */
async function expectNoGerman(page: Page, words: RegExp) {
	await expect(page.locator('main').getByText(words)).toHaveCount(0);
}

test('review and participation pages speak English', async ({ page, context }) => {
	test.setTimeout(120_000);
	// plan, field, goal and measure through the (German) board, then English
	const planId = await openNewPlan(page, 'Integrationsplan Englisch');
	await addField(page, 'Sprache und Bildung');
	await addGoal(page, 'Sprache und Bildung', 'Sprachförderung ausbauen');
	await addMeasure(page, 'Sprachförderung ausbauen', 'Sprachcafé im Stadtteilzentrum');

	const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as {
		fields: Array<{ id: string; goals: Array<{ id: string; measures: Array<{ id: string }> }> }>;
	};
	const field = plan.fields[0];
	const goalId = field.goals[0].id;
	const measureId = field.goals[0].measures[0].id;
	const me = (await (await page.request.get('/api/auth/me')).json()) as {
		principal: { id: string };
	};
	const myId = me.principal.id;

	// a review request (the owner reviews too), an office-only check, a thread on the goal
	const request = await page.request.post(`/api/plans/${planId}/review-requests`, {
		data: {
			scope: { kind: 'field', fieldId: field.id },
			reviewerIds: [myId],
			dueDate: inDays(3),
			message: 'Bitte bis Freitag'
		}
	});
	expect(request.status(), await request.text()).toBe(201);
	const check = await page.request.post(`/api/plans/${planId}/checks`, {
		data: {
			measureIds: [measureId],
			departmentUserId: '',
			office: 'Sozialamt',
			dueDate: inDays(5),
			note: ''
		}
	});
	expect(check.status(), await check.text()).toBe(201);
	const thread = await page.request.post(`/api/plans/${planId}/threads`, {
		data: { itemId: goalId, body: 'Ist das Ziel messbar genug?' }
	});
	expect(thread.status(), await thread.text()).toBe(201);

	// a feedback round with one contribution from a guest
	const hour = 60 * 60 * 1000;
	const round = await page.request.post(`/api/plans/${planId}/rounds`, {
		data: {
			title: 'Rückmeldung vor der AG-Sitzung',
			fieldIds: [],
			startsAt: new Date(Date.now() - hour).toISOString(),
			endsAt: new Date(Date.now() + 7 * 24 * hour).toISOString(),
			intro: ''
		}
	});
	expect(round.status(), await round.text()).toBe(201);
	const { token } = (await round.json()) as { token: string };
	const submission = await page.request.post(`/api/public/rounds/${token}/submissions`, {
		data: {
			kind: 'proposal_measure',
			targetId: goalId,
			title: 'Mehrsprachige Lotsinnen',
			text: 'Lotsinnen begleiten neu Zugezogene zu Ämtern.',
			name: '',
			consent: true
		}
	});
	expect(submission.status(), await submission.text()).toBe(201);

	// English from here on (the cookie the header switch sets)
	const { hostname } = new URL(page.url());
	await context.addCookies([{ name: 'mitplan_lang', value: 'en', domain: hostname, path: '/' }]);

	// --- Prüfung page ---
	await page.goto(`/plans/${planId}/pruefung`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: /Review & checks/ })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Request a review by the core group' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Request review' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Review requests' })).toBeVisible();
	const requestRow = page.getByTestId('request-row');
	await expect(requestRow).toContainText('Field of action “Sprache und Bildung”');
	await expect(requestRow).toContainText('0 of 2 votes');
	await expect(requestRow.getByRole('button', { name: /^Close/ })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Assign administrative check (phase D)' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Checks', exact: true })).toBeVisible();
	await expect(page.getByTestId('check-row')).toContainText('Measure “Sprachcafé');
	await expect(page.getByTestId('check-row')).toContainText('Pending');
	await page.getByTestId('check-assign-submit').click();
	await expect(page.getByText('Please choose at least one measure.')).toBeVisible();
	await expectNoGerman(page, /Prüfung|Fällig|Maßnahme |Umfang|Ausstehend|Entfernen|Voten/);
	await expectNoSeriousViolations(page, 'review page (English)');
	await shots(page, 'pruefung');

	// --- My review tasks ---
	await page.goto('/pruefen');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'My review tasks' })).toBeVisible();
	const entries = page.getByTestId('queue-entry');
	await expect(entries.filter({ hasText: 'Review ·' })).toContainText(
		'2 goals and measures still without your vote:'
	);
	await expect(entries.filter({ hasText: 'Administrative check' })).toContainText(
		'Please enter your check result:'
	);
	await expect(page.getByTestId('queue-item').first()).toContainText('Goal “Sprachförderung');
	await expectNoGerman(page, /Fällig|Prüfaufgaben|Votum|Verwaltungsprüfung/);
	await expectNoSeriousViolations(page, 'review tasks (English)');
	await shots(page, 'pruefen');

	// --- discussion thread and review in the detail panel ---
	await page.getByTestId('queue-item').first().click();
	await expect(detail(page)).toBeVisible();
	const comments = detail(page).getByTestId('item-comments');
	await expect(comments.getByRole('heading', { name: /Comments/ })).toBeVisible();
	await expect(comments.getByTestId('comment-body')).toHaveText('Ist das Ziel messbar genug?');
	await expect(comments.getByRole('button', { name: 'Reply' })).toBeVisible();
	await expect(comments.getByRole('button', { name: 'Resolve' })).toBeVisible();
	await comments.getByTestId('thread-reply').click();
	await comments.getByTestId('reply-input-send').click();
	await expect(comments.getByText('Please write a comment.')).toBeVisible();
	await expect(
		comments.getByText('Type @Name to mention members. Ctrl+Enter sends.')
	).toBeVisible();
	const reviewPart = detail(page).getByTestId('item-review');
	await expect(reviewPart.getByRole('heading', { name: 'Core group' })).toBeVisible();
	await expect(reviewPart.getByTestId('verdict-approve')).toHaveText('Approve');
	await expect(reviewPart.getByTestId('verdict-changes')).toHaveText('Request changes');
	await expect(reviewPart).toContainText('“Bitte bis Freitag”');
	await expectNoSeriousViolations(page, 'detail panel with thread (English)');
	await shots(page, 'thread');

	// --- Beteiligung with a round and the triage inbox ---
	await page.goto(`/plans/${planId}/beteiligung`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: /Feedback rounds/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'New feedback round' })).toBeVisible();
	const roundCard = page.getByTestId('round');
	await expect(roundCard.getByTestId('round-state')).toHaveText('Open');
	await expect(roundCard).toContainText('1 contribution, 1 undecided');
	await expect(roundCard.getByRole('button', { name: 'Copy link' })).toBeVisible();
	const triage = page.getByTestId('triage');
	await expect(
		triage.getByRole('heading', { name: 'Contributions: Rückmeldung vor der AG-Sitzung' })
	).toBeVisible();
	const sub = triage.getByTestId('submission');
	await expect(sub).toContainText('Proposal for a measure');
	await expect(sub.getByTestId('make-item')).toHaveText('Create');
	await expect(sub.getByTestId('decision-save')).toHaveText('Save decision');
	await expect(page.getByRole('heading', { name: 'Consideration table' })).toBeVisible();
	await expectNoGerman(page, /Beitr[aä]g|Runde|Entscheidung|Abwägung|Frist/);
	await page.getByTestId('round-new').click();
	await expect(page.getByRole('dialog', { name: 'New feedback round' })).toBeVisible();
	await page.getByTestId('round-submit').click();
	await expect(page.getByTestId('round-error')).toContainText('Please give the round a title.');
	await page.keyboard.press('Escape');
	await expectNoSeriousViolations(page, 'participation page (English)');
	await shots(page, 'beteiligung');
});
