/**
 * The plan settings page of the owner ("Prozesssteuerung"): members (add by e-mail, change the
 * role, the last owner stays, remove), invite links (create, link and QR code, revoke) and the
 * audit log.
 */
import { expect, test } from '@playwright/test';
import { createPlan, createUser, myName } from './support/auth';

test('Mitglieder hinzufügen, Rolle ändern, letzte Prozesssteuerung bleibt, entfernen', async ({
	page
}) => {
	const planId = await createPlan(page.request, 'Plan mit Mitgliedern');
	const maria = await createUser(page.request, 'Maria Mitglied');
	const me = await myName(page);
	await page.goto(`/plans/${planId}/einstellungen`);
	const members = page.getByTestId('members');
	await expect(members.getByTestId('member-row')).toHaveCount(1);
	await expect(members.getByTestId('member-row')).toContainText(me);

	// an e-mail without account: the same answer as with one, listed as „eingeladen“
	const add = page.getByTestId('add-member');
	await add.getByLabel('E-Mail-Adresse').fill('niemand@mitplan.test');
	await add.getByTestId('add-member-submit').click();
	const nobody = members.getByTestId('member-row').filter({ hasText: 'niemand@mitplan.test' });
	await expect(nobody.getByTestId('member-invited')).toHaveText('eingeladen');

	// not an e-mail: German message at the field
	await add.getByLabel('E-Mail-Adresse').fill('kein-at');
	await add.getByTestId('add-member-submit').click();
	await expect(add.getByRole('alert')).toContainText('gültige E-Mail-Adresse');
	await expect(add.getByLabel('E-Mail-Adresse')).toBeFocused();

	// with an account: looks the same (e-mail and „eingeladen“ until Maria signs in)
	await add.getByLabel('E-Mail-Adresse').fill(maria.email);
	await add.getByLabel('Rolle').selectOption('editor');
	await add.getByTestId('add-member-submit').click();
	await expect(
		page.getByTestId('toast').filter({ hasText: `${maria.email} ist eingeladen` })
	).toBeVisible();
	const row = members.getByTestId('member-row').filter({ hasText: maria.email });
	await expect(row.getByTestId('member-invited')).toHaveText('eingeladen');
	await expect(row).not.toContainText('Maria Mitglied');
	await expect(row.getByTestId('member-role')).toHaveValue('editor');

	await row.getByTestId('member-role').selectOption('viewer');
	await expect(
		page.getByTestId('toast').filter({ hasText: `${maria.email}: Nur lesen` })
	).toBeVisible();
	await page.reload();
	await expect(row.getByTestId('member-role')).toHaveValue('viewer');

	// the only owner cannot step down
	const mine = members.getByTestId('member-row').filter({ hasText: '(Sie)' });
	await mine.getByTestId('member-role').selectOption('editor');
	await expect(page.getByTestId('members-error')).toContainText(
		'mindestens eine Person in der Prozesssteuerung'
	);
	await expect(mine.getByTestId('member-role')).toHaveValue('owner');

	// remove with confirmation
	await row.getByTestId('member-remove').click();
	const dialog = page.getByTestId('remove-member-dialog');
	await expect(dialog).toContainText(maria.email);
	await dialog.getByTestId('remove-member-confirm').click();
	await expect(row).toHaveCount(0);
	await expect(members.getByTestId('member-row')).toHaveCount(2); // me and the invited e-mail
});

test('Einladung erstellen, Link und QR-Code zeigen, widerrufen; Protokoll', async ({ page }) => {
	const planId = await createPlan(page.request, 'Plan mit Einladungen');
	await page.goto(`/plans/${planId}/einstellungen`);
	await expect(page.getByTestId('invites-empty')).toBeVisible();

	const create = page.getByTestId('invite-create');
	await create.getByLabel('Rolle').selectOption('reviewer');
	await create.getByLabel('Gültig').selectOption('7d');
	await create.getByLabel('Höchstens so oft verwendbar').fill('0');
	await create.getByTestId('invite-submit').click();
	await expect(create.getByLabel('Höchstens so oft verwendbar')).toBeFocused();
	await expect(create.getByRole('alert')).toContainText('1 bis 1000');
	await create.getByLabel('Höchstens so oft verwendbar').fill('25');
	await create.getByLabel(/Notiz/).fill('AG Bildung, Sitzung');
	await create.getByTestId('invite-guests').check();
	await create.getByTestId('invite-submit').click();

	const link = page.getByTestId('invite-link');
	await expect(link).toBeFocused();
	expect(await link.inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/einladung\/\S+$/);
	const qr = page.getByTestId('invite-qr');
	await expect(qr).toBeVisible();
	await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml/);
	expect((await qr.boundingBox())!.width).toBeGreaterThan(200);
	await page.getByTestId('invite-big').click();
	const big = page.getByTestId('invite-qr-dialog').getByTestId('invite-qr');
	await expect(big).toBeVisible();
	expect((await big.boundingBox())!.width).toBeGreaterThan(400);
	await page.keyboard.press('Escape');

	const row = page.getByTestId('invite-row');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Prüfen und kommentieren');
	await expect(row).toContainText('AG Bildung, Sitzung');
	await expect(row).toContainText('gültig');
	await expect(row).toContainText('0/25');

	await row.getByTestId('invite-revoke').click();
	await page.getByTestId('revoke-confirm').click();
	await expect(row).toHaveAttribute('data-state', 'revoked');
	await expect(row).toContainText('widerrufen');
	await expect(row.getByTestId('invite-revoke')).toHaveCount(0);

	// the link no longer works
	const token = (await link.inputValue()).split('/einladung/')[1]!;
	const info = await page.request.get(`/api/invites/${token}`);
	expect(info.status()).toBe(410);

	const audit = page.getByTestId('audit');
	await expect(
		audit.getByTestId('audit-row').filter({ hasText: 'Einladung erstellt' })
	).toHaveCount(1);
	await expect(
		audit.getByTestId('audit-row').filter({ hasText: 'Einladung widerrufen' })
	).toHaveCount(1);
	await expect(audit.getByTestId('audit-row').first()).toContainText(await myName(page));
});
