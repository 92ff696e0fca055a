/**
 * Vollständigkeit in the interface language: the open points' messages and the readiness
 * counts. $lib/domain/completeness keeps its German messages for the server and the PDF (open
 * points export); the page builds the same sentences from the point's code and `missing` fields.
 */
import { m } from '$lib/i18n';
import { fieldLabel, typeLabel } from '$lib/board/labels';
import type { OpenPoint, ReadinessCount } from '$lib/domain/completeness';
import { POINT_MESSAGES, pointMessageIn, type PointWords } from './point-message';

const UI_WORDS: PointWords = {
	say: (key, params) =>
		(POINT_MESSAGES[key] as (p: Record<string, string>) => string)(params ?? {}),
	typeName: (type) => typeLabel(type),
	fieldName: fieldLabel
};

/** What is missing, as `point.message` says it in German, in the interface language. */
export function pointMessage(p: OpenPoint): string {
	return pointMessageIn(p, UI_WORDS);
}

/** The item's name in a point: "Maßnahme „Sprachkurse“". */
export function pointItem(p: OpenPoint): string {
	const title = p.untitled ? m.completeness_untitled() : p.itemTitle;
	return m.completeness_item({ type: typeLabel(p.itemType), title });
}

/** "Gesundheit: 3 offene Punkte" / "Gesundheit: vollständig" (+ " (2 bewusst offen)"). */
export function readinessText(name: string, r: ReadinessCount): string {
	const open =
		r.open === 0 ? m.completeness_complete({ name }) : m.completeness_open({ name, count: r.open });
	return r.acknowledged > 0 ? open + m.completeness_ack_count({ count: r.acknowledged }) : open;
}
