// Rewrites src/lib/i18n/ui-strings-baseline.json: per .svelte file that still has interface text
// in its markup, how many places (the list that ui-strings.test.ts lets shrink, never grow).
//   npx tsx scripts/ui-strings-baseline.ts
import { writeFileSync } from 'node:fs';
import { countUiStrings, listSvelteFiles } from '../src/lib/i18n/ui-strings';

const files = listSvelteFiles('src');
const baseline: Record<string, number> = {};
for (const file of files) {
	const count = countUiStrings(file);
	if (count > 0) baseline[file] = count;
}
writeFileSync('src/lib/i18n/ui-strings-baseline.json', JSON.stringify(baseline, null, '\t') + '\n');
console.log(
	`${Object.keys(baseline).length} of ${files.length} files still have interface text in markup`
);
