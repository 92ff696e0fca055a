/** Rows for the PDF appendix "Abwägungstabelle" when the browser makes the PDF (ExportDialog). */
import { m } from '$lib/i18n';
import { feedbackApi } from './api';
import type { ConsiderationRow } from './types';

export async function considerationRows(
	planId: string,
	wanted: boolean
): Promise<
	{ ok: true; value: { consideration?: ConsiderationRow[] } } | { ok: false; message: string }
> {
	if (!wanted) return { ok: true, value: {} };
	const rows = await feedbackApi.consideration(planId);
	if (!rows.ok) {
		return {
			ok: false,
			message: m.feedback_consideration_load_failed({ error: rows.error.message })
		};
	}
	// no names in documents for the council
	return { ok: true, value: { consideration: rows.value.map((r) => ({ ...r, name: '' })) } };
}
