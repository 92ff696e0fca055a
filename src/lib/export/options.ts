/**
 * The one validated set of PDF export options, shared by the API route (query parameters), the
 * CLI (flags) and the browser dialog. Everything arrives as user input: parse, never trust.
 */
import { ID_PATTERN } from '../contract/ids';
import { MAX_FUNDING_NOTICE_LENGTH } from '../domain/meta';
import { isLanguageCode, LANGUAGE_CODES } from '../domain/translations';
import type { PlanJson } from '../domain/types';

export const EXPORT_TYPES = [
	'gesamtplan',
	'handlungsfelder',
	'zwischenbericht',
	'steckbriefe'
] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

export const EXPORT_TYPE_LABELS: Record<ExportType, string> = {
	gesamtplan: 'Gesamtplan',
	handlungsfelder: 'Ausgewählte Handlungsfelder',
	zwischenbericht: 'Zwischenbericht',
	steckbriefe: 'Maßnahmensteckbriefe'
};

export type Orientation = 'portrait' | 'landscape';

export const MAX_VERSION_LABEL_LENGTH = 60;
export { MAX_FUNDING_NOTICE_LENGTH };
export const MAX_EXPORT_FIELDS = 200;

export interface ExportOptions {
	type: ExportType;
	/** Field ids: required for `handlungsfelder`, optional filter for `steckbriefe`. */
	fields: string[];
	orientation: Orientation;
	/** "ENTWURF" watermark; undefined = derived from the plan status (not `beschlossen`). */
	draft?: boolean;
	versionLabel: string;
	/** Overrides the plan's funding notice (and the default wording). */
	fundingNotice?: string;
	/** Date on the cover, YYYY-MM-DD; undefined = today. */
	date?: string;
	/** Appendix "Abwägungstabelle" of the feedback rounds (data via ExportEnv.consideration). */
	consideration?: boolean;
	/** Section "Zeitplan der Maßnahmen"; undefined = on for Gesamtplan and Zwischenbericht. */
	timeline?: boolean;
	/** Appendix "Offene Punkte (für die Kerngruppe)" of the Vollständigkeit checks. */
	openPoints?: boolean;
	/** Appendix "Beschlussprotokoll aller Sitzungen" (data via ExportEnv.decisionLog). */
	decisionLog?: boolean;
	/**
	 * Content language (`?sprache=`, issue 15 item 5): item texts in this plan language, German
	 * where a translation is missing. The export worker swaps the texts (it has the document) and
	 * refuses a language the plan does not offer. undefined = German.
	 */
	sprache?: string;
}

export interface ExportOptionError {
	code: 'invalid_export_option';
	message: string;
	option?: string;
}

export type ExportResult<T> = { ok: true; value: T } | { ok: false; error: ExportOptionError };

const KNOWN = [
	'type',
	'fields',
	'orientation',
	'draft',
	'versionLabel',
	'fundingNotice',
	'date',
	'consideration',
	'timeline',
	'openPoints',
	'decisionLog',
	'sprache'
] as const;

const fail = (message: string, option?: string): { ok: false; error: ExportOptionError } => ({
	ok: false,
	error:
		option === undefined
			? { code: 'invalid_export_option', message }
			: { code: 'invalid_export_option', message, option }
});

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
	const m = DATE_RE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === value;
}

/** Control characters (except none) are refused in one-line options. */
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

type Raw = string | string[] | boolean | undefined;

