/**
 * The blocks of a goal's indicators in the PDF (issue 14, item 3): per indicator its name with
 * unit, the chart (drawn by indicator-boxes.ts) and the values as one line of text.
 */
import { deDate, deNumber, type Indicator } from '../domain/indicators';
import type { Block } from './blocks';

export function indicatorBlocks(
	indicators: readonly Indicator[],
	goalId: string,
	line: (s: string) => string
): Block[] {
	return indicators
		.filter((i) => i.goalId === goalId)
		.map((ind) => {
			const unit = ind.unit ? ` ${line(ind.unit)}` : '';
			const v = (n: number) => `${deNumber(n)}${unit}`;
			const parts = [
				ind.baseline ? `Ausgangswert ${v(ind.baseline.value)} (${deDate(ind.baseline.date)})` : '',
				...ind.values.map(
					(m) => `${deDate(m.date)}: ${v(m.value)}${m.source ? ` (${line(m.source)})` : ''}`
				),
				ind.target ? `Zielwert ${v(ind.target.value)} bis ${deDate(ind.target.date)}` : ''
			].filter(Boolean);
			return {
				kind: 'indicator' as const,
				title: `Indikator: ${line(ind.name)}${ind.unit ? ` (${line(ind.unit)})` : ''}`,
				indicator: ind,
				values: parts.length ? `Werte: ${parts.join(' · ')}` : 'Noch keine Werte erfasst.'
			};
		});
}
