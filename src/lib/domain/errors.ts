/**
 * Typed domain errors. Domain functions never throw for bad input: they return a Result so the
 * UI can show the German message next to the field and the API can send `{ code, message }` as
 * JSON. Codes are stable (clients and tests switch on them); messages may be reworded.
 */

export const DOMAIN_ERROR_CODES = [
	'unknown_item',
	'unknown_parent',
	'invalid_parent',
	'invalid_field',
	'invalid_value',
	'invalid_dates',
	'text_too_long',
	'title_required',
	'invalid_plan_id',
	'already_initialized',
	'unsupported_version'
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A plain, JSON-serialisable error value (not an Error subclass: nothing is thrown). */
export interface DomainError {
	code: DomainErrorCode;
	/** A complete German sentence for the UI. */
	message: string;
	/** The offending field name, when the error concerns one input. */
	field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok(): Result<void>;
export function ok<T>(value: T): Result<T>;
export function ok<T>(value?: T): Result<T | undefined> {
	return { ok: true, value };
}

export function err<T = never>(code: DomainErrorCode, message: string, field?: string): Result<T> {
	const error: DomainError = field === undefined ? { code, message } : { code, message, field };
	return { ok: false, error };
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
	return typeof value === 'string' && (DOMAIN_ERROR_CODES as readonly string[]).includes(value);
}
