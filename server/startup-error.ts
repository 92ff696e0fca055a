/**
 * Errors that stop the start for a reason the operator can fix (full disk, unwritable DATA_DIR,
 * Redis unreachable) as one German/English line instead of a stack trace. Anything else is a
 * bug and keeps its stack trace.
 */
import type { Config } from './config';

/** The errno-style code of `error` or of one of its causes (StorageError wraps fs errors). */
function codeOf(error: unknown): string | undefined {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
		e = (e as { cause?: unknown }).cause;
	}
	const text = error instanceof Error ? error.message : String(error);
	return /\b(ENOSPC|EACCES|EPERM|EROFS|ENOTDIR|EDQUOT|ECONNREFUSED)\b/.exec(text)?.[1];
}

export function describeStartupError(
	error: unknown,
	config: Pick<Config, 'dataDir' | 'redisUrl'>
): string | null {
	// Errors that already carry the operator's message.
	const name = (error as { name?: unknown } | null)?.name;
	if (
		(name === 'DataDirLockedError' ||
			name === 'RestoreIncompleteError' ||
			name === 'StoreTooNewError') &&
		error instanceof Error
	)
		return name === 'DataDirLockedError'
			? `Start abgebrochen: ${error.message} / Cannot start: DATA_DIR is in use by another process.`
			: error.message;
	const code = codeOf(error);
	const dir = config.dataDir;
	switch (code) {
		case 'ENOSPC':
		case 'EDQUOT':
			return `Start abgebrochen: kein freier Speicherplatz in DATA_DIR „${dir}“ (${code}). / Cannot start: no space left in DATA_DIR.`;
		case 'EACCES':
		case 'EPERM':
		case 'EROFS':
			return `Start abgebrochen: DATA_DIR „${dir}“ ist nicht beschreibbar (${code}). / Cannot start: DATA_DIR is not writable.`;
		case 'ENOTDIR':
		case 'EEXIST':
			return `Start abgebrochen: DATA_DIR „${dir}“ ist kein Ordner (${code}). / Cannot start: DATA_DIR is not a directory.`;
	}
	const storage = (error as { name?: unknown; code?: unknown } | null) ?? {};
	if (config.redisUrl && storage.name === 'StorageError' && storage.code === 'unavailable') {
		return 'Start abgebrochen: Redis (REDIS_URL) ist nicht erreichbar. / Cannot start: Redis is unreachable.';
	}
	return null;
}
