/**
 * Guests under the plan's members (issue 12 item 10): the owner sees who joined as a guest and
 * removes one; that guest is told why their access ended instead of a bare login page.
 */
import { expect, test } from '@playwright/test';
import { anonymous, createInvite, createPlan } from './support/auth';

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
