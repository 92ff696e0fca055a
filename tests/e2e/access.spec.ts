/**
 * Accounts, roles and invitations in the browser: a guest joins by link with a name only and
 * edits live; a viewer gets a read-only board; a role change switches the board; wrong
 * passwords, invalid links and missing sessions get clear German answers; HTML in titles is
 * shown as text.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	addMember,
	anonymous,
	createInvite,
	createPlan,
	createUser,
	login,
	person
} from './support/auth';
import { addField, detail } from './support/board';

async function openBoard(page: Page, planId: string) {
	await page.goto(`/plans/${planId}`);
	await expect(page.getByTestId('board')).toBeVisible();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
}

test('Gast tritt per Einladungslink nur mit Namen bei und bearbeitet live mit', async ({
	page,
	browser
}) => {
	const planId = await createPlan(page.request, 'Plan mit Gästen', 'Teststadt');
	await openBoard(page, planId);

	// the owner creates the link on the settings page
	await page.getByTestId('plan-settings').click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Einstellungen');
	const create = page.getByTestId('invite-create');
	await create.getByLabel('Rolle').selectOption('editor');
	await create.getByTestId('invite-guests').check();
	await create.getByTestId('invite-submit').click();
	const link = await page.getByTestId('invite-link').inputValue();
	expect(link).toMatch(/\/einladung\/[^/]+$/);
	await page.goto(`/plans/${planId}`);

	// the guest opens it in another browser, without any account
	const guest = await anonymous(browser);
	await guest.page.goto(link);
	await expect(guest.page.getByTestId('invite-plan')).toHaveText('Plan mit Gästen');
	await expect(guest.page.getByTestId('invite-role')).toContainText('Bearbeiten');
	await guest.page.locator('html[data-hydrated]').waitFor(); // a click before hydration would submit natively
	// no name: a German error at the field, focus on it
	await guest.page.getByTestId('guest-join').click();
	await expect(guest.page.getByLabel('Ihr Name')).toBeFocused();
	await expect(
		guest.page.getByRole('alert').filter({ hasText: 'Bitte geben Sie einen Namen' })
	).toBeVisible();
	await guest.page.getByLabel('Ihr Name').fill('Gabi Gast');
	await guest.page.getByTestId('guest-join').click();

	await expect(guest.page).toHaveURL(new RegExp(`/plans/${planId}$`));
	await expect(guest.page.getByTestId('guest-badge')).toHaveText('Gast');
	await expect(guest.page.getByTestId('connection-status')).toHaveAttribute(
		'data-status',
		'online'
	);
	// both see each other
	await expect(page.getByTestId('presence')).toContainText('Gabi Gast');

	// the guest's edit reaches the owner's board
	await addField(guest.page, 'Von Gabi angelegt');
	await expect(
		page.getByTestId('field-column').filter({ hasText: 'Von Gabi angelegt' })
	).toBeVisible();

	// a guest sees only this plan and cannot create plans
	await guest.page.goto('/');
	await expect(guest.page.getByTestId('plan-card')).toHaveCount(1);
	await expect(guest.page.getByTestId('create-plan')).toHaveCount(0);
	await guest.context.close();
});

test('Leserolle sieht die Tafel ohne Bearbeitungsmöglichkeiten', async ({ page, browser }) => {
	const response = await page.request.post('/api/plans', {
		data: { title: 'Plan zum Lesen', example: true }
	});
	expect(response.status()).toBe(201);
	const planId = ((await response.json()) as { id: string }).id;
	const vera = await person(browser, page.request, 'Vera Lesend');
	await addMember(page.request, planId, vera.user.email, 'viewer');

	const board = vera.page;
	await openBoard(board, planId);
	await expect(board.getByTestId('field-column').first()).toBeVisible();
	await expect(board.getByTestId('role-badge')).toContainText('Nur lesen');
	for (const testid of [
		'add-field',
		'add-goal',
		'add-measure',
		'add-principle',
		'card-menu',
		'undo',
		'redo',
		'edit-plan-meta',
		'plan-settings'
	]) {
		await expect(board.getByTestId(testid), testid).toHaveCount(0);
	}
	const card = board.getByTestId('measure-card').first();
	await expect(card).toHaveAttribute('draggable', 'false');
	const before = await board.getByTestId('measure-card').locator('.card-open').allInnerTexts();
	// keyboard moves do nothing
	await card.locator('.card-open').focus();
	await board.keyboard.press('Alt+ArrowDown');
	expect(await board.getByTestId('measure-card').locator('.card-open').allInnerTexts()).toEqual(
		before
	);

	// the details are readable, focusable and selectable, but read-only
	await card.locator('.card-open').click();
	const title = detail(board).getByTestId('detail-title');
	await expect(title).toHaveAttribute('readonly', '');
	await title.focus();
	await expect(title).toBeFocused();
	const value = await title.inputValue();
	expect(value.length).toBeGreaterThan(0);
	await board.keyboard.type('XYZ');
	await expect(title).toHaveValue(value);
	await expect(detail(board).getByTestId('detail-delete')).toHaveCount(0);
	await expect(detail(board).getByTestId('detail-status')).toBeDisabled();
	await vera.context.close();
});

test('Rollenwechsel schaltet die Tafel live um', async ({ page, browser }) => {
	const planId = await createPlan(page.request, 'Plan mit Rollenwechsel');
	const eva = await person(browser, page.request, 'Eva Wechsel');
	await addMember(page.request, planId, eva.user.email, 'editor');
	await openBoard(eva.page, planId);
	await expect(eva.page.getByTestId('add-field')).toBeVisible();

	const members = (await (await page.request.get(`/api/plans/${planId}/members`)).json()) as {
		userId: string;
		email: string;
	}[];
	const evaId = members.find((m) => m.email === eva.user.email)!.userId;
	const patch = await page.request.patch(`/api/plans/${planId}/members/${evaId}`, {
		data: { role: 'viewer' }
	});
	expect(patch.status()).toBe(200);
	await expect(eva.page.getByTestId('role-badge')).toContainText('Nur lesen', {
		timeout: 15_000
	});
	await expect(eva.page.getByTestId('add-field')).toHaveCount(0);

	// removed from the plan: a clear message instead of the board
	const removed = await page.request.delete(`/api/plans/${planId}/members/${evaId}`);
	expect(removed.status()).toBe(204);
	await expect(
		eva.page.getByTestId('fatal-error').or(eva.page.getByTestId('board-access-error'))
	).toContainText(/keinen Zugriff/, { timeout: 15_000 });
	await eva.context.close();
});

test('falsches Passwort zeigt eine deutsche Fehlermeldung', async ({ page, browser }) => {
	const user = await createUser(page.request, 'Paul Passwort');
	const { context, page: form } = await anonymous(browser);
	await form.goto('/anmelden');
	await form.getByLabel('E-Mail-Adresse').fill(user.email);
	await form.getByLabel('Passwort').fill('das-ist-falsch-123');
	await form.getByTestId('login-submit').click();
	await expect(form.getByTestId('login-error')).toContainText(
		'E-Mail-Adresse oder Passwort ist falsch'
	);
	await expect(form.getByLabel('Passwort')).toBeFocused();
	await expect(form).toHaveURL(/\/anmelden/);

	// empty fields: errors at the fields, no request
	await form.getByLabel('E-Mail-Adresse').fill('');
	await form.getByTestId('login-submit').click();
	await expect(form.getByLabel('E-Mail-Adresse')).toBeFocused();
	await expect(form.getByLabel('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
	await context.close();
});

test('ohne Anmeldung führt ein Plan zur Anmeldung und danach zurück', async ({ page, browser }) => {
	const planId = await createPlan(page.request, 'Plan hinter der Anmeldung');
	const user = await createUser(page.request, 'Nora Neu');
	await addMember(page.request, planId, user.email, 'editor');

	const { context, page: anon } = await anonymous(browser);
	await anon.goto(`/plans/${planId}`);
	await expect(anon).toHaveURL(/\/anmelden\?next=/);
	expect(new URL(anon.url()).searchParams.get('next')).toBe(`/plans/${planId}`);
	await expect(anon.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
	await anon.getByLabel('E-Mail-Adresse').fill(user.email);
	await anon.getByLabel('Passwort').fill(user.password);
	await anon.getByTestId('login-submit').click();
	await expect(anon).toHaveURL(new RegExp(`/plans/${planId}$`));
	await expect(anon.getByTestId('plan-title')).toHaveText('Plan hinter der Anmeldung');

	// logout through the menu: back to the login page, the board is closed again
	await anon.getByTestId('user-menu').click();
	await anon.getByTestId('logout').click();
	await expect(anon).toHaveURL(/\/anmelden$/);
	await anon.goto(`/plans/${planId}`);
	await expect(anon).toHaveURL(/\/anmelden\?next=/);
	await context.close();
});

test('ein fremder "next"-Parameter führt nicht auf andere Seiten', async ({
	page,
	browser,
	baseURL
}) => {
	const user = await createUser(page.request, 'Otto Umleitung');
	const { context, page: anon } = await anonymous(browser);
	await anon.goto('/anmelden?next=//example.org/falle');
	await anon.getByLabel('E-Mail-Adresse').fill(user.email);
	await anon.getByLabel('Passwort').fill(user.password);
	await anon.getByTestId('login-submit').click();
	await expect(anon.getByRole('heading', { level: 1, name: 'Pläne' })).toBeVisible();
	expect(new URL(anon.url()).origin).toBe(new URL(baseURL!).origin);
	await context.close();
});

test('ungültige, widerrufene und unbekannte Einladungen werden erklärt', async ({
	page,
	browser
}) => {
	const planId = await createPlan(page.request, 'Plan mit altem Link');
	const invite = await createInvite(page.request, planId, { allowGuests: false });
	const { context, page: anon } = await anonymous(browser);

	// guests not allowed: only the way through the login
	await anon.goto(`/einladung/${invite.token}`);
	await expect(anon.getByTestId('invite-plan')).toHaveText('Plan mit altem Link');
	await expect(anon.getByTestId('guest-join')).toHaveCount(0);
	await expect(anon.getByTestId('invite-login')).toHaveAttribute(
		'href',
		`/anmelden?next=${encodeURIComponent(`/einladung/${invite.token}`)}`
	);

	const revoke = await page.request.delete(`/api/plans/${planId}/invites/${invite.id}`);
	expect(revoke.status()).toBe(200);
	await anon.goto(`/einladung/${invite.token}`);
	await expect(anon.getByRole('heading', { level: 1 })).toHaveText('Einladung nicht mehr gültig');
	await expect(anon.getByTestId('invite-error')).toContainText('zurückgezogen');

	await anon.goto('/einladung/gibt-es-nicht-123');
	await expect(anon.getByRole('heading', { level: 1 })).toHaveText('Einladung nicht gefunden');
	await expect(anon.getByTestId('invite-error')).toContainText('Diese Einladung gibt es nicht');
	await context.close();
});

test('ein angemeldetes Konto tritt über den Link bei', async ({ page, browser }) => {
	const planId = await createPlan(page.request, 'Plan für Konten');
	const invite = await createInvite(page.request, planId, { role: 'reviewer', allowGuests: false });
	const kim = await person(browser, page.request, 'Kim Konto');
	await kim.page.goto(`/einladung/${invite.token}`);
	await expect(kim.page.getByTestId('invite-role')).toContainText('Prüfen und kommentieren');
	await kim.page.getByTestId('invite-accept').click();
	await expect(kim.page).toHaveURL(new RegExp(`/plans/${planId}$`));
	await expect(kim.page.getByTestId('role-badge')).toContainText('Prüfen');
	await expect(kim.page.getByTestId('add-field')).toHaveCount(0);
	await kim.page.goto('/');
	await expect(
		kim.page
			.getByTestId('plan-card')
			.filter({ hasText: 'Plan für Konten' })
			.getByTestId('plan-role')
	).toContainText('Prüfen und kommentieren');
	await kim.context.close();
});

test('HTML in Titeln erscheint als Text (Liste, Tafel, Einstellungen)', async ({ page }) => {
	const evil = '<img src=x onerror=alert(1)>';
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	const planId = await createPlan(page.request, evil, '<script>alert(2)</script>');

	await page.goto('/');
	const card = page.getByTestId('plan-card').filter({ hasText: evil });
	await expect(card.getByRole('heading')).toHaveText(evil);
	await expect(card).toContainText('<script>alert(2)</script>');

	await openBoard(page, planId);
	await expect(page.getByTestId('plan-title')).toHaveText(evil);
	await addField(page, '<b>fett?</b>');
	await expect(page.getByTestId('field-column').locator('.card-open')).toContainText(
		'<b>fett?</b>'
	);

	await page.goto(`/plans/${planId}/einstellungen`);
	await expect(page.getByTestId('settings-plan-title')).toHaveText(evil);

	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	await expect(page.locator('main b')).toHaveCount(0);
	expect(dialogs).toBe(0);
});

test('wer nicht Prozesssteuerung ist, sieht keine Einstellungen', async ({ page, browser }) => {
	const planId = await createPlan(page.request, 'Plan mit Einstellungen');
	const ed = await person(browser, page.request, 'Edda Bearbeiten');
	await addMember(page.request, planId, ed.user.email, 'editor');
	await openBoard(ed.page, planId);
	await expect(ed.page.getByTestId('plan-settings')).toHaveCount(0);
	// Planangaben are owner-only inside the document too (the server refuses an editor's change)
	await expect(ed.page.getByTestId('edit-plan-meta')).toHaveCount(0);
	await ed.page.goto(`/plans/${planId}/einstellungen`);
	await expect(ed.page.getByTestId('settings-denied')).toContainText('nur die Prozesssteuerung');
	await expect(ed.page.getByTestId('members')).toHaveCount(0);

	// not a member at all: like a plan that does not exist
	const other = await createPlan(page.request, 'Fremder Plan');
	await ed.page.goto(`/plans/${other}`);
	await expect(ed.page.getByTestId('board-access-error')).toContainText('keinen Zugriff');
	await ed.context.close();
});

test('Passwort ändern unter „Mein Konto“', async ({ page, browser }) => {
	const user = await createUser(page.request, 'Pia Passwort');
	const { context, page: pia } = await anonymous(browser);
	await login(context.request, user.email, user.password);
	await pia.goto('/konto');
	await expect(pia.getByTestId('account-email')).toHaveText(user.email);
	await pia.getByLabel('Aktuelles Passwort').fill('nicht-das-richtige');
	await pia.getByLabel('Neues Passwort', { exact: true }).fill('ein-neues-langes-Passwort');
	await pia.getByLabel('Neues Passwort wiederholen').fill('ein-neues-langes-Passwort');
	await pia.getByTestId('pw-submit').click();
	await expect(
		pia.getByRole('alert').filter({ hasText: 'aktuelle Passwort ist falsch' })
	).toBeVisible();
	await expect(pia.getByLabel('Aktuelles Passwort')).toBeFocused();

	await pia.getByLabel('Aktuelles Passwort').fill(user.password);
	await pia.getByTestId('pw-submit').click();
	await expect(pia.getByTestId('toast').filter({ hasText: 'Passwort geändert' })).toBeVisible();

	const again = await anonymous(browser);
	await login(again.context.request, user.email, 'ein-neues-langes-Passwort');
	await again.context.close();
	await context.close();
});
