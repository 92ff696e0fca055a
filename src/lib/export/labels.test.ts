/** PDF labels per reader language: English for `sprache=en`, German for every other language. */
import { describe, expect, it } from 'vitest';
import { examplePlan } from './fixtures';
import { layoutPlan } from './layout';
import { parseExportOptions, type ExportOptions } from './options';

function laidText(sprache?: string): string {
	const parsed = parseExportOptions(
		sprache ? { type: 'steckbriefe', sprache } : { type: 'steckbriefe' }
	);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return JSON.stringify(
		layoutPlan(examplePlan(), parsed.value as ExportOptions, { today: '2026-12-05' })
	);
}

describe('export labels', () => {
	it('English labels with sprache=en', () => {
		const en = laidText('en');
		expect(en).toContain('Measure profile');
		expect(en).toContain('"Lead"');
		expect(en).toContain('"Target group"');
		expect(en).not.toContain('Federführung');
	});
	it('German labels without a language and for the other languages', () => {
		for (const lang of [undefined, 'ar', 'ls']) {
			const de = laidText(lang);
			expect(de, String(lang)).toContain('Maßnahmensteckbrief');
			expect(de, String(lang)).toContain('Federführung');
			expect(de, String(lang)).not.toContain('Measure profile');
		}
	});
	it('an unknown language is refused by the option parser', () => {
		const r = parseExportOptions({ sprache: 'xx' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_export_option', option: 'sprache' });
	});
});
