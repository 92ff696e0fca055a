import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Result } from './errors';
import { initPlan, readMeta, setMeta } from './meta';
import { SCHEMA_VERSION } from './types';

const codeOf = <T>(r: Result<T>) => (r.ok ? null : r.error.code);

describe('plan metadata', () => {
	it('initialises once with version, status and timestamp', () => {
		const doc = new Y.Doc();
		expect(initPlan(doc, { title: '  Integrationskonzept  ', municipality: 'Rodgau' }).ok).toBe(
			true
		);
		const meta = readMeta(doc);
		expect(meta).toMatchObject({
			schemaVersion: SCHEMA_VERSION,
			title: 'Integrationskonzept',
			municipality: 'Rodgau',
			status: 'entwurf'
		});
		expect(Number.isNaN(Date.parse(meta.createdAt))).toBe(false);
		expect(codeOf(initPlan(doc, { title: 'Nochmal' }))).toBe('already_initialized');
		expect(readMeta(doc).title).toBe('Integrationskonzept');
	});

	it('refuses a plan without title', () => {
		const doc = new Y.Doc();
		expect(codeOf(initPlan(doc, { title: '   ' }))).toBe('title_required');
		expect(doc.getMap('meta').size).toBe(0);
	});

	it('validates patches', () => {
		const doc = new Y.Doc();
		initPlan(doc, { title: 'Plan' });
		expect(codeOf(setMeta(doc, { title: '' }))).toBe('title_required');
		// Only invisible characters (zero-width space, joiner, BOM, no-break space) show nothing.
		expect(codeOf(setMeta(doc, { title: '\u200B\u200C\u200D' }))).toBe('title_required');
		expect(codeOf(setMeta(doc, { title: ' \uFEFF\u00A0\u2060 ' }))).toBe('title_required');
		expect(codeOf(initPlan(new Y.Doc(), { title: '\u200B' }))).toBe('title_required');
		expect(codeOf(setMeta(doc, { title: 'x'.repeat(201) }))).toBe('invalid_value');
		expect(codeOf(setMeta(doc, { status: 'fertig' }))).toBe('invalid_value');
		expect(codeOf(setMeta(doc, { schemaVersion: 2 }))).toBe('invalid_field');
		expect(setMeta(doc, { title: 'x'.repeat(200), status: 'beschlossen' }).ok).toBe(true);
		expect(readMeta(doc)).toMatchObject({ title: 'x'.repeat(200), status: 'beschlossen' });
	});

	it('stores a funding notice for PDF exports ("" = none)', () => {
		const doc = new Y.Doc();
		initPlan(doc, { title: 'Plan' });
		expect(readMeta(doc).fundingNotice).toBe('');
		expect(setMeta(doc, { fundingNotice: '  Gefördert vom Land Hessen.  ' }).ok).toBe(true);
		expect(readMeta(doc).fundingNotice).toBe('Gefördert vom Land Hessen.');
		expect(codeOf(setMeta(doc, { fundingNotice: 'x'.repeat(501) }))).toBe('invalid_value');
		expect(codeOf(setMeta(doc, { fundingNotice: 42 }))).toBe('invalid_value');
		expect(readMeta(doc).fundingNotice).toBe('Gefördert vom Land Hessen.');
		expect(setMeta(doc, { fundingNotice: '' }).ok).toBe(true);
		expect(readMeta(doc).fundingNotice).toBe('');
	});

	it('takes the funding notice at plan creation (optional, no default wording)', () => {
		const doc = new Y.Doc();
		const notice = '  Gefördert durch den Landkreis Offenbach.  ';
		expect(initPlan(doc, { title: 'Plan', fundingNotice: notice }).ok).toBe(true);
		expect(readMeta(doc).fundingNotice).toBe('Gefördert durch den Landkreis Offenbach.');
		const none = new Y.Doc();
		initPlan(none, { title: 'Plan' });
		expect(none.getMap('meta').get('fundingNotice')).toBe('');
		expect(codeOf(initPlan(new Y.Doc(), { title: 'P', fundingNotice: 'x'.repeat(501) }))).toBe(
			'invalid_value'
		);
	});
});
