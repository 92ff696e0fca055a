/**
 * Every text of the public progress page (/umsetzung/<token>) and its error page in one place,
 * in the reader's interface language (cookie `mitplan_lang`, else the browser's; the page is
 * rendered on the server): texts in messages/monitoring (`monitoring_public_…`), German as
 * before. Status labels come from the shared vocabulary. The service's German 404 message
 * (server/monitoring/publication.ts) is translated at the API boundary by its code.
 */
import type { InterfaceLocale } from '../contract/languages';
import { IMPL_STATUS_LABELS, germanDay, type ImplStatus } from '../domain/monitoring';
import * as t from '../paraglide/messages/_index.js';

const STATUS_EN: Record<ImplStatus, (i: object, o: { locale: InterfaceLocale }) => string> = {
	nicht_begonnen: t.monitoring_status_nicht_begonnen,
	geplant: t.monitoring_status_geplant,
	in_umsetzung: t.monitoring_status_in_umsetzung,
	verzoegert: t.monitoring_status_verzoegert,
	umgesetzt: t.monitoring_status_umgesetzt,
	dauerhaft_etabliert: t.monitoring_status_dauerhaft_etabliert,
	eingestellt: t.monitoring_status_eingestellt,
	unbekannt: t.monitoring_status_unbekannt
};

function texts(locale: InterfaceLocale) {
	const o = { locale };
	const intl = locale === 'en' ? 'en-GB' : 'de-DE';
	return {
		pageTitle: (plan: string) => t.monitoring_public_page_title({ plan }, o),
		heading: t.monitoring_public_heading({}, o),
		intro: t.monitoring_public_intro({}, o),
		adopted: (date: string, body: string, reference: string) =>
			t.monitoring_public_adopted({ date, body, reference }, o),
		asOf: (date: string) => t.monitoring_public_as_of({ date }, o),
		overview: t.monitoring_public_overview({}, o),
		reportPdf: t.monitoring_public_report_pdf({}, o),
		measuresShown: (n: number) =>
			n === 1
				? t.monitoring_public_measures_one({}, o)
				: t.monitoring_public_measures_other({ count: n.toLocaleString(intl) }, o),
		averageProgress: t.monitoring_public_average_progress({}, o),
		noProgress: t.monitoring_public_no_progress({}, o),
		statusCounts: t.monitoring_public_status_counts({}, o),
		status: t.monitoring_public_status({}, o),
		count: t.monitoring_public_count({}, o),
		contents: t.monitoring_public_contents({}, o),
		field: t.monitoring_public_field({}, o),
		goal: t.monitoring_public_goal({}, o),
		indicators: t.monitoring_public_indicators({}, o),
		measures: t.monitoring_public_measures({}, o),
		noMeasures: t.monitoring_public_no_measures({}, o),
		progress: t.monitoring_public_progress({}, o),
		milestones: (done: number, total: number) => t.monitoring_public_milestones({ done, total }, o),
		office: t.monitoring_public_office({}, o),
		latestNote: (date: string) => t.monitoring_public_latest_note({ date }, o),
		noNote: t.monitoring_public_no_note({}, o),
		description: t.monitoring_public_description({}, o),
		baseline: t.monitoring_public_baseline({}, o),
		target: t.monitoring_public_target({}, o),
		measured: t.monitoring_public_measured({}, o),
		valuesCaption: (name: string) => t.monitoring_public_values_caption({ name }, o),
		date: t.monitoring_public_date({}, o),
		value: t.monitoring_public_value({}, o),
		kind: t.monitoring_public_kind({}, o),
		notFoundTitle: t.monitoring_public_not_found_title({}, o),
		errorTitle: t.monitoring_public_error_title({}, o),
		error: t.monitoring_public_error({}, o),
		notFound: t.monitoring_public_not_found({}, o),
		/** An entry without a title (the model leaves it ''). */
		untitled: t.monitoring_public_untitled({}, o),
		/** A YYYY-MM-DD day: „05.12.2026“ / “05/12/2026”. */
		day: (iso: string) => {
			if (locale === 'de') return germanDay(iso);
			const [y, mo, d] = iso.split('-').map(Number);
			if (!y || !mo || !d) return iso;
			return new Intl.DateTimeFormat(intl, {
				timeZone: 'UTC',
				day: '2-digit',
				month: '2-digit',
				year: 'numeric'
			}).format(new Date(Date.UTC(y, mo - 1, d)));
		},
		statusLabel: (s: ImplStatus) => (locale === 'de' ? IMPL_STATUS_LABELS[s] : STATUS_EN[s]({}, o))
	};
}

export type PublicTexts = ReturnType<typeof texts>;

/** The texts for an interface language (anything else: German). */
export function publicTexts(lang: string = 'de'): PublicTexts {
	return texts(lang === 'en' ? 'en' : 'de');
}
