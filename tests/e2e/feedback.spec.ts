/**
 * Beteiligungsrunden end to end: the owner opens a round, a guest without an account submits a
 * proposal through the public link, the owner turns it into a measure and decides, the
 * consideration table shows it and the exported PDF carries it as an appendix. Plus axe.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import type { PlanJson } from '../../src/lib/domain/types';
import { readPdf } from '../../src/lib/export/pdf-reader';
import { anonymous } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');

test('Beteiligung: Gast reicht ein, Prozesssteuerung übernimmt und entscheidet, Abwägungstabelle im PDF', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	mkdirSync(SHOTS, { recursive: true });
	const created = await page.request.post('/api/plans', {
		data: {
			title: 'Vielfaltsstrategie Beteiligungsstadt',
			municipality: 'Beteiligungsstadt',
			example: true
		}
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	const plan = (await (await page.request.get(`/api/plans/${id}`)).json()) as PlanJson;
	const [inside, outside] = plan.fields;
	const goal = inside.goals[0];

	// --- the owner opens a round for one field ---
	await page.goto(`/plans/${id}`);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await page.getByTestId('plan-feedback').click();
	await expect(page.getByRole('heading', { level: 1, name: /Beteiligungsrunden/ })).toBeVisible();
	await expect(page.getByTestId('rounds-empty')).toBeVisible();
	await page.getByTestId('round-new').click();
	const dialog = page.getByTestId('round-dialog');
	await dialog.getByLabel('Titel').fill('Rückmeldung vor der AG-Sitzung');
	await dialog.getByTestId('round-some').check();
	await dialog.getByRole('checkbox', { name: new RegExp(inside.title) }).check();
	await dialog.getByLabel('Einleitung').fill('Was fehlt? Schreiben Sie uns Ihre Ideen.');
	await dialog.getByTestId('round-submit').click();
	await expect(dialog).toBeHidden();
	const round = page.getByTestId('round');
	await expect(round.getByTestId('round-state')).toHaveText('Offen');
	const link = await round.getByTestId('round-link').inputValue();
	expect(link).toMatch(/\/beteiligung\/[A-Za-z0-9_-]{32}$/);
	await expectNoSeriousViolations(page, 'the owner page');

	// --- a guest without a session submits a proposal ---
	const guest = await anonymous(browser);
	await guest.page.setViewportSize({ width: 390, height: 844 });
	await guest.page.goto(link);
	await guest.page.locator('html[data-hydrated]').waitFor();
	await expect(guest.page.getByTestId('fb-title')).toHaveText('Rückmeldung vor der AG-Sitzung');
	await expect(guest.page.getByText(inside.title).first()).toBeVisible();
	await expect(guest.page.getByText(outside.title)).toHaveCount(0);
	// members of the public have no account: no "Anmelden" in the header
	await expect(guest.page.locator('header').getByRole('link', { name: 'Anmelden' })).toHaveCount(0);
	await expect(guest.page.locator('header').getByRole('link', { name: /Mitplan/ })).toBeVisible();
	await guest.page.screenshot({ path: `${SHOTS}/feedback-public-phone.png` });
	await expectNoSeriousViolations(guest.page, 'the public page');
	// the form is below the whole draft: a link at the top leads there, heading not under the header
	await expect(guest.page.getByTestId('fb-title-input')).not.toBeInViewport();
	await guest.page.getByTestId('fb-jump').click();
	await expect(guest.page.getByTestId('fb-title-input')).toBeInViewport();
	await expect(guest.page.getByRole('heading', { name: 'Ihr Beitrag' })).toBeInViewport({
		ratio: 1
	});
	await guest.page.getByLabel('Bezieht sich auf').selectOption({ label: `— Ziel: ${goal.title}` });
	await guest.page.getByLabel('Titel').fill('Mehrsprachige Gesundheitslotsinnen');
	await guest.page
		.getByLabel('Ihr Vorschlag oder Ihre Anmerkung')
		.fill('Lotsinnen begleiten Neuzugewanderte zu Arztterminen.');
	await expect(guest.page.getByText('52 von 5.000 Zeichen')).toBeVisible();
	await guest.page.getByTestId('fb-submit').click();
	await expect(guest.page.getByText('Bitte stimmen Sie der Verarbeitung')).toBeVisible();
	await guest.page.getByTestId('fb-consent').check();
	await guest.page.getByTestId('fb-submit').click();
	await expect(guest.page.getByTestId('fb-success')).toContainText('Nr. 1');
	await guest.page.screenshot({ path: `${SHOTS}/feedback-public.png`, fullPage: true });

	// --- the owner turns it into a measure and decides ---
	await page.reload();
	const sub = page
		.getByTestId('submission')
		.filter({ hasText: 'Mehrsprachige Gesundheitslotsinnen' });
	await expect(sub).toBeVisible();
	await expect(sub.getByTestId('make-parent')).toHaveValue(goal.id);
	await sub.getByTestId('make-item').click();
	await expect(sub.getByTestId('sub-created')).toContainText('Mehrsprachige Gesundheitslotsinnen');
	await sub.getByRole('radio', { name: 'Übernommen', exact: true }).check();
	await sub.getByTestId('decision-reason').fill('Als Maßnahme in das Handlungsfeld übernommen.');
	await sub.getByTestId('decision-save').click();
	// decided: the default filter "Unbearbeitet" no longer lists it
	await expect(page.getByTestId('triage-empty')).toHaveText('Alle Beiträge sind entschieden.');
	const row = page.getByTestId('consideration-row').filter({ hasText: '#1' });
	await expect(row).toContainText('Mehrsprachige Gesundheitslotsinnen');
	await expect(row).toContainText('Übernommen');
	await expect(row).toContainText('Als Maßnahme in das Handlungsfeld übernommen.');
	await page.screenshot({ path: `${SHOTS}/feedback-owner.png`, fullPage: true });
	await expectNoSeriousViolations(page, 'the owner page with a decided submission');

	// --- the board shows the new measure and where it came from ---
	await page.goto(`/plans/${id}`);
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	const card = page
		.getByTestId('measure-card')
		.filter({ hasText: 'Mehrsprachige Gesundheitslotsinnen' });
	await card.locator('.card-open').click();
	await expect(page.getByTestId('item-origin')).toContainText(
		'Beitrag #1 (Runde „Rückmeldung vor der AG-Sitzung“)'
	);
	await page.screenshot({ path: `${SHOTS}/feedback-origin.png` });
	await page.getByTestId('detail-done').click();

	// --- the PDF with the appendix ---
	await page.getByTestId('export-pdf').click();
	const exportDialog = page.getByTestId('export-dialog');
	await exportDialog.getByTestId('export-consideration').check();
	const download = page.waitForEvent('download');
	await exportDialog.getByRole('button', { name: 'PDF erstellen' }).click();
	const file = await download;
	const pdf = await readPdf(new Uint8Array(readFileSync((await file.path())!)));
	const text = flat(pdf.pages.join(' '));
	const appendix = text.lastIndexOf('Anlage: Abwägungstabelle');
	expect(appendix).toBeGreaterThan(0);
	const tail = text.slice(appendix);
	expect(tail).toContain('#1');
	expect(tail).toContain('Mehrsprachige Gesundheitslotsinnen');
	expect(tail).toContain('Übernommen');
	expect(tail).toContain('Als Maßnahme in das Handlungsfeld übernommen.');

	// --- after the round closes, the guest sees what became of it ---
	await page.goto(`/plans/${id}/beteiligung`);
	await page.getByTestId('round-close').click();
	await expect(page.getByTestId('round-state')).toHaveText('Beendet');
	await guest.page.reload();
	await expect(guest.page.getByTestId('fb-closed')).toContainText('beendet');
	await expect(guest.page.getByTestId('consideration-row')).toContainText('Übernommen');
	await expect(guest.page.getByTestId('fb-submit')).toHaveCount(0);
	await guest.page.screenshot({ path: `${SHOTS}/feedback-public-closed.png`, fullPage: true });
	await expectNoSeriousViolations(guest.page, 'the closed public page');
	await guest.context.close();

	// signed in, the same link keeps the user's menu in the header
	await page.goto(link);
	await expect(page.getByTestId('fb-closed')).toBeVisible();
	await expect(page.getByTestId('user-menu')).toBeVisible();
});
