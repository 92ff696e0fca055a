/**
 * The blocks of a goal's indicators in the PDF (issue 14, item 3): per indicator its name with
 * unit, the chart (drawn by indicator-boxes.ts) and the values as one line of text, in the PDF's
 * label language (labels.ts).
 */
import { deDate, type Indicator } from '../domain/indicators';
import type { Block } from './blocks';
import { numberIn, pdfText, type LabelLocale } from './labels';

export function indicatorBlocks(
	indicators: readonly Indicator[],
	goalId: string,
	line: (s: string) => string,
	locale: LabelLocale = 'de'
): Block[] {
	const t = pdfText(locale);
	return indicators
		.filter((i) => i.goalId === goalId)
		.map((ind) => {
			const unit = ind.unit ? ` ${line(ind.unit)}` : '';
			const v = (n: number) => `${numberIn(locale, n)}${unit}`;
			const parts = [
				ind.baseline
					? t('pdf_indicator_baseline', {
							value: v(ind.baseline.value),
							date: deDate(ind.baseline.date)
						})
					: '',
				...ind.values.map(
					(m) => `${deDate(m.date)}: ${v(m.value)}${m.source ? ` (${line(m.source)})` : ''}`
				),
				ind.target
					? t('pdf_indicator_target', { value: v(ind.target.value), date: deDate(ind.target.date) })
					: ''
			].filter(Boolean);
			return {
				kind: 'indicator' as const,
				title: t('pdf_indicator', {
					name: `${line(ind.name)}${ind.unit ? ` (${line(ind.unit)})` : ''}`
				}),
				indicator: ind,
				values: parts.length
					? t('pdf_indicator_values', { values: parts.join(' · ') })
					: t('pdf_indicator_none'),
				legend: { values: t('pdf_indicator_measured'), target: t('pdf_indicator_target_path') }
			};
		});
}