function collect(input: URLSearchParams | Record<string, unknown>): ExportResult<Map<string, Raw>> {
	const out = new Map<string, Raw>();
	if (input instanceof URLSearchParams) {
		for (const key of new Set(input.keys())) {
			if (!(KNOWN as readonly string[]).includes(key)) {
				return fail(`Die Option „${key}“ gibt es beim PDF-Export nicht.`, key);
			}
			const all = input.getAll(key);
			if (key === 'fields') {
				out.set(
					key,
					all.flatMap((v) => v.split(',')).filter((v) => v !== '')
				);
			} else if (all.length > 1) {
				return fail(`Die Option „${key}“ darf nur einmal angegeben werden.`, key);
			} else out.set(key, all[0]);
		}
		return { ok: true, value: out };
	}
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return fail('Die Export-Optionen haben ein ungültiges Format.');
	}
	for (const [key, value] of Object.entries(input)) {
		if (value === undefined) continue;
		if (!(KNOWN as readonly string[]).includes(key)) {
			return fail(`Die Option „${key}“ gibt es beim PDF-Export nicht.`, key);
		}
		if (key === 'fields') {
			if (typeof value === 'string')
				out.set(
					key,
					value.split(',').filter((v) => v !== '')
				);
			else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
				out.set(key, value as string[]);
			else return fail('„fields“ muss eine Liste von Handlungsfeld-IDs sein.', key);
		} else if (typeof value === 'string' || typeof value === 'boolean') {
			out.set(key, value);
		} else {
			return fail(`Die Option „${key}“ hat einen ungültigen Wert.`, key);
		}
	}
	return { ok: true, value: out };
}

/** Parses and validates export options; German messages, code `invalid_export_option`. */
export function parseExportOptions(
	input: URLSearchParams | Record<string, unknown>
): ExportResult<ExportOptions> {
	const collected = collect(input);
	if (!collected.ok) return collected;
	const raw = collected.value;
	const options: ExportOptions = {
		type: 'gesamtplan',
		fields: [],
		orientation: 'portrait',
		versionLabel: ''
	};

	const type = raw.get('type');
	if (type !== undefined) {
		if (typeof type !== 'string' || !(EXPORT_TYPES as readonly string[]).includes(type)) {
			return fail(`Unbekannte Dokumentart. Erlaubt sind: ${EXPORT_TYPES.join(', ')}.`, 'type');
		}
		options.type = type as ExportType;
	}

	const fields = raw.get('fields');
	if (fields !== undefined) {
		const list = Array.isArray(fields) ? fields : [];
		if (list.length > MAX_EXPORT_FIELDS) {
			return fail(
				`Höchstens ${MAX_EXPORT_FIELDS} Handlungsfelder können gewählt werden.`,
				'fields'
			);
		}
		for (const id of list) {
			if (!ID_PATTERN.test(id)) {
				return fail(`„${id.slice(0, 80)}“ ist keine gültige Handlungsfeld-ID.`, 'fields');
			}
		}
		options.fields = [...new Set(list)];
	}
	if (options.type === 'handlungsfelder' && options.fields.length === 0) {
		return fail('Bitte wählen Sie mindestens ein Handlungsfeld aus.', 'fields');
	}
	if (
		options.fields.length > 0 &&
		options.type !== 'handlungsfelder' &&
		options.type !== 'steckbriefe'
	) {
		return fail(
			'Eine Auswahl von Handlungsfeldern ist nur bei „handlungsfelder“ und „steckbriefe“ möglich.',
			'fields'
		);
	}

	const orientation = raw.get('orientation');
	if (orientation !== undefined) {
		if (orientation !== 'portrait' && orientation !== 'landscape') {
			return fail(
				'Die Ausrichtung muss „portrait“ (Hochformat) oder „landscape“ (Querformat) sein.',
				'orientation'
			);
		}
		options.orientation = orientation;
	}

	const draft = raw.get('draft');
	if (draft !== undefined) {
		if (draft === true || draft === 'true' || draft === '1') options.draft = true;
		else if (draft === false || draft === 'false' || draft === '0') options.draft = false;
		else return fail('„draft“ muss „true“ oder „false“ sein.', 'draft');
	}

	for (const key of ['consideration', 'timeline', 'openPoints', 'decisionLog'] as const) {
		const flag = raw.get(key);
		if (flag === undefined) continue;
		if (flag === true || flag === 'true' || flag === '1') options[key] = true;
		else if (flag === false || flag === 'false' || flag === '0') options[key] = false;
		else return fail(`„${key}“ muss „true“ oder „false“ sein.`, key);
	}
	if (options.timeline === true && options.type === 'steckbriefe') {
		return fail(
			'Der Zeitplan der Maßnahmen ist bei den Maßnahmensteckbriefen nicht möglich.',
			'timeline'
		);
	}

	const version = raw.get('versionLabel');
	if (version !== undefined) {
		if (typeof version !== 'string' || CONTROL_RE.test(version)) {
			return fail('Die Versionsangabe enthält ungültige Zeichen.', 'versionLabel');
		}
		if (version.trim().length > MAX_VERSION_LABEL_LENGTH) {
			return fail(
				`Die Versionsangabe darf höchstens ${MAX_VERSION_LABEL_LENGTH} Zeichen lang sein.`,
				'versionLabel'
			);
		}
		options.versionLabel = version.trim();
	}

	const notice = raw.get('fundingNotice');
	if (notice !== undefined) {
		if (typeof notice !== 'string' || notice.trim() === '') {
			return fail('Der Förderhinweis darf nicht leer sein.', 'fundingNotice');
		}
		if (notice.trim().length > MAX_FUNDING_NOTICE_LENGTH) {
			return fail(
				`Der Förderhinweis darf höchstens ${MAX_FUNDING_NOTICE_LENGTH} Zeichen lang sein.`,
				'fundingNotice'
			);
		}
		options.fundingNotice = notice.trim();
	}

	const date = raw.get('date');
	if (date !== undefined) {
		if (typeof date !== 'string' || !isValidIsoDate(date)) {
			return fail('Das Datum muss ein gültiges Datum im Format JJJJ-MM-TT sein.', 'date');
		}
		options.date = date;
	}

	const sprache = raw.get('sprache');
	if (sprache !== undefined && sprache !== 'de' && sprache !== '') {
		if (typeof sprache !== 'string' || !isLanguageCode(sprache)) {
			return fail(
				`Unbekannte Sprache „${String(sprache).slice(0, 20)}“. Erlaubt: de, ${LANGUAGE_CODES.join(', ')} (soweit der Plan sie anbietet).`,
				'sprache'
			);
		}
		options.sprache = sprache;
	}
	return { ok: true, value: options };
}

