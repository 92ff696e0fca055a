/**
 * The settings lists (members, guests, invites) share one confirm-before-removing flow
 * (ConfirmRemove), one remove button (RemoveButton) and, for the two lists, one row (ListRow);
 * fails when a list brings back its own dialog, footer or row markup. Their behaviour is
 * covered end to end by tests/e2e/settings.spec.ts and tests/e2e/guests.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = (name: string) => readFileSync(`src/lib/settings/${name}.svelte`, 'utf8');

describe('settings lists share their parts', () => {
	it.each(['MembersSection', 'GuestsList', 'InvitesList'])('%s', (name) => {
		const src = source(name);
		expect(src).toContain("import ConfirmRemove from './ConfirmRemove.svelte'");
		expect(src).toMatch(/<ConfirmRemove\b/);
		// no own dialog, confirm footer, remove flow or red row button
		expect(src).not.toMatch(/<Dialog\b/);
		expect(src).not.toMatch(/btn-danger|btn-ghost danger/);
		expect(src).not.toMatch(/invalidate\('app:settings'\);\s*document\.getElementById/);
	});

	it.each(['MembersSection', 'GuestsList'])('%s uses the shared row', (name) => {
		const src = source(name);
		expect(src).toMatch(/<ListRow\b/);
		expect(src).not.toMatch(/<li\b/);
	});

	it('the shared parts hold the markup once', () => {
		expect(source('ConfirmRemove')).toMatch(/<Dialog\b[\s\S]*btn-danger/);
		expect(source('ListRow')).toMatch(/<li\b[\s\S]*<RemoveButton\b/);
		expect(source('InvitesList')).toMatch(/<RemoveButton\b/);
	});
});
