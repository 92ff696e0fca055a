/**
 * A whole short session in the browser (issue 13): the facilitator (1280 px), a remote
 * participant on a phone (390 px) and the projector (1920×1080) as three contexts. Through the
 * UI: start, ideas typed on the phone (live on the projector), a cluster, one idea taken over as
 * a Maßnahme, a dot vote of the session (shown on the projector) given with the keyboard only,
 * the priorities written back, a decision recorded, the session ended, the Sitzungsprotokoll PDF
 * downloaded and read back with pdfjs. The plan and the session itself are set up by API. axe on
 * every page of the flow.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { PlanJson } from '../../src/lib/domain/types';
import { readPdf } from '../../src/lib/export/pdf-reader';
import { ADMIN_STATE, NO_SESSION, addMember, createUser, login } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const SESSION_TITLE = 'AG Mobilität – kurze Sitzung';
const IDEAS = ['Tempo 30 vor der Grundschule', 'Lotsen am Zebrastreifen', 'Radbügel am Bahnhof'];
const VOTE_TITLE = 'Was packen wir zuerst an?';
const DECISION = 'Die Radbügel kommen in den Haushalt 2028.';

test('Ganze Sitzung: Ideen, Gruppe, Maßnahme, Abstimmung per Tastatur, Prioritäten, Beschluss, Protokoll-PDF', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const admin = page.request;
	const created = await admin.post('/api/plans', {
		data: { title: 'Ganze Sitzung', example: true }
	});
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;
	const plan = (await (await admin.get(`/api/plans/${planId}`)).json()) as PlanJson;
	const field = plan.fields.find((f) => f.goals.some((g) => g.measures.length >= 1))!;
	const goal = field.goals[0];
	const session = await admin.post(`/api/plans/${planId}/sitzungen`, {
		data: {
			title: SESSION_TITLE,
			date: '2027-03-12',
			time: '18:00',
			agenda: [
				{ title: 'Ideen sammeln', minutes: 10 },
				{ title: 'Priorisierung', minutes: 10 }
			]
		}
	});
	expect(session.status()).toBe(201);
	const sessionId = ((await session.json()) as { id: string }).id;
	const sessionUrl = `/plans/${planId}/sitzungen/${sessionId}`;
	const rita = await createUser(admin, 'Rita Remote');
	await addMember(admin, planId, rita.email, 'reviewer');

	// Three contexts: facilitator, phone, projector.
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(sessionUrl);
	const phoneContext = await browser.newContext({
		storageState: NO_SESSION,
		viewport: { width: 390, height: 844 }
	});
	await login(phoneContext.request, rita.email, rita.password);
	const phone = await phoneContext.newPage();
	const beamerContext = await browser.newContext({
		storageState: ADMIN_STATE,
		viewport: { width: 1920, height: 1080 }
	});
	const beamer = await beamerContext.newPage();
	await beamer.goto(`${sessionUrl}/beamer`);
	await expect(beamer.getByTestId('beamer-step')).toHaveText('Gleich geht es los');

	// Start: the projector follows.
	await page.getByTestId('start').click();
	await expect(page.getByTestId('current-step')).toHaveText('Ideen sammeln');
	await expect(beamer.getByTestId('beamer-step')).toHaveText('Ideen sammeln');

	// Ideas from the phone (typed, Enter), live on the projector.
	await phone.goto(sessionUrl);
	await expect(phone.getByTestId('current-step')).toHaveText('Ideen sammeln');
	const ideaField = phone.getByLabel('Ihre Idee');
	for (const [i, text] of IDEAS.entries()) {
		await ideaField.fill(text);
		await ideaField.press('Enter');
		await expect(phone.getByTestId('idea-card')).toHaveCount(i + 1);
	}
	await expect(beamer.getByTestId('beamer-ideas')).toContainText('3 Ideen');
	await expect(beamer.getByTestId('beamer-ideas')).toContainText(IDEAS[2]);
	await expectNoSeriousViolations(phone, 'Sitzung am Handy (390 px)');
	await expectNoSeriousViolations(beamer, 'Beamer mit Ideen');

	// The facilitator groups two ideas and takes the third over as a Maßnahme.
	await expect(page.getByTestId('idea-card')).toHaveCount(3);
	await page.getByTestId('cluster-title').fill('Sicher zur Schule');
	await page.getByTestId('cluster-add').click();
	await expect(page.getByTestId('idea-cluster-box')).toHaveCount(1);
	for (const text of IDEAS.slice(0, 2)) {
		const card = page.getByTestId('idea-card').filter({ hasText: text });
		await card.getByText('Moderieren').click();
		await card.getByTestId('idea-cluster').selectOption({ label: 'Sicher zur Schule' });
		await expect(
			page.getByTestId('idea-cluster-box').getByTestId('idea-card').filter({ hasText: text })
		).toBeVisible();
	}
	await expect(phone.getByTestId('idea-cluster-box').getByTestId('idea-card')).toHaveCount(2);
	const racks = page.getByTestId('idea-card').filter({ hasText: IDEAS[2] });
	await racks.getByText('Moderieren').click();
	await racks.getByTestId('convert-type').selectOption('measure');
	await racks.getByTestId('convert-parent').selectOption(goal.id);
	await racks.getByRole('button', { name: 'Als Maßnahme übernehmen' }).click();
	await expect(racks.getByTestId('idea-outcome')).toContainText(`Maßnahme „${IDEAS[2]}“`);
	await expectNoSeriousViolations(page, 'Sitzung der Moderation mit Ideen');

	// Next step; the facilitator opens a vote of this session over the field's measures.
	await page.getByTestId('next-step').click();
	await expect(page.getByTestId('current-step')).toHaveText('Priorisierung');
	await expect(beamer.getByTestId('beamer-step')).toHaveText('Priorisierung');
	await page.getByTestId('open-votes').click();
	await expect(page).toHaveURL(new RegExp(`/plans/${planId}/abstimmungen$`));
	await page.getByTestId('vote-new').click();
	await expect(page.getByTestId('vote-session')).toHaveValue(sessionId);
	await page.getByTestId('vote-title').fill(VOTE_TITLE);
	await page
		.getByTestId('vote-group')
		.filter({ hasText: field.title })
		.getByRole('button', { name: /Alle aus/ })
		.click();
	await page.getByTestId('vote-open-submit').click();
	await expect(
		page.getByTestId('vote-panel').getByRole('heading', { name: VOTE_TITLE })
	).toBeVisible();
	await expect(beamer.getByTestId('beamer-vote')).toContainText(VOTE_TITLE);
	await expect(beamer.getByTestId('beamer-vote-state')).toContainText(
		'0 Personen haben abgestimmt'
	);

	// The phone finds it from the session page and votes with the keyboard only.
	await phone.getByTestId('open-votes').click();
	await expect(phone).toHaveURL(new RegExp(`/plans/${planId}/abstimmungen$`));
	await phone.locator('html[data-hydrated]').waitFor();
	const item = phone.getByTestId('vote-item').filter({ hasText: IDEAS[2] });
	const plus = item.getByTestId('vote-plus');
	await plus.focus();
	await phone.keyboard.press('Enter');
	await expect(item.getByTestId('vote-count')).toContainText('1');
	await phone.keyboard.press('Space');
	await expect(item.getByTestId('vote-count')).toContainText('2');
	await expect(plus).toBeFocused();
	await phone.keyboard.press('Enter');
	await expect(phone.getByTestId('vote-left')).toContainText('Alle 3 Punkte vergeben');
	await expectNoSeriousViolations(phone, 'Abstimmung am Handy');
	await expect(beamer.getByTestId('beamer-vote-state')).toContainText('1 Person hat abgestimmt');
	await expect(page.getByTestId('vote-participation')).toContainText(
		'1 Person hat abgestimmt (3 Punkte)'
	);

	// End the vote: the result on the projector; write the priorities back.
	page.once('dialog', (d) => void d.accept());
	await page.getByTestId('vote-close').click();
	await expect(page.getByTestId('vote-state')).toContainText('beendet');
	await expect(beamer.getByTestId('beamer-vote-results')).toContainText(IDEAS[2]);
	await expectNoSeriousViolations(beamer, 'Beamer mit Abstimmung');
	await beamer.screenshot({ path: `${SHOTS}/meet-finish-beamer-1920.png` });
	await beamer.setViewportSize({ width: 1280, height: 720 });
	await expect(beamer.getByTestId('beamer-vote-results')).toBeInViewport();
	await beamer.screenshot({ path: `${SHOTS}/meet-finish-beamer-1280.png` });
	await expect(page.getByTestId('vote-apply-priority').first()).toHaveValue('hoch');
	await page.getByTestId('vote-apply-submit').click();
	await expect(page.getByTestId('vote-applied')).toContainText(`„${IDEAS[2]}“ → Priorität hoch`);
	const after = (await (await admin.get(`/api/plans/${planId}`)).json()) as PlanJson;
	const taken = after.fields
		.flatMap((f) => f.goals.flatMap((g) => g.measures))
		.find((x) => x.title === IDEAS[2]);
	expect(taken?.priority).toBe('hoch');

	// Back in the session: a decision about the new measure, then the end.
	await page.goto(sessionUrl);
	const minutes = page.getByTestId('minutes');
	await minutes.getByRole('radio', { name: 'Beschluss' }).check();
	await page.getByTestId('minutes-text').fill(DECISION);
	await page.getByTestId('minutes-item').selectOption(taken!.id);
	await page.getByTestId('minutes-save').click();
	await expect(page.getByTestId('minutes-decision')).toContainText(DECISION);
	await expect(phone.getByTestId('vote-results-table')).toBeVisible();
	await phone.goto(sessionUrl);
	await expect(phone.getByTestId('minutes-decision')).toContainText(DECISION);
	await page.screenshot({ path: `${SHOTS}/meet-finish-sitzung-1280.png`, fullPage: true });
	await phone.screenshot({ path: `${SHOTS}/meet-finish-sitzung-390.png`, fullPage: true });
	page.once('dialog', (d) => void d.accept());
	await page.getByTestId('end').click();
	await expect(page.getByTestId('minutes-phase')).toContainText('Kommentierung');
	await expect(beamer.getByTestId('beamer-step')).toHaveText('Sitzung beendet – danke!');

	// The Sitzungsprotokoll: page and PDF.
	await page.getByTestId('open-protocol').click();
	await expect(page).toHaveURL(new RegExp(`${sessionUrl}/protokoll$`));
	await expect(page.getByTestId('protocol-decisions')).toContainText(DECISION);
	await expectNoSeriousViolations(page, 'Sitzungsprotokoll');
	const download = page.waitForEvent('download');
	await page.getByTestId('protocol-pdf').click();
	const file = await download;
	const pdf = await readPdf(new Uint8Array(readFileSync((await file.path())!)));
	const text = pdf.pages.map((p) => p.replace(/\s+/g, ' ')).join(' ');
	for (const needle of [
		'SITZUNGSPROTOKOLL',
		SESSION_TITLE,
		'Rita Remote',
		'Ideen sammeln',
		'Priorisierung',
		VOTE_TITLE,
		IDEAS[2],
		DECISION
	])
		expect(text, needle).toContain(needle);

	await phoneContext.close();
	await beamerContext.close();
});
