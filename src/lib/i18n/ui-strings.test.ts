/**
 * No interface text in markup outside the message files: files converted to messages stay clean,
 * and the files not converted yet (ui-strings-baseline.json) may only lose text, never gain it.
 * After converting a file: `npx tsx scripts/ui-strings-baseline.ts`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countUiStrings, findUiStrings, isUiText, listSvelteFiles } from './ui-strings';
import baseline from './ui-strings-baseline.json';
import de from '../../../messages/de.json';
import en from '../../../messages/en.json';

const allowed = baseline as Record<string, number>;

describe('finding interface text in markup', () => {
	it('sees text nodes, text attributes and rendered literals, not code or other attributes', () => {
		const found = findUiStrings(`<script>const a = 'Im Skript';</script>
<h1 title="Titel">Überschrift</h1>
<button aria-label={busy ? 'Lädt' : m.x()} class="btn primary" data-testid="save-button">{m.y()}</button>
<p>{status === 'Offen' ? m.open() : 'Geschlossen'}</p>
<p>{n} × – …</p><span>Mitplan</span>
<style>p { color: red; }</style>`);
		expect(found.map((f) => f.text)).toEqual(['Titel', 'Überschrift', 'Lädt', 'Geschlossen']);
		expect(found[0].line).toBe(2);
	});

	it('treats names that are the same in every language as no text', () => {
		expect(isUiText('– Mitplan')).toBe(false);
		expect(isUiText('PDF')).toBe(false);
		expect(isUiText('PDF herunterladen')).toBe(true);
	});
});

describe('the interface text lives in the message files', () => {
	const files = listSvelteFiles('src');

	it('finds the Svelte files', () => {
		expect(files.length).toBeGreaterThan(100);
		expect(files).toContain('src/routes/+layout.svelte');
	});

	it('has no text in the markup of files that are not listed as unconverted', () => {
		const offenders = files
			.filter((f) => !(f in allowed))
			.map((f) => ({ file: f, found: findUiStrings(readFileSync(f, 'utf8')) }))
			.filter((o) => o.found.length > 0)
			.map((o) => `${o.file}:${o.found[0].line} „${o.found[0].text}“ (${o.found.length}×)`);
		expect(offenders).toEqual([]);
	});

	it('lets unconverted files only lose text; converted ones leave the list', () => {
		const grown: string[] = [];
		const done: string[] = [];
		for (const [file, count] of Object.entries(allowed)) {
			const now = files.includes(file) ? countUiStrings(file) : 0;
			if (now > count) grown.push(`${file}: ${count} → ${now}`);
			if (now === 0) done.push(file);
		}
		expect(grown).toEqual([]);
		expect(done).toEqual([]);
	});

	it('has the same messages in German and English, none empty', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
		for (const [key, text] of [...Object.entries(de), ...Object.entries(en)])
			expect(typeof text === 'string' ? text.trim() : key, key).not.toBe('');
	});
});
