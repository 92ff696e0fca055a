/**
 * Sitzungsmodus on the participants' devices (issue 13): "Alle zu mir" moves a participant's
 * board at 390 px to the item the Moderation shows (with a notice), until they stop following;
 * the projector's QR code carries the session's guest link: a fresh phone joins by name, lands on
 * the session page and votes; dots given offline count once after reconnecting; the agenda
 * editor by keyboard with messages at the input; undo under the structure lock (texts only).
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import QRCode from 'qrcode';
import { SHOTS, expectNoSeriousViolations } from './support/axe';
import { NO_SESSION, addMember, createUser, login } from './support/auth';
import { addField, closeDetail, detail } from './support/board';

interface PlanItems {
	fields: Array<{
		id: string;
		title: string;
		goals: Array<{ id: string; measures: Array<{ id: string }> }>;
	}>;
}

/** A plan with the example content and a running session; returns ids for the test. */
async function runningSession(admin: APIRequestContext, title: string) {
	const created = await admin.post('/api/plans', { data: { title, example: true } });
	expect(created.status()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;
	const plan = (await (await admin.get(`/api/plans/${planId}`)).json()) as PlanItems;
	const session = await admin.post(`/api/plans/${planId}/sitzungen`, {
		data: { title: 'AG-Treffen', date: '2027-03-12' }
	});
	expect(session.status()).toBe(201);
	const sessionId = ((await session.json()) as { id: string }).id;
	const control = async (body: Record<string, unknown>) => {
		const res = await admin.post(`/api/plans/${planId}/sitzungen/${sessionId}/steuerung`, {
			data: body
		});
		expect(res.status(), await res.text()).toBe(200);
	};
	await control({ action: 'start' });
	return { planId, sessionId, plan, control };
}

test('Alle zu mir: das Board am Handy folgt der Moderation, bis man aufhört', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const admin = page.request;
	const { planId, plan, control } = await runningSession(admin, 'Folgen im Browser');
	const fields = plan.fields.filter((f) => f.goals.some((g) => g.measures.length > 0));
	expect(fields.length).toBeGreaterThan(1);
	const lastField = fields.at(-1)!;
	const measure = lastField.goals.find((g) => g.measures.length > 0)!.measures.at(-1)!.id;
	const firstField = fields[0].id;

	const pia = await createUser(admin, 'Pia Folgt');
	await addMember(admin, planId, pia.email, 'editor');
	const context = await browser.newContext({
		storageState: NO_SESSION,
		viewport: { width: 390, height: 844 }
	});
	await login(context.request, pia.email, pia.password);
	const board = await context.newPage();
	await board.goto(`/plans/${planId}`);
	await expect(board.getByTestId('board')).toBeVisible();
	await expect(board.getByTestId('follow-notice')).toHaveCount(0);

	// The Moderation shows a measure of the last field: the phone switches column and scrolls
	await control({ action: 'follow', active: true, itemId: measure });
	await expect(board.getByTestId('follow-notice')).toContainText(
		'Sie folgen der Moderation: Maßnahme'
	);
	const card = board.locator(`[data-item-id="${measure}"]`);
	await expect(card).toHaveAttribute('data-followed', '');
	await expect(card).toBeInViewport();
	await expect(board.getByTestId('follow-region')).toHaveAttribute('role', 'status');
	await board.waitForTimeout(800); // the smooth scroll and the highlight settle
	await board.screenshot({ path: `${SHOTS}/meet-live-folgen-390.png` });
	await expectNoSeriousViolations(board, 'Board (folgt der Moderation)');

	// The participant looks at another column; others' edits do not pull the board back
	await board.getByTestId('field-switch').selectOption(firstField);
	await expect(card).toHaveCount(0);
	const renamed = await admin.patch(`/api/plans/${planId}`, {
		data: { title: 'Folgen, umbenannt' }
	});
	expect(renamed.status()).toBe(200);
	await expect(board.getByTestId('plan-title')).toHaveText('Folgen, umbenannt');
	await board.waitForTimeout(300);
	await expect(card).toHaveCount(0);

	// …then the first field: the board moves along
	await control({ action: 'follow', active: true, itemId: firstField });
	await expect(board.locator(`[data-item-id="${firstField}"]`)).toHaveAttribute(
		'data-followed',
		''
	);
	await expect(card).toHaveCount(0); // another column on the phone

	// Stop following: the next target is named, but the board stays where it is
	await board.getByTestId('follow-stop').click();
	await expect(board.getByTestId('follow-notice')).toContainText('Die Moderation zeigt gerade');
	await control({ action: 'follow', active: true, itemId: measure });
	await expect(board.getByTestId('follow-notice')).toContainText('Maßnahme');
	await board.waitForTimeout(500);
	await expect(board.locator(`[data-item-id="${measure}"]`)).toHaveCount(0);
	await expect(board.locator(`[data-item-id="${firstField}"]`)).toBeVisible();
	await expect(board.locator('[data-followed]')).toHaveCount(0);

	// Follow again: the board catches up
	await board.getByTestId('follow-resume').click();
	await expect(board.locator(`[data-item-id="${measure}"]`)).toHaveAttribute('data-followed', '');
	await expect(board.getByTestId('follow-notice')).toContainText('Sie folgen der Moderation');

	// The Moderation ends "Alle zu mir": no notice, no mark
	await control({ action: 'follow', active: false });
	await expect(board.getByTestId('follow-notice')).toHaveCount(0);
	await expect(board.locator('[data-followed]')).toHaveCount(0);
	await context.close();
});

