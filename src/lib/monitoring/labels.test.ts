import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { IMPL_STATUSES, IMPL_STATUS_LABELS } from '$lib/domain/monitoring';
import { EDITION_RELATION_LABELS } from '$lib/domain/next-edition';
import { VERSION_KIND_LABELS } from '$lib/versions/types';
import { relationLabel } from '$lib/editions/labels';
import { versionKindLabel } from '$lib/versions/labels';
import { overviewFixture } from './fixtures';
import { formatDay, formatEuro, implStatusLabel, withTitles } from './labels';

const use = (locale: Locale) => overwriteGetLocale(() => locale);

describe('monitoring and version labels in the interface language', () => {
	afterEach(() => use('de'));

	it('German equals the domain tables kept for the PDF and the server', () => {
		use('de');
		for (const s of IMPL_STATUSES) expect(implStatusLabel(s)).toBe(IMPL_STATUS_LABELS[s]);
		for (const r of ['continued', 'completed', 'dropped', 'new'] as const)
			expect(relationLabel(r)).toBe(EDITION_RELATION_LABELS[r]);
		for (const k of ['named', 'auto', 'pre_restore'] as const)
			expect(versionKindLabel(k)).toBe(VERSION_KIND_LABELS[k]);
		expect(formatDay('2027-03-12')).toBe('12.03.2027');
		expect(formatEuro(1234.5).replace(/\s/g, ' ')).toBe('1.234,50 €');
	});

	it('English has its own texts and formats', () => {
		use('en');
		expect(implStatusLabel('in_umsetzung')).toBe('in progress');
		expect(relationLabel('dropped')).toBe('not continued');
		expect(versionKindLabel('pre_restore')).toBe('Before restore');
		expect(formatDay('2027-03-12')).toBe('12/03/2027');
		expect(formatEuro(1234.5)).toBe('€1,234.50');
		expect(formatEuro(null)).toBe('–');
	});

	it("names untitled measures, goals and fields of the overview (the API sends '')", () => {
		const o = overviewFixture({ title: '', office: '', note: '' });
		o.measures[0].goalTitle = '';
		use('en');
		expect(withTitles(o).measures[0]).toMatchObject({
			title: 'Untitled',
			goalTitle: 'Untitled',
			fieldTitle: 'Bildung'
		});
		use('de');
		expect(withTitles(o).measures[0]).toMatchObject({
			title: 'Ohne Titel',
			goalTitle: 'Ohne Titel'
		});
	});
});
