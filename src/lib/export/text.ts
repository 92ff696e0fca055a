/**
 * Text helpers of the PDF layout: cleaning user text to what the font can show, direction
 * detection and word wrapping with an injected width function (pure, no jsPDF).
 */
import { DEFAULT_TIME_ZONE, todayIn } from '../domain/time-zone';

/** Width of a string in mm for a font style and size (pt); injected so layout stays testable. */
export type FontStyle = 'normal' | 'bold';

export interface TextMetrics {
	width(text: string, style: FontStyle, sizePt: number): number;
	/** Whether the font has a glyph for this code point (default: everything). */
	hasGlyph?(codePoint: number, style: FontStyle): boolean;
}

/** Shown for plan text that is empty or has nothing printable. */
export const EMPTY_VALUE = '—';
export const UNTITLED = 'Ohne Titel';

// Characters beyond the BMP (colour emoji, flags, skin tones: DejaVu Sans has none of them),
// joiners and variation selectors are dropped; © ™ ❤ and the like stay (the font has them). Other
// characters the font lacks become U+FFFD (DejaVu Sans has it), so text never silently vanishes.
const DROP_RE = /[\u{10000}-\u{10ffff}]|\u200d|\u20e3|[\ufe00-\ufe0f]/gu;
// C0/C1 controls except tab and newline, plus lone surrogates and private use
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Co}\p{Cs}]/gu;

/**
 * Cleans user text for drawing: normalises line breaks and spaces, drops emoji and control
 * characters, replaces characters the font cannot show. Keeps paragraph breaks ("\n").
 */
export function cleanText(text: string, hasGlyph?: (codePoint: number) => boolean): string {
	let s = String(text ?? '')
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(DROP_RE, '')
		.replace(CONTROL_RE, '')
		.replace(/\t/g, ' ')
		.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
	if (hasGlyph) {
		let out = '';
		for (const ch of s) {
			const cp = ch.codePointAt(0)!;
			out += cp === 10 || cp === 32 || hasGlyph(cp) ? ch : '\ufffd';
		}
		s = out;
	}
	return s
		.split('\n')
		.map((line) => line.replace(/ {2,}/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** One-line cleaned text (titles, table cells of one line). */
export function cleanLine(text: string, hasGlyph?: (codePoint: number) => boolean): string {
	return cleanText(text, hasGlyph).replace(/\s*\n\s*/g, ' ');
}

const RTL_RE = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const STRONG_RE = /[\p{L}]/u;

/** True if the first strong character is right-to-left (Arabic, Hebrew): align right. */
export function isRtl(text: string): boolean {
	for (const ch of text) {
		if (RTL_RE.test(ch)) return true;
		if (STRONG_RE.test(ch)) return false;
	}
	return false;
}

export function hasRtl(text: string): boolean {
	return RTL_RE.test(text);
}

/**
 * Wraps text to lines of at most `maxWidth` mm. Paragraph breaks are kept as separate lines;
 * an empty line between paragraphs is returned as ''. Words longer than a line are broken.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
	const lines: string[] = [];
	const space = measure(' ');
	const cache = new Map<string, number>();
	const w = (s: string) => {
		let v = cache.get(s);
		if (v === undefined) {
			v = measure(s);
			cache.set(s, v);
		}
		return v;
	};
	for (const para of text.split('\n')) {
		if (para.trim() === '') {
			if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
			continue;
		}
		let line = '';
		let lineWidth = 0;
		for (const word of para.split(' ')) {
			if (word === '') continue;
			const ww = w(word);
			if (line === '') {
				if (ww <= maxWidth) {
					line = word;
					lineWidth = ww;
					continue;
				}
			} else if (lineWidth + space + ww <= maxWidth) {
				line += ' ' + word;
				lineWidth += space + ww;
				continue;
			} else {
				lines.push(line);
				line = '';
				lineWidth = 0;
				if (ww <= maxWidth) {
					line = word;
					lineWidth = ww;
					continue;
				}
			}
			// a word wider than the line: break it by characters, marking each break with a hyphen
			let part = '';
			for (const ch of word) {
				if (part !== '' && measure(part + ch + '-') > maxWidth) {
					lines.push(part + '-');
					part = ch;
				} else part += ch;
			}
			line = part;
			lineWidth = measure(part);
		}
		if (line !== '') lines.push(line);
	}
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/** A wrapped line with the base direction of the paragraph it belongs to. */
export interface DirectedLine {
	text: string;
	/** right-to-left base direction (align right, bidi base level 1) */
	rtl: boolean;
}

/**
 * Like wrapText, but each line carries the base direction of its paragraph (Unicode bidi: the
 * first strong character of the *paragraph* decides, not that of the line). A wrapped line of an
 * Arabic paragraph that happens to start with a Cyrillic or Latin word stays right-to-left, and a
 * Latin paragraph after an Arabic one stays left-to-right.
 */
export function wrapDirected(
	text: string,
	maxWidth: number,
	measure: (s: string) => number
): DirectedLine[] {
	const out: DirectedLine[] = [];
	for (const para of text.split('\n')) {
		if (para.trim() === '') {
			if (out.length > 0 && out[out.length - 1].text !== '') out.push({ text: '', rtl: false });
			continue;
		}
		const rtl = isRtl(para);
		for (const line of wrapText(para, maxWidth, measure)) out.push({ text: line, rtl });
	}
	while (out.length > 0 && out[out.length - 1].text === '') out.pop();
	return out;
}

/** Shortens one line to fit `maxWidth` with an ellipsis. */
export function truncate(text: string, maxWidth: number, measure: (s: string) => number): string {
	if (measure(text) <= maxWidth) return text;
	const chars = [...text];
	let lo = 0;
	let hi = chars.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (measure(chars.slice(0, mid).join('') + '…') <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	return chars.slice(0, lo).join('').trimEnd() + '…';
}

const MONTHS = [
	'Januar',
	'Februar',
	'März',
	'April',
	'Mai',
	'Juni',
	'Juli',
	'August',
	'September',
	'Oktober',
	'November',
	'Dezember'
];

/** "2026-11-21" → "21. November 2026". */
export function formatDateLong(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2026-11-21" → "21.11.2026"; '' → ''. */
export function formatDateShort(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/**
 * Today's date in the municipality's time zone (default Europe/Berlin) as YYYY-MM-DD, not in the
 * time zone of the machine that renders (a UTC server is a day behind after midnight).
 */
export function todayIso(now: Date | number = new Date(), zone = DEFAULT_TIME_ZONE): string {
	return todayIn(zone, now);
}
