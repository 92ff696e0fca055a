/**
 * Write a backup archive of a whole installation (see archive.ts for the format, source.ts for
 * what is read and how it stays consistent while the server runs).
 */
import { openArchiveWriter, type BackupCounts } from './archive';
import { readInstallation, type BackupSource } from './source';

export async function writeBackup(file: string, source: BackupSource): Promise<BackupCounts> {
	const writer = await openArchiveWriter(file, source.redisUrl ? 'redis' : 'file');
	try {
		for await (const record of readInstallation(source)) await writer.write(record);
		return await writer.finish();
	} catch (err) {
		await writer.abort();
		throw err;
	}
}
