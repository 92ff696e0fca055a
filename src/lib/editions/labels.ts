/**
 * Edition relations in the interface language ("fortgeführt" / "continued" …). The German
 * EDITION_RELATION_LABELS in $lib/domain/next-edition stay for the server and the PDF.
 */
import { m } from '$lib/i18n';
import type { EditionRelation } from '$lib/domain/next-edition';

const RELATION: Record<EditionRelation, () => string> = {
	continued: m.monitoring_relation_continued,
	completed: m.monitoring_relation_completed,
	dropped: m.monitoring_relation_dropped,
	new: m.monitoring_relation_new
};

export function relationLabel(relation: EditionRelation): string {
	return RELATION[relation]();
}
