/**
 * Query parameter schemas of the JSON API (valibot), for the OpenAPI document: each route that
 * reads query parameters lists them here (`query:` in ./routes-plan.ts, ./routes.ts). Query values
 * are always strings, so the handlers keep their own checks and codes (`invalid_compare`,
 * `invalid_export_option`, …); `limit`/`cursor` come from `paginated`.
 */
import * as v from 'valibot';
import { EXPORT_TYPES } from '$lib/export/options';
import { LANGUAGE_CODES } from '$lib/domain/translations';

const sprache = v.optional(
	v.pipe(
		v.picklist(['de', ...LANGUAGE_CODES]),
		v.description(
			'Inhaltssprache der Leser: eine der Sprachen des Plans (`ls` = Leichte Sprache); fehlende Übersetzungen deutsch und markiert. Nicht angebotene Sprache: 400 `invalid_language`'
		)
	)
);
/** `?sprache=` on the public pages' endpoints (src/lib/domain/reader-language.ts). */
export const ReaderLanguage = v.object({ sprache });

const param = (description: string) => v.optional(v.pipe(v.string(), v.description(description)));
const flag = (description: string) =>
	v.optional(v.pipe(v.picklist(['true', 'false', '1', '0']), v.description(description)));

export const ItemFilter = v.object({
	itemId: param('nur dieser Eintrag (Ziel, Maßnahme, Handlungsfeld; `_plan`: die Plandaten)')
});
export const ItemOrigin = v.object({ itemId: param('der Eintrag, dessen Herkunft gesucht wird') });
export const AuditKind = v.object({
	kind: v.optional(
		v.pipe(
			v.picklist(['all', 'security']),
			v.description('`security`: nur Anmeldungen, Rollen, Schlüssel')
		)
	)
});
export const Compare = v.object({
	from: v.pipe(v.string(), v.description('älterer Stand: Versions-ID oder `current`')),
	to: v.pipe(v.string(), v.description('neuerer Stand: Versions-ID oder `current`'))
});
export const VoteFilter = v.object({ sessionId: param('nur Abstimmungen dieser Sitzung') });
export const RoundFilter = v.object({ roundId: param('nur Beiträge dieser Runde') });
export const ReportPeriod = v.object({
	von: param('Beginn des Berichtszeitraums (JJJJ-MM-TT); Standard: Tag nach dem letzten Bericht'),
	bis: param('Ende des Berichtszeitraums (JJJJ-MM-TT); Standard: heute'),
	sprache
});
export const ImportOptions = v.object({
	newId: v.optional(
		v.pipe(v.picklist(['1', 'true', 'ja']), v.description('neue Plan-ID statt der mitgebrachten'))
	)
});

/** The PDF export options (src/lib/export/options.ts checks them: `invalid_export_option`). */
export const ExportOptions = v.object({
	type: v.optional(
		v.pipe(v.picklist(EXPORT_TYPES), v.description('Dokumentart (Standard gesamtplan)'))
	),
	fields: param(
		'Handlungsfeld-IDs, mit Komma getrennt oder wiederholt (Pflicht bei handlungsfelder)'
	),
	orientation: v.optional(
		v.pipe(v.picklist(['portrait', 'landscape']), v.description('Ausrichtung'))
	),
	draft: flag('Wasserzeichen „Entwurf“'),
	versionLabel: param('Versionsangabe auf dem Deckblatt (höchstens 60 Zeichen)'),
	fundingNotice: param('Förderhinweis in der Fußzeile'),
	date: param('Datum auf dem Deckblatt (JJJJ-MM-TT)'),
	consideration: flag('mit Abwägungstabelle'),
	timeline: flag('mit Zeitplan der Maßnahmen (nicht bei steckbriefe)'),
	openPoints: flag('mit offenen Punkten'),
	decisionLog: flag('mit Beschlussprotokoll der Sitzungen'),
	sprache
});

/**
 * `?sprache=de|en` on the meeting documents (protocol, its PDF, decision log) and the CSV/XLSX
 * tables ($lib/server/protocol-language).
 */
export const DocumentLanguage = v.object({
	sprache: v.optional(
		v.pipe(
			v.picklist(['de', 'en']),
			v.description(
				'Sprache der Beschriftungen und erzeugten Sätze; ohne: Sprache der Oberfläche (Cookie `mitplan_lang`, sonst `Accept-Language`). Andere Werte: 400 `invalid_language`'
			)
		)
	)
});
/** The consideration table as CSV: one round, in one language. */
export const RoundTable = v.object({ ...RoundFilter.entries, ...DocumentLanguage.entries });
