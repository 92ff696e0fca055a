import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime';
import { commentCountLabel, formatDay, reviewSummaryLabel } from './derive';
import { checkHolderText, outcomeLabel, overdueSuffix, verdictLabel } from './labels';

const english = () => overwriteGetLocale(() => 'en');

describe('review labels in the interface language', () => {
	afterEach(() => overwriteGetLocale(() => baseLocale));

	it('stay German by default', () => {
		expect(formatDay('2026-11-21')).toBe('21.11.2026');
		expect(verdictLabel('changes_requested')).toBe('Änderungen erbeten');
		expect(outcomeLabel('conditional')).toBe('Umsetzbar unter Bedingungen');
		expect(checkHolderText({ office: '', department: null })).toBe('Unbekannte Stelle');
		expect(overdueSuffix(true)).toBe(' (überfällig)');
	});

	it('speak English', () => {
		english();
		expect(formatDay('2026-11-21')).toBe('21/11/2026');
		expect(formatDay('kein Datum')).toBe('kein Datum');
		expect(verdictLabel('approved')).toBe('Approved');
		expect(outcomeLabel('not_feasible')).toBe('Not feasible');
		expect(checkHolderText({ office: ' Sozialamt ', department: null })).toBe('Sozialamt');
		expect(checkHolderText({ office: '', department: null })).toBe('Unknown office');
		expect(overdueSuffix(true)).toBe(' (overdue)');
		expect(overdueSuffix(false)).toBe('');
		expect(commentCountLabel(1)).toBe('1 open comment');
		expect(commentCountLabel(3)).toBe('3 open comments');
		const base = { requests: [], reviewers: [], changesRequested: 0 };
		expect(reviewSummaryLabel({ ...base, approved: 1, total: 3, state: 'pending' })).toBe(
			'1 of 3 approved'
		);
		expect(reviewSummaryLabel({ ...base, approved: 2, total: 2, state: 'approved' })).toBe(
			'Approved (2 of 2)'
		);
	});
});
