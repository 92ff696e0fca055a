/** The appendix "Offene Punkte (für die Kerngruppe)": its content builder and a real PDF read back. */
import { describe, expect, it } from 'vitest';
import type { Block } from './blocks';
import { examplePlan } from './fixtures';
import { exportPlanPdfNode } from './node';
import { exportCompleteness, OPEN_POINTS_TITLE, openPointsBlocks } from './open-points';
import { exportLabels } from './labels';
import { parseExportOptions } from './options';
import { readPdf } from './pdf-reader';

const same = (s: string) => s;
const texts = (blocks: Block[]): string[] =>
	blocks.flatMap((b) => {
		switch (b.kind) {
			case 'heading':
			case 'paragraph':
			case 'label':
				return [b.text];
			case 'grid':
				return b.rows.flatMap((r) => r.cells);
			default:
				return [];
		}
	});

/** The example plan with three gaps: lead and resources of 2.1.1, the target group of 3.1.1. */
function gappy() {
	const plan = examplePlan();
	const a = plan.fields[0].goals[0].measures[0];
	a.lead = '';
	a.resources = '';
	const b = plan.fields[1].goals[0].measures[0];
	b.targetGroup = ' ';
	return { plan, a, b };
}

describe('openPointsBlocks', () => {
	it('lists the open points per field and the acknowledged ones with their reason apart', () => {
		const { plan, a, b } = gappy();
		const result = exportCompleteness(plan, undefined, {
			[`measure.lead:${a.id}`]: { reason: 'Klärt der Ausschuss', by: 'Anna Admin', at: 'x' }
		});
		const blocks = openPointsBlocks(plan, result, same);
		expect(blocks[0]).toEqual({ kind: 'pageBreak' });
		const all = texts(blocks);
		expect(all[0]).toBe(OPEN_POINTS_TITLE);
		expect(all).toContain(`2 ${plan.fields[0].title}: 1 offener Punkt`);
		expect(all).toContain(`3 ${plan.fields[1].title}: 1 offener Punkt`);
		// open: resources of a, target group of b; acknowledged: the lead of a
		const grids = blocks.filter((x) => x.kind === 'grid');
		expect(grids).toHaveLength(3);
		const [first, second, acked] = grids.map((g) => (g.kind === 'grid' ? g.rows : []));
		expect(first).toEqual([
			{ cells: [`Maßnahme „${a.title}“`, 'Keine Ressourcen angegeben: Geld, Personal, Räume (4).'] }
		]);
		expect(second[0].cells).toEqual([`Maßnahme „${b.title}“`, 'Keine Zielgruppe angegeben (1).']);
		expect(acked).toEqual([
			{
				cells: [
					`2 ${plan.fields[0].title}`,
					`Maßnahme „${a.title}“`,
					'Keine Federführung angegeben (3).',
					'Klärt der Ausschuss (Anna Admin)'
				]
			}
		]);
		expect(all.join(' ')).toContain('Gesamter Plan: 2 offene Punkte (1 bewusst offen)');
	});

	it('words the missing pieces in English for sprache=en, open and acknowledged', () => {
		const { plan, a, b } = gappy();
		b.startDate = '';
		b.endDate = '';
		const result = exportCompleteness(plan, undefined, {
			[`measure.lead:${a.id}`]: { reason: 'Klärt der Ausschuss', by: 'Anna Admin', at: 'x' }
		});
		const all = texts(openPointsBlocks(plan, result, same, exportLabels('en'))).join(' ');
		expect(all).toContain('No resources given: money, staff, rooms (4).');
		expect(all).toContain('No target group given (1).');
		expect(all).toContain('No lead responsibility given (3).'); // the acknowledged one
		expect(all).toContain('Start and end are missing (5).');
		for (const german of ['Keine ', 'angegeben', 'fehlen']) expect(all).not.toContain(german);
	});

	it('says so when nothing is open and nothing acknowledged', () => {
		const plan = examplePlan();
		const all = texts(openPointsBlocks(plan, exportCompleteness(plan, undefined, undefined), same));
		expect(all).toContain('Keine offenen Punkte.');
		expect(all).toContain('Kein Punkt ist als „bewusst offen“ markiert.');
	});

	it('reports a missing verdict in Phase D only when the check data is known', () => {
		const plan = examplePlan();
		plan.fields[0].phase = 'D';
		const without = exportCompleteness(plan, undefined, undefined);
		expect(without.points.some((p) => p.code === 'measure.verdict')).toBe(false);
		const m = plan.fields[0].goals[0].measures[0];
		const known = exportCompleteness(plan, {}, undefined);
		expect(known.points.filter((p) => p.code === 'measure.verdict').map((p) => p.itemId)).toContain(
			m.id
		);
	});
});

describe('the appendix in a real PDF', () => {
	const render = async (openPoints: boolean) => {
		const { plan } = gappy();
		const parsed = parseExportOptions({ type: 'zwischenbericht', openPoints });
		if (!parsed.ok) throw new Error(parsed.error.message);
		const result = exportPlanPdfNode(plan, parsed.value, { today: '2026-11-21' });
		if (!result.ok) throw new Error(result.error.message);
		return (await readPdf(result.value.bytes)).pages.join(' ').replace(/\s+/g, ' ');
	};

	it('is there with the option and not without', async () => {
		const withIt = await render(true);
		expect(withIt).toContain(OPEN_POINTS_TITLE);
		expect(withIt).toContain('Keine Federführung angegeben (3).');
		const without = await render(false);
		expect(without).not.toContain(OPEN_POINTS_TITLE);
		expect(without).not.toContain('Keine Federführung');
	});
});
