/**
 * The legal pages: templates filled from the settings, files from LEGAL_DIR, and Markdown rendered
 * without raw HTML or unsafe links.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLegalPages, renderLegalMarkdown } from './pages';

describe('legal pages', () => {
	it('fill the templates with operator and contact, and say when they are still templates', async () => {
		const bare = await loadLegalPages({});
		expect(bare.impressum.configured).toBe(false);
		expect(bare.impressum.html).toContain('bitte LEGAL_OPERATOR setzen');
		expect(bare.datenschutz.html).toContain('<h1>Datenschutzerklärung</h1>');

		const filled = await loadLegalPages({
			operator: 'Stadt Beispielstadt | Marktplatz 1 | 12345 Beispielstadt',
			contact: 'integration@beispielstadt.de, 01234 5678'
		});
		expect(filled.impressum.configured).toBe(true);
		expect(filled.impressum.html).toContain(
			'Stadt Beispielstadt<br>Marktplatz 1<br>12345 Beispielstadt'
		);
		expect(filled.barrierefreiheit.html).toContain('integration@beispielstadt.de');
		expect(filled.datenschutz.html).not.toContain('LEGAL_');
	});

	it('take a page from LEGAL_DIR and keep the others from the template', async () => {
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-legal-'));
		try {
			await fs.writeFile(path.join(dir, 'impressum.md'), '# Impressum\n\nLandkreis Muster');
			const pages = await loadLegalPages({ dir, operator: 'Kreis' });
			expect(pages.impressum.html).toContain('Landkreis Muster');
			expect(pages.impressum.configured).toBe(true);
			expect(pages.datenschutz.html).toContain('Kreis');
		} finally {
			await fs.rm(dir, { recursive: true, force: true });
		}
	});

	it('show raw HTML as text and drop unsafe links', () => {
		const html = renderLegalMarkdown(
			'<script>alert(1)</script>\n\n[Klick](javascript:alert(1)) [Web](https://example.org) ' +
				'<img src=x onerror=alert(1)> ![bild](https://tracker.example/x.png)'
		);
		expect(html).not.toMatch(/<script|<img|javascript:|onerror=(?!alert)/i);
		expect(html).toContain('&#60;script&#62;');
		expect(html).toContain('<a href="https://example.org">Web</a>');
		expect(html).toContain('Klick');
	});
});
