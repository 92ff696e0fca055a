import { describe, expect, it } from 'vitest';
import {
	cleanLine,
	cleanText,
	formatDateLong,
	isRtl,
	todayIso,
	truncate,
	wrapDirected,
	wrapText
} from './text';

const mono = (s: string) => [...s].length; // 1 mm per character

describe('cleanText', () => {
	it('keeps umlauts, quotes, dashes and all our scripts', () => {
		const s = 'Größe „Zitat“ – Straße · İstanbul ğ · Zażółć · Ґанок · Съешь · مرحبا';
		expect(cleanText(s)).toBe(s);
	});

	it('drops emoji, joiners, variation selectors and control characters', () => {
		expect(cleanText('👩‍👩‍👧 Familie 🇩🇪\u0007 ok 🎉')).toBe('Familie ok');
		expect(cleanText('Stadt ❤️ Vielfalt © ™')).toBe('Stadt ❤ Vielfalt © ™');
		expect(cleanLine('🎉🎉')).toBe('');
	});

	it('normalises line breaks, keeps paragraphs, collapses blank lines and spaces', () => {
		expect(cleanText('a\r\nb\r\rc\n\n\n\nd\t  e ')).toBe('a\nb\n\nc\n\nd e');
		expect(cleanLine('a\nb')).toBe('a b');
	});

	it('replaces characters the font cannot show', () => {
		expect(cleanText('a中b', (cp) => cp < 0x3000)).toBe('a\ufffdb');
	});
});

describe('wrapText', () => {
	it('wraps at word boundaries within the width', () => {
		const lines = wrapText('eins zwei drei vier fünf', 10, mono);
		expect(lines).toEqual(['eins zwei', 'drei vier', 'fünf']);
		for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(10);
	});

	it('breaks words longer than a line', () => {
		expect(wrapText('Donaudampfschifffahrt', 8, mono)).toEqual(['Donauda-', 'mpfschi-', 'fffahrt']);
	});

	it('keeps paragraph breaks as an empty line', () => {
		expect(wrapText('a\n\nb\nc', 10, mono)).toEqual(['a', '', 'b', 'c']);
	});

	it('wraps 10,000 characters without losing any', () => {
		const words = Array.from({ length: 2000 }, (_, i) => `w${i}`);
		const lines = wrapText(words.join(' '), 60, mono);
		expect(lines.join(' ').split(' ')).toEqual(words);
	});
});

describe('helpers', () => {
	it('detects right-to-left text by its first strong character', () => {
		expect(isRtl('مرحبا Welt')).toBe(true);
		expect(isRtl('2025 مرحبا')).toBe(true);
		expect(isRtl('Leitung: مرحبا')).toBe(false);
	});

	it('truncates with an ellipsis', () => {
		expect(truncate('Integrationskonzept', 8, mono)).toBe('Integra…');
		expect(truncate('kurz', 8, mono)).toBe('kurz');
	});

	it('formats dates in German', () => {
		expect(formatDateLong('2026-03-01')).toBe('1. März 2026');
	});

	it("dates the cover by today in Germany, not the server's UTC day", () => {
		// 00:30 in Berlin on 21 November, still 20 November in UTC
		const now = new Date('2026-11-20T23:30:00Z');
		expect(todayIso(now)).toBe('2026-11-21');
		expect(todayIso(now, 'UTC')).toBe('2026-11-20');
	});

	it('gives every wrapped line the direction of its paragraph, not of its first word', () => {
		const ar = 'مرحبا بكم في مدينتنا';
		const text = `${ar} Встреча в ратуше\n\nGerman text ${ar}`;
		const lines = wrapDirected(text, 12, mono);
		expect(lines.map((l) => l.text)).toEqual(wrapText(text, 12, mono));
		const continued = lines.find((l) => l.text.startsWith('Встреча'));
		expect(continued).toEqual({ text: expect.any(String), rtl: true });
		expect(isRtl(continued!.text)).toBe(false); // what a per-line guess would have said
		expect(lines.find((l) => l.text.startsWith('German'))?.rtl).toBe(false);
		expect(lines.at(-1)?.rtl).toBe(false); // an Arabic word ending a German paragraph
	});
});