test('QR-Code am Beamer: ein Gast tritt mit Namen bei, landet in der Sitzung und stimmt ab', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const admin = page.request;
	const { planId, sessionId, plan } = await runningSession(admin, 'Gäste per QR-Code');
	const sessionPath = `/plans/${planId}/sitzungen/${sessionId}`;

	// The facilitator's projector shows the session's guest link as its QR code
	await page.goto(`${sessionPath}/beamer`);
	await expect(page.getByTestId('beamer-join')).toContainText('auch ohne Konto');
	const link = await admin.post(`/api/plans/${planId}/sitzungen/${sessionId}/gastlink`);
	expect(link.status()).toBe(200);
	const { url } = (await link.json()) as { url: string };
	expect(url).toMatch(
		new RegExp(
			`^http://127\\.0\\.0\\.1:\\d+/einladung/[^?]+\\?weiter=${encodeURIComponent(sessionPath)}$`
		)
	);
	// the same link again (reused while valid), and it is what the QR code encodes
	const again = (await (
		await admin.post(`/api/plans/${planId}/sitzungen/${sessionId}/gastlink`)
	).json()) as { url: string };
	expect(again.url).toBe(url);
	const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	await expect(page.getByTestId('invite-qr')).toHaveAttribute(
		'src',
		`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
	);
	await expectNoSeriousViolations(page, 'Beamer mit Gast-QR-Code');

	// A participant who is not the Moderation gets no guest link
	const ed = await createUser(admin, 'Eda Editorin');
	await addMember(admin, planId, ed.email, 'editor');
	const edContext = await browser.newContext({ storageState: NO_SESSION });
	await login(edContext.request, ed.email, ed.password);
	const refused = await edContext.request.post(
		`/api/plans/${planId}/sitzungen/${sessionId}/gastlink`
	);
	expect(refused.status()).toBe(403);
	await edContext.close();

	// A vote of the session to give dots in
	const measures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures)).slice(0, 3);
	const vote = await admin.post(`/api/plans/${planId}/votes`, {
		data: { title: 'Was zuerst?', targetIds: measures.map((m) => m.id), sessionId }
	});
	expect(vote.status()).toBe(201);
	const voteId = ((await vote.json()) as { vote: { id: string } }).vote.id;

	// A fresh phone: scan, enter a name, land on the session page
	const guest = await browser.newContext({
		storageState: NO_SESSION,
		viewport: { width: 390, height: 844 }
	});
	const phone = await guest.newPage();
	await phone.goto(url);
	await phone.locator('html[data-hydrated]').waitFor();
	await expect(phone.getByTestId('invite-role')).toContainText('Prüfen und kommentieren');
	await phone.getByLabel('Ihr Name').fill('Gül Gast');
	await phone.getByTestId('guest-join').click();
	await expect(phone).toHaveURL(new RegExp(`${sessionPath}$`));
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('AG-Treffen');
	await expect(phone.getByTestId('current-step')).toBeVisible();

	// …and can vote (and not edit the plan's settings)
	const ballot = await phone.request.put(`/api/plans/${planId}/votes/${voteId}/ballot`, {
		data: { dots: { [measures[0].id]: 1 } }
	});
	expect(ballot.status(), await ballot.text()).toBe(200);
	const counted = (await (await admin.get(`/api/plans/${planId}/votes/${voteId}`)).json()) as {
		vote: { voterCount: number; dotsOnline: number };
	};
	expect(counted.vote.voterCount).toBe(1);
	const guests = (await (await admin.get(`/api/plans/${planId}/guests`)).json()) as Array<{
		name: string;
	}>;
	expect(guests.map((g) => g.name)).toContain('Gül Gast');
	await guest.close();
});

test('Offline abstimmen: die Punkte warten und zählen nach der Rückkehr genau einmal', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const admin = page.request;
	const { planId, sessionId, plan } = await runningSession(admin, 'Offline abstimmen');
	const measures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures)).slice(0, 3);
	const vote = await admin.post(`/api/plans/${planId}/votes`, {
		data: { title: 'Offline-Runde', targetIds: measures.map((m) => m.id), sessionId }
	});
	expect(vote.status()).toBe(201);
	const voteId = ((await vote.json()) as { vote: { id: string } }).vote.id;

	const ole = await createUser(admin, 'Ole Offline');
	await addMember(admin, planId, ole.email, 'editor');
	const context = await browser.newContext({
		storageState: NO_SESSION,
		viewport: { width: 390, height: 844 }
	});
	await login(context.request, ole.email, ole.password);
	const phone = await context.newPage();
	await phone.goto(`/plans/${planId}/abstimmungen`);
	await phone.locator('html[data-hydrated]').waitFor();
	const items = phone.getByTestId('vote-item');
	await expect(items).toHaveCount(3);

	await context.setOffline(true);
	await items.nth(0).getByTestId('vote-plus').click();
	await expect(phone.getByTestId('offline-queue')).toContainText(
		'Offline – wird gesendet, sobald die Verbindung zurück ist'
	);
	await items.nth(1).getByTestId('vote-plus').click();
	await items.nth(1).getByTestId('vote-plus').click();
	// one ballot waits (the newest dots replace the queued ones)
	await expect(phone.getByTestId('offline-queue-count')).toHaveText('(1 Eingabe wartet)');
	await expect(items.nth(1).getByTestId('vote-count')).toContainText('2');
	await expect(phone.getByTestId('vote-left')).toContainText('Alle 3 Punkte vergeben');
	await phone.screenshot({ path: `${SHOTS}/meet-live-offline-390.png` });
	await expectNoSeriousViolations(phone, 'Abstimmung offline');
	let before = (await (await admin.get(`/api/plans/${planId}/votes/${voteId}`)).json()) as {
		vote: { voterCount: number; dotsOnline: number };
	};
	expect(before.vote.voterCount).toBe(0);

	await context.setOffline(false);
	await expect(phone.getByTestId('offline-queue')).toHaveCount(0);
	await expect(async () => {
		before = (await (
			await admin.get(`/api/plans/${planId}/votes/${voteId}`)
		).json()) as typeof before;
		expect(before.vote).toMatchObject({ voterCount: 1, dotsOnline: 3 });
	}).toPass();
	// a reload: the stored ballot, nothing queued twice
	await phone.reload();
	await expect(phone.getByTestId('vote-ballot')).toBeVisible();
	await expect(items.nth(1).getByTestId('vote-count')).toContainText('2');
	await expect(phone.getByTestId('offline-queue')).toHaveCount(0);
	const after = (await (
		await admin.get(`/api/plans/${planId}/votes/${voteId}`)
	).json()) as typeof before;
	expect(after.vote).toMatchObject({ voterCount: 1, dotsOnline: 3 });
	await context.close();
});

test('Tagesordnung bearbeiten: Schritte per Tastatur umstellen, ergänzen, entfernen; Meldungen am Feld', async ({
	page
}) => {
	test.setTimeout(90_000);
	const admin = page.request;
	const created = await admin.post('/api/plans', { data: { title: 'Tagesordnung im Browser' } });
	const planId = ((await created.json()) as { id: string }).id;
	const session = await admin.post(`/api/plans/${planId}/sitzungen`, {
		data: { title: 'Planungstreffen', date: '2027-04-01' }
	});
	const sessionId = ((await session.json()) as { id: string }).id;
	const url = `/api/plans/${planId}/sitzungen/${sessionId}`;

	// The server names the step input a message is about
	const bad = await admin.patch(url, {
		data: {
			agenda: [
				{ title: 'A', minutes: 5 },
				{ title: 'B', minutes: 0 }
			]
		}
	});
	expect(bad.status()).toBe(400);
	expect(((await bad.json()) as { error: { field: string } }).error).toMatchObject({
		code: 'invalid_value',
		field: 'agenda.1.minutes'
	});

	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/plans/${planId}/sitzungen/${sessionId}`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByTestId('agenda-edit').click();
	const editor = page.getByTestId('agenda-editor');
	await expect(editor.getByLabel('Schritt 1', { exact: true })).toBeFocused();
	await expect(editor.getByTestId('agenda-step')).toHaveCount(5);

	// "Exploration" one up, by keyboard: the focus stays on the moved step's button
	await editor.getByRole('button', { name: 'Schritt 2 nach oben' }).focus();
	await page.keyboard.press('Enter');
	await expect(editor.getByLabel('Schritt 1', { exact: true })).toHaveValue('Exploration');
	await expect(editor.getByRole('button', { name: 'Schritt 1 nach unten' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(editor.getByLabel('Schritt 2', { exact: true })).toHaveValue('Exploration');

	// A new step with 0 minutes: the message at its minutes input, nothing saved
	await editor.getByTestId('agenda-add').click();
	await expect(editor.getByLabel('Schritt 6', { exact: true })).toBeFocused();
	await page.keyboard.type('Pause');
	await editor.getByLabel('Minuten für Schritt 6').fill('0');
	await editor.getByTestId('agenda-save').click();
	const minutes6 = editor.getByLabel('Minuten für Schritt 6');
	await expect(minutes6).toHaveAttribute('aria-invalid', 'true');
	await expect(minutes6).toBeFocused();
	await expect(minutes6).toHaveAccessibleDescription(
		'Schritt 6: geplante Minuten als ganze Zahl von 1 bis 480.'
	);
	await page.screenshot({ path: `${SHOTS}/meet-live-tagesordnung-390.png`, fullPage: true });
	await expectNoSeriousViolations(page, 'Tagesordnung bearbeiten');
	await minutes6.fill('15');
	// "Abschluss" goes
	await editor.getByRole('button', { name: 'Schritt 5 entfernen' }).click();
	await editor.getByTestId('agenda-save').click();
	await expect(editor).toHaveCount(0);
	await expect(page.getByTestId('agenda-edit')).toBeFocused();
	await expect(page.getByTestId('agenda').locator('li')).toHaveText([
		/^Begrüßung \(10 Min\.\)/,
		/^Exploration \(40 Min\.\)/,
		/^Konsolidierung/,
		/^Priorisierung/,
		/^Pause \(15 Min\.\)/
	]);
	const stored = (await (await admin.get(url)).json()) as {
		meeting: { agenda: Array<{ title: string; minutes: number }> };
	};
	expect(stored.meeting.agenda.map((s) => `${s.title}:${s.minutes}`)).toEqual([
		'Begrüßung:10',
		'Exploration:40',
		'Konsolidierung:40',
		'Priorisierung:20',
		'Pause:15'
	]);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.getByTestId('agenda-edit').click();
	await page.screenshot({ path: `${SHOTS}/meet-live-tagesordnung-1280.png`, fullPage: true });
});

test('Struktur gesperrt: Rückgängig geht für Texte, nicht für angelegte Elemente', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const admin = page.request;
	const created = await admin.post('/api/plans', { data: { title: 'Sperre und Rückgängig' } });
	const planId = ((await created.json()) as { id: string }).id;
	const session = await admin.post(`/api/plans/${planId}/sitzungen`, {
		data: { title: 'Sperrtreffen', date: '2027-04-01' }
	});
	const sessionId = ((await session.json()) as { id: string }).id;
	const control = async (body: Record<string, unknown>) =>
		expect(
			(
				await admin.post(`/api/plans/${planId}/sitzungen/${sessionId}/steuerung`, { data: body })
			).status()
		).toBe(200);
	await control({ action: 'start' });

	const eva = await createUser(admin, 'Eva Editorin');
	await addMember(admin, planId, eva.email, 'editor');
	const context = await browser.newContext({ storageState: NO_SESSION });
	await login(context.request, eva.email, eva.password);
	const board = await context.newPage();
	await board.goto(`/plans/${planId}`);
	await expect(board.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
	await addField(board, 'Bildung');
	await expect(board.getByTestId('undo')).toBeEnabled();

	await control({ action: 'lock', locked: true });
	await expect(board.getByTestId('structure-lock')).toBeVisible();
	// the last step created a field: not now
	await expect(board.getByTestId('undo')).toBeDisabled();
	await board.keyboard.press('Control+z');
	await expect(board.getByTestId('field-column').filter({ hasText: 'Bildung' })).toBeVisible();

	// a text change can be undone while locked
	await board
		.getByTestId('field-column')
		.filter({ hasText: 'Bildung' })
		.locator('.card-open')
		.click();
	const title = detail(board).getByTestId('detail-title');
	await title.fill('Bildung und Sprache');
	await closeDetail(board);
	await expect(board.getByTestId('undo')).toBeEnabled();
	await board.getByTestId('undo').click();
	await expect(board.getByTestId('field-column').filter({ hasText: 'Sprache' })).toHaveCount(0);
	await expect(board.getByTestId('undo')).toBeDisabled();

	// unlocked: the creation can be undone again
	await control({ action: 'lock', locked: false });
	await expect(board.getByTestId('structure-lock')).toHaveCount(0);
	await board.getByTestId('undo').click();
	await expect(board.getByTestId('field-column')).toHaveCount(0);
	await context.close();
});
