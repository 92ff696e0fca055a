/**
 * The appendices of the plan PDF after the chapters (layout.ts), in this order: Zeitplan der
 * Maßnahmen (timeline.ts), Abwägungstabelle (consideration.ts), Offene Punkte (open-points.ts),
 * Beschlussliste (decision-log.ts) – each only when the options ask for it.
 */
import type { PlanJson } from '../domain/types';
import type { Block } from './blocks';
import { considerationBlocks } from './consideration';
import { decisionLogBlocks } from './decision-log';
import type { ExportLabels } from './labels';
import type { LayoutEnv } from './layout-types';
import { exportCompleteness, openPointsBlocks } from './open-points';
import type { ExportOptions } from './options';
import { timelineBlocks, timelineWanted } from './timeline';

export function appendixBlocks(args: {
	plan: PlanJson;
	options: ExportOptions;
	env: LayoutEnv;
	/** whether only some Handlungsfelder are exported */
	selection: boolean;
	line: (s: string) => string;
	text: (s: string) => string;
	labels: ExportLabels;
}): Block[] {
	const { plan, options, env, line, text, labels } = args;
	const blocks: Block[] = [];
	if (timelineWanted(options)) {
		blocks.push(...timelineBlocks(plan, args.selection ? options.fields : [], line, labels));
	}
	if (options.consideration) {
		blocks.push(...considerationBlocks(env.consideration ?? [], line, labels));
	}
	if (options.openPoints) {
		const result = exportCompleteness(plan, env.checks, env.acknowledged);
		blocks.push(...openPointsBlocks(plan, result, line, labels));
	}
	if (options.decisionLog)
		blocks.push(...decisionLogBlocks(env.decisionLog ?? [], line, text, labels.locale));
	return blocks;
}
