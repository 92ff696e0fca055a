/**
 * Gender-neutral wording (issue 12 item 11): user-facing texts (Svelte pages and components, the
 * server's German error messages) say "Sie verwalten Mitplan" or "die Administration", not
 * "als Administrator" or "Benutzer". Comments and identifiers are not user-facing and are skipped.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Masculine-generic person nouns that have a neutral alternative in Mitplan's wording. */
const GENDERED =
	/\b(Administrator(en)?|Benutzer[ns]?|Nutzer[ns]?|Teilnehmer[ns]?|Prüfer[ns]?|Eigentümer[ns]?|Bearbeiter[ns]?|Besitzer[ns]?|Ersteller[ns]?|Verfasser[ns]?)\b/;

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return files(full, ext);
		return ext.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
	});
}

/** Lines that are not comments (a rough cut, enough for German words inside strings/markup). */
function textLines(source: string): string[] {
	return source
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.split('\n')
		.filter((line) => !line.trim().startsWith('//'));
}

describe('gender-neutral UI wording', () => {
	const sources = [
		...files('src', /\.svelte$/),
		...files('src/lib', /\.ts$/).filter((f) => /labels|messages|errors/.test(f)),
		// interface texts moved into the German message files (README „Sprachen“)
		...files('messages', /^de\.json$/),
		'server/auth/messages.ts'
	];

	it('finds the files it checks', () => {
		expect(sources.length).toBeGreaterThan(20);
	});

	it('uses no masculine-generic person nouns in user-facing text', () => {
		const hits: string[] = [];
		for (const file of sources) {
			textLines(readFileSync(file, 'utf8')).forEach((line) => {
				const match = GENDERED.exec(line);
				if (match) hits.push(`${file}: ${match[0]} – ${line.trim()}`);
			});
		}
		expect(hits).toEqual([]);
	});
});
