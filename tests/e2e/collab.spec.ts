/**
 * Two people co-edit one measure in two browser contexts: each sees the other's typing and
 * presence; a reload shows everything; a server killed with SIGKILL and restarted loses nothing,
 * and edits typed while the server was down are kept in the browser and synced afterwards.
 */
import { expect, request as apiRequest, test, type Page } from '@playwright/test';
import { spawnServer, tempDir, type ServerProcess } from '../helpers/server';
import { freePort } from '../helpers/redis-server';
import { addField, addGoal, addMeasure, detail, openNewPlan } from './support/board';
import { ADMIN_EMAIL, ADMIN_PASSWORD, addMember, login, person } from './support/auth';

async function openMeasure(page: Page, title: string) {
	await page.getByTestId('measure-card').filter({ hasText: title }).locator('.card-open').click();
	await expect(detail(page)).toBeVisible();
}

test('two people co-edit a measure and see each other', async ({ browser, page }) => {
	// `page` belongs to the administrator, who creates the two accounts
	const anna = await person(browser, page.request, 'Anna Beispiel');
	const ben = await person(browser, page.request, 'Ben Muster');

	const planId = await openNewPlan(anna.page, 'Gemeinsam bearbeiten');
	await addMember(anna.page.request, planId, ben.user.email, 'editor');
	await addField(anna.page, 'Wohnen und Unterkunft');
	await addGoal(anna.page, 'Wohnen und Unterkunft', 'Mehr bezahlbarer Wohnraum');
	await addMeasure(anna.page, 'Mehr bezahlbarer Wohnraum', 'Wohnraumbörse');

	await ben.page.goto(`/plans/${planId}`);
	await expect(
		ben.page.getByTestId('measure-card').filter({ hasText: 'Wohnraumbörse' })
	).toBeVisible();
	// Presence: each sees the other in the header.
	await expect(ben.page.getByTestId('presence')).toContainText('Anna Beispiel');
	await expect(anna.page.getByTestId('presence')).toContainText('Ben Muster');

	// Anna opens the measure: Ben's card shows who is editing it.
	await openMeasure(anna.page, 'Wohnraumbörse');
	const bensCard = ben.page.getByTestId('measure-card').filter({ hasText: 'Wohnraumbörse' });
	await expect(bensCard.getByTestId('editing-indicator')).toContainText('Anna');

	// Both type into the same description; both texts merge.
	const annasText = detail(anna.page).getByTestId('detail-description');
	await annasText.click();
	await annasText.pressSequentially('Anna schreibt. ');
	await openMeasure(ben.page, 'Wohnraumbörse');
	const bensText = detail(ben.page).getByTestId('detail-description');
	await expect(bensText).toHaveValue('Anna schreibt. ');
	await bensText.click();
	await bensText.press('End');
	await bensText.pressSequentially('Ben ergänzt.');
	await expect(annasText).toHaveValue('Anna schreibt. Ben ergänzt.');
	await expect(bensText).toHaveValue('Anna schreibt. Ben ergänzt.');

	// A reload shows everything.
	await ben.page.reload();
	await openMeasure(ben.page, 'Wohnraumbörse');
	await expect(detail(ben.page).getByTestId('detail-description')).toHaveValue(
		'Anna schreibt. Ben ergänzt.'
	);

	await anna.context.close();
	await ben.context.close();
});

