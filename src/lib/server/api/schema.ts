/**
 * Request validation through valibot schemas: `parseBody` / `parseQuery` read a request and check
 * it against a schema; a refusal is the API's error JSON with `field` added:
 * `400 {error: {code: 'invalid_input', message, field}}`, the message naming the field in German.
 * The same schemas describe the routes in the OpenAPI document (./registry.ts, ./openapi.ts).
 *
 * Body schemas only check shapes and types; the services keep their own rules (presence, lengths,
 * dates, references) and their own error codes, so valid input behaves as before.
 */
import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { MAX_JSON_BODY_BYTES, readJsonObject } from '$lib/server/http';
import { currentRequestLocale, errorText } from '$lib/server/error-language';

/** Any valibot schema (what the helpers and the registry accept). */
export type AnySchema = v.GenericSchema;

type Parsed<S extends AnySchema> =
	{ ok: true; value: v.InferOutput<S> } | { ok: false; response: Response };

/** 400 `invalid_input` naming the field (`field` is the dotted path, '' for the whole body). */
export function invalidInput(field: string, message: string): Response {
	const text = errorText('invalid_input', message, currentRequestLocale());
	return json({ error: { code: 'invalid_input', message: text, field } }, { status: 400 });
}

const list = (options: readonly unknown[]) => options.map((o) => `„${String(o)}“`).join(', ');

/** What is wrong with a value, in German, from one valibot issue. */
function reason(issue: v.BaseIssue<unknown>): string {
	const req = (issue as { requirement?: unknown }).requirement;
	if (issue.expected === 'never') return 'ist unbekannt';
	if (issue.input === undefined && issue.kind === 'schema') return 'fehlt';
	switch (issue.type) {
		case 'string':
			return 'muss ein Text sein';
		case 'number':
			return 'muss eine Zahl sein';
		case 'integer':
			return 'muss eine ganze Zahl sein';
		case 'boolean':
			return 'muss true oder false sein';
		case 'array':
			return 'muss eine Liste sein';
		case 'object':
		case 'loose_object':
		case 'strict_object':
		case 'record':
			return 'muss ein Objekt sein';
		case 'picklist':
		case 'literal': {
			// `expected` reads like `("owner" | "editor")`, `"plan"` or `(2 | 3)`.
			const options = [...(issue.expected ?? '').matchAll(/"([^"]*)"|(\d+)/g)].map(
				(m) => m[1] ?? m[2]
			);
			return options.length > 0
				? `muss einer dieser Werte sein: ${list(options)}`
				: 'hat einen ungültigen Wert';
		}
		case 'min_length':
			return `muss mindestens ${req} Zeichen bzw. Einträge haben`;
		case 'max_length':
			return `darf höchstens ${req} Zeichen bzw. Einträge haben`;
		case 'min_value':
			return `muss mindestens ${req} sein`;
		case 'max_value':
			return `darf höchstens ${req} sein`;
		case 'regex':
			return 'hat nicht das erwartete Format';
		case 'union':
		case 'variant':
			return 'hat nicht die erwartete Form';
		case 'strict_object_key':
		case 'never':
			return 'ist unbekannt';
		default:
			return 'ist ungültig';
	}
}

/** The dotted path of an issue (`scope.fieldId`, `reviewerIds.0`), '' for the root. */
function fieldOf(issue: v.BaseIssue<unknown>): string {
	return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

/** The German message of the first issue, e.g. „Feld „title“: muss ein Text sein.“ */
export function issueMessage(issues: readonly v.BaseIssue<unknown>[]): {
	field: string;
	message: string;
} {
	const issue = issues[0];
	const field = fieldOf(issue);
	const where = field ? `Feld „${field}“` : 'Der Inhalt';
	return { field, message: `${where}: ${reason(issue)}.` };
}

/** A required field of an object that is absent (not one of a wrong type). */
const isMissingField = (issue: v.BaseIssue<unknown>) =>
	issue.kind === 'schema' && issue.input === undefined && (issue.path?.length ?? 0) > 0;

/**
 * Checks an already read value against `schema`. `missingToService`: absent required fields are
 * not refused here but left to the service, whose codes clients already know.
 */
export function check<S extends AnySchema>(
	value: unknown,
	schema: S,
	options: { missingToService?: boolean } = {}
): Parsed<S> {
	const result = v.safeParse(schema, value);
	if (result.success) return { ok: true, value: result.output };
	// Only required fields missing: the service answers with its own code (`date_required`, …).
	if (options.missingToService && result.issues.every(isMissingField)) {
		return { ok: true, value: value as v.InferOutput<S> };
	}
	const { field, message } = issueMessage(result.issues);
	return { ok: false, response: invalidInput(field, message) };
}

/**
 * Reads a JSON object body (at most `maxBytes`; 413/400 `invalid_json`/`invalid_body` as before)
 * and checks it against `schema`: 400 `invalid_input` with `field` for a field of the wrong type
 * or shape. A required field that is missing is left to the service, which refuses it with its
 * own, older code (e.g. `date_required`, `title_required`), so those answers stay as they were.
 */
export async function parseBody<S extends AnySchema>(
	request: Request,
	schema: S,
	maxBytes = MAX_JSON_BODY_BYTES
): Promise<Parsed<S>> {
	const body = await readJsonObject(request, maxBytes);
	if (!body.ok) return body;
	return check(body.value, schema, { missingToService: true });
}

/** Checks the query parameters (each one string; repeated names: the first) against `schema`. */
export function parseQuery<S extends AnySchema>(url: URL, schema: S): Parsed<S> {
	const query: Record<string, string> = {};
	for (const [key, value] of url.searchParams) if (!(key in query)) query[key] = value;
	return check(query, schema);
}
