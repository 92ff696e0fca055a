import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Where the specs put their screenshots. */
export const SHOTS = process.env.MITPLAN_SHOTS_DIR ?? '/tmp/shots';

/** axe (WCAG 2.1 A/AA) on the whole page: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, what: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	const report = serious.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
	expect(report, `axe violations on ${what}`).toEqual([]);
}