test.describe('with its own server', () => {
	let server: ServerProcess | undefined;
	let data: ReturnType<typeof tempDir>;
	let port: number;
	const env = () => ({
		DATA_DIR: data.dir,
		PORT: String(port),
		ORIGIN: `http://127.0.0.1:${port}`,
		SEED_EXAMPLE_PLAN: 'false',
		PLAN_CREATORS: 'all', // Anna, a new account, creates the plan
		MITPLAN_ADMIN_EMAIL: ADMIN_EMAIL,
		MITPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD
	});

	test.beforeEach(async () => {
		data = tempDir('mitplan-e2e-restart-');
		port = await freePort();
		server = await spawnServer(env());
	});

	test.afterEach(async () => {
		await server?.stop();
		data.remove();
	});

	test('a server killed and restarted loses nothing; offline edits sync afterwards', async ({
		browser
	}) => {
		const baseURL = `http://127.0.0.1:${port}`;
		const admin = await apiRequest.newContext({ baseURL });
		await login(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
		const anna = await person(browser, admin, 'Anna Beispiel', baseURL);
		const ben = await person(browser, admin, 'Ben Muster', baseURL);
		const planId = await openNewPlan(anna.page, 'Neustart');
		await addMember(anna.page.request, planId, ben.user.email, 'viewer');
		await addField(anna.page, 'Gesundheit');
		await addGoal(anna.page, 'Gesundheit', 'Zugang zu Gesundheitsangeboten');
		await addMeasure(anna.page, 'Zugang zu Gesundheitsangeboten', 'Gesundheitslotsen');
		const status = anna.page.getByTestId('connection-status');
		await expect(status).toHaveAttribute('data-pending', 'false');

		await server!.kill9();
		await expect(status).toHaveAttribute('data-status', 'offline');
		// Typed while the server is down: kept in the browser (IndexedDB).
		await addMeasure(anna.page, 'Zugang zu Gesundheitsangeboten', 'Mehrsprachige Sprechstunde');
		await expect(status).toHaveAttribute('data-pending', 'true');

		server = await spawnServer(env());
		await expect(status).toHaveAttribute('data-status', 'online', { timeout: 15_000 });
		await expect(status).toHaveAttribute('data-pending', 'false', { timeout: 15_000 });

		// A new person (no local copy) sees both measures, so both are on the server.
		await ben.page.goto(`/plans/${planId}`);
		for (const title of ['Gesundheitslotsen', 'Mehrsprachige Sprechstunde']) {
			await expect(ben.page.getByTestId('measure-card').filter({ hasText: title })).toBeVisible();
		}
		const json = await (await ben.page.request.get(`/api/plans/${planId}`)).json();
		expect(json.fields[0].goals[0].measures.map((m: { title: string }) => m.title)).toEqual([
			'Gesundheitslotsen',
			'Mehrsprachige Sprechstunde'
		]);
		await anna.context.close();
		await ben.context.close();
		await admin.dispose();
	});
});

test('offline im Detailfenster sichtbar; nach dem Abgleich: welche Felder andere auch geändert haben', async ({
	browser
}) => {
	const annaContext = await browser.newContext();
	const benContext = await browser.newContext();
	const anna = await annaContext.newPage();
	const ben = await benContext.newPage();
	const planId = await openNewPlan(anna, 'Offline-Überschneidung');
	await addField(anna, 'Wohnen');
	await ben.goto(`/plans/${planId}`);
	for (const page of [anna, ben]) {
		await page.getByTestId('field-column').locator('.card-open').first().click();
		await expect(detail(page)).toBeVisible();
	}
	const panelStatus = detail(anna).getByTestId('panel-connection');
	await expect(panelStatus).toHaveAttribute('data-status', 'online');

	// Anna loses the connection: the open panel says so
	await annaContext.setOffline(true);
	await expect(panelStatus).toHaveAttribute('data-status', 'offline');
	await expect(panelStatus).toBeVisible();
	await expect(panelStatus).toContainText('Offline');
	const annaSituation = detail(anna).getByTestId('detail-situation');
	await annaSituation.fill('Anna offline');
	await detail(anna).getByTestId('detail-workingGroup').fill('AG Wohnen');
	// meanwhile Ben changes the same text (and another one)
	await detail(ben).getByTestId('detail-situation').fill('Ben online');
	await detail(ben).getByTestId('detail-title').fill('Wohnen und Leben');
	await expect(ben.getByTestId('connection-status')).toHaveAttribute('data-pending', 'false');

	await annaContext.setOffline(false);
	await expect(panelStatus).toHaveAttribute('data-status', 'online', { timeout: 15_000 });
	const notice = detail(anna).getByTestId('offline-overlap');
	await expect(notice).toContainText('„Ausgangslage“');
	await expect(notice).not.toContainText('Arbeitsgruppe');
	await expect(notice).not.toContainText('„Titel“');
	await expect(detail(ben).getByTestId('offline-overlap')).toHaveCount(0);
	// both changes are merged, and the history is one click away
	await expect(annaSituation).toHaveValue(/Anna offline/);
	await expect(annaSituation).toHaveValue(/Ben online/);
	await notice.getByTestId('overlap-history').click();
	await expect(detail(anna).getByTestId('item-history')).toHaveAttribute('open', '');
	await notice.getByRole('button', { name: 'Verstanden' }).click();
	await expect(notice).toHaveCount(0);

	await annaContext.close();
	await benContext.close();
});
