/**
 * Guests under the plan's members (issue 12 item 10): the owner sees who joined as a guest and
 * removes one; that guest is told why their access ended instead of a bare login page – also
 * while the board is open (invite revoked in another browser, or expired).
 */
import { expect, test, type Browser } from '@playwright/test';
import { anonymous, createInvite, createPlan } from './support/auth';

/** A guest (own browser context) who joined through `token` and has the board open, online. */
async function guestOnBoard(browser: Browser, token: string, planId: string, name: string) {
	const guest = await anonymous(browser);
	await guest.page.goto(`/einladung/${token}`);
	await guest.page.locator('html[data-hydrated]').waitFor();
	await guest.page.getByLabel('Ihr Name').fill(name);
	await guest.page.getByTestId('guest-join').click();
	await expect(guest.page).toHaveURL(new RegExp(`/plans/${planId}$`));
	await expect(guest.page.getByTestId('connection-status')).toHaveAttribute(
		'data-status',
		'online'
	);
	return guest;
}

test('Gäste stehen bei den Mitgliedern, einzeln entfernbar – der Gast erfährt warum', async ({
	page,
	browser
}) => {
	const planId = await createPlan(page.request, 'Plan mit zwei Gästen');
	const invite = await createInvite(page.request, planId, { allowGuests: true, maxUses: 5 });

	const guests = [];
	for (const name of ['Gabi Gast', 'Gerd Gast']) {
		const guest = await anonymous(browser);
		await guest.page.goto(`/einladung/${invite.token}`);
		await guest.page.locator('html[data-hydrated]').waitFor();
		await guest.page.getByLabel('Ihr Name').fill(name);
		await guest.page.getByTestId('guest-join').click();
		await expect(guest.page).toHaveURL(new RegExp(`/plans/${planId}$`));
		guests.push(guest);
	}

	await page.goto(`/plans/${planId}/einstellungen`);
	const list = page.getByTestId('guests');
	await expect(list.getByTestId('guest-row')).toHaveCount(2);
	const gabi = list.getByTestId('guest-row').filter({ hasText: 'Gabi Gast' });
	await gabi.getByRole('button', { name: 'Entfernen – Gabi Gast' }).click();
	await page.getByTestId('remove-guest-confirm').click();
	await expect(list.getByTestId('guest-row')).toHaveCount(1);
	await expect(list).toContainText('Gerd Gast');

	// Gabi opens the plan again: a clear German explanation
	await guests[0].page.goto(`/plans/${planId}`);
	await expect(guests[0].page).toHaveURL(/\/gast-beendet\?grund=guest_removed$/);
	await expect(guests[0].page.getByRole('heading', { level: 1 })).toHaveText('Gastzugang beendet');
	await expect(guests[0].page.getByTestId('guest-ended')).toContainText('Gastzugang beendet');
	// Gerd is still in
	await guests[1].page.goto(`/plans/${planId}`);
	await expect(guests[1].page.getByTestId('guest-badge')).toHaveText('Gast');

	// the invite is revoked: Gerd learns that too
	await page.request.delete(`/api/plans/${planId}/invites/${invite.id}`);
	await guests[1].page.goto(`/plans/${planId}`);
	await expect(guests[1].page.getByTestId('guest-ended')).toContainText('zurückgezogen');
	for (const g of guests) await g.context.close();
});

test('Einladung widerrufen, während der Gast die Tafel offen hat: der Gast landet auf „Gastzugang beendet“', async ({
	page,
	browser
}) => {
	const planId = await createPlan(page.request, 'Plan mit offenem Gast');
	const invite = await createInvite(page.request, planId, { allowGuests: true });
	const guest = await guestOnBoard(browser, invite.token, planId, 'Gina Gast');

	// the owner revokes the invite in their own browser, through the settings page
	await page.goto(`/plans/${planId}/einstellungen`);
	const row = page.getByTestId('invite-row').first();
	await row.getByTestId('invite-revoke').click();
	await page.getByTestId('revoke-confirm').click();
	await expect(row).toHaveAttribute('data-state', 'revoked');

	// without reloading: the guest's page goes to the explanation
	await expect(guest.page).toHaveURL(/\/gast-beendet\?grund=invite_revoked$/, { timeout: 15_000 });
	await expect(guest.page.getByTestId('guest-ended')).toContainText('zurückgezogen');
	await guest.context.close();
});

test('Einladung läuft ab, während der Gast die Tafel offen hat: „abgelaufen“ statt Anmeldeseite', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000); // the invite must outlast joining and connecting on a busy machine
	const planId = await createPlan(page.request, 'Plan mit kurzer Einladung');
	const invite = await createInvite(page.request, planId, {
		allowGuests: true,
		expiresAt: Date.now() + 25_000
	});
	const guest = await guestOnBoard(browser, invite.token, planId, 'Kurt Kurzzeit');

	await expect(guest.page).toHaveURL(/\/gast-beendet\?grund=invite_expired$/, { timeout: 40_000 });
	await expect(guest.page.getByTestId('guest-ended')).toContainText('abgelaufen');
	// opening the plan again later says the same (the cookie outlives the access)
	await guest.page.goto(`/plans/${planId}`);
	await expect(guest.page).toHaveURL(/\/gast-beendet\?grund=invite_expired$/);
	await guest.context.close();
});
