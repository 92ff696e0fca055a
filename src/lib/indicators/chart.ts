/**
 * Geometry of an indicator chart, shared by the SVG in the app (IndicatorChart.svelte) and the
 * vector drawing in the PDF (src/lib/export/indicators.ts): d3-scale for the axes and their
 * "nice" ticks, d3-shape for the SVG paths. Units are whatever the caller draws in (px or mm).
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { indicatorSeries, type Indicator } from '../domain/indicators';

export interface ChartBox {
	width: number;
	height: number;
	/** room for the value labels left and the date labels below */
	left: number;
	right: number;
	top: number;
	bottom: number;
}

export interface ChartPoint {
	x: number;
	y: number;
	date: string;
	value: number;
}

export interface ChartGeometry {
	box: ChartBox;
	xTicks: Array<{ x: number; label: string }>;
	yTicks: Array<{ y: number; label: string }>;
	/** baseline (if any) and measured values, by date */
	points: ChartPoint[];
	/** the measured line as SVG path data ('' with fewer than 2 points) */
	path: string;
	baseline: ChartPoint | null;
	target: ChartPoint | null;
	/** dashed line from the baseline (or the first value) to the target */
	targetLine: [ChartPoint, ChartPoint] | null;
}

const yearOrMonth = (t: number, span: number) => {
	const d = new Date(t);
	return span > 3 * 365 * 86_400_000
		? String(d.getUTCFullYear())
		: `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

/** null when the indicator has no baseline, target or value yet (nothing to draw). */
export function chartGeometry(
	ind: Pick<Indicator, 'baseline' | 'target' | 'values'>,
	box: ChartBox,
	/** Intl locale of the value labels (the PDF keeps German) */
	locale = 'de-DE'
): ChartGeometry | null {
	const s = indicatorSeries(ind);
	if (!s.timeDomain || !s.valueDomain) return null;
	const x = scaleUtc()
		.domain(s.timeDomain.map((t) => new Date(t)))
		.range([box.left, box.width - box.right]);
	const y = scaleLinear()
		.domain(s.valueDomain)
		.nice(5)
		.range([box.height - box.bottom, box.top]);
	const span = s.timeDomain[1] - s.timeDomain[0];
	const at = (p: { t: number; value: number; date: string }): ChartPoint => ({
		x: x(new Date(p.t)),
		y: y(p.value),
		date: p.date,
		value: p.value
	});
	const points = s.points.map(at);
	const seen = new Set<string>();
	const xTicks = x
		.ticks(Math.max(2, Math.min(6, Math.floor((box.width - box.left - box.right) / 60))))
		.map((d) => ({ x: x(d), label: yearOrMonth(d.getTime(), span) }))
		.filter((t) => !seen.has(t.label) && seen.add(t.label));
	return {
		box,
		xTicks,
		yTicks: y
			.ticks(5)
			.map((v) => ({ y: y(v), label: v.toLocaleString(locale, { maximumFractionDigits: 2 }) })),
		points,
		path:
			points.length > 1
				? (line<ChartPoint>()
						.x((p) => p.x)
						.y((p) => p.y)(points) ?? '')
				: '',
		baseline: s.baseline ? at(s.baseline) : null,
		target: s.target ? at(s.target) : null,
		targetLine: s.targetLine ? [at(s.targetLine[0]), at(s.targetLine[1])] : null
	};
}