/** Checks the options against the plan (selected fields must exist). */
export function checkOptionsForPlan(
	plan: PlanJson,
	options: ExportOptions
): ExportResult<ExportOptions> {
	const known = new Set(plan.fields.map((f) => f.id));
	const missing = options.fields.find((id) => !known.has(id));
	if (missing !== undefined) {
		return fail(`Das Handlungsfeld „${missing}“ gibt es in diesem Plan nicht.`, 'fields');
	}
	return { ok: true, value: options };
}

/** Options back to query parameters (for links and the CLI help). */
export function exportOptionsToParams(options: Partial<ExportOptions>): URLSearchParams {
	const params = new URLSearchParams();
	if (options.type) params.set('type', options.type);
	if (options.fields && options.fields.length > 0) params.set('fields', options.fields.join(','));
	if (options.orientation) params.set('orientation', options.orientation);
	if (options.draft !== undefined) params.set('draft', String(options.draft));
	if (options.versionLabel) params.set('versionLabel', options.versionLabel);
	if (options.fundingNotice) params.set('fundingNotice', options.fundingNotice);
	if (options.date) params.set('date', options.date);
	if (options.consideration) params.set('consideration', 'true');
	if (options.timeline !== undefined) params.set('timeline', String(options.timeline));
	if (options.openPoints) params.set('openPoints', 'true');
	if (options.decisionLog) params.set('decisionLog', 'true');
	if (options.sprache) params.set('sprache', options.sprache);
	return params;
}
