/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` (bundled as build/server/backup.js):
 * read the same settings as the server (DATA_DIR or REDIS_URL), print one German line with what
 * was written or why not, exit 0 / 1. Backup works while the server runs; restore needs an empty,
 * unused target.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../config';
import { BackupFormatError } from './archive';
import { writeBackup } from './backup';
import { RestoreRefusedError, restoreArchive } from './restore';
import { DataDirLockedError } from '../storage/data-lock';

const USAGE =
	'Aufruf: npm run backup -- <datei.mitplan.gz>   oder   npm run restore -- <datei.mitplan.gz>';

const quietLogger = {
	warn: (message: string) => console.error(message),
	error: (message: string) => console.error(message)
};

export async function runCli(argv: string[]): Promise<number> {
	const [command, file] = argv;
	if ((command !== 'backup' && command !== 'restore') || !file) {
		console.error(USAGE);
		return 2;
	}
	let config;
	try {
		config = loadConfig();
	} catch (error) {
		console.error(error instanceof ConfigError ? error.message : String(error));
		return 1;
	}
	const target = {
		redisUrl: config.redisUrl,
		dataDir: config.dataDir,
		logger: quietLogger
	};
	const where = config.redisUrl ? 'Redis' : `DATA_DIR ${config.dataDir}`;
	const started = Date.now();
	try {
		const counts =
			command === 'backup'
				? await writeBackup(path.resolve(file), target)
				: await restoreArchive(path.resolve(file), target);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		console.log(
			`${command === 'backup' ? 'Sicherung geschrieben' : 'Sicherung zurückgespielt'} ` +
				`(${where}, ${file}): ${counts.plans} Pläne, ${counts.kv} Einträge, ` +
				`${counts.blobs} Versionen, ${seconds} s.`
		);
		return 0;
	} catch (error) {
		if (
			error instanceof BackupFormatError ||
			error instanceof RestoreRefusedError ||
			error instanceof DataDirLockedError
		) {
			console.error(error.message);
			return 1;
		}
		const code = (error as NodeJS.ErrnoException)?.code;
		if (code === 'EEXIST') {
			console.error(`Die Datei ${file} gibt es schon (oder eine Sicherung dorthin läuft gerade).`);
			return 1;
		}
		console.error(
			`${command === 'backup' ? 'Sicherung' : 'Wiederherstellung'} fehlgeschlagen: ${
				error instanceof Error ? error.message : String(error)
			}`
		);
		return 1;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	runCli(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error) => {
			console.error(error);
			process.exit(1);
		}
	);
}
