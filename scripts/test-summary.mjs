// Prints one closing line `N passed, N failed` over the Vitest and Playwright JSON reports.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if (typeof report.numPassedTests === 'number') {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
	} else if (report.stats) {
		passed += report.stats.expected + (report.stats.flaky ?? 0);
		failed += report.stats.unexpected;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
