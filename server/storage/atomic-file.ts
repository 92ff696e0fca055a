/**
 * Crash-safe file writes shared by the file-backed stores (plan docs, version snapshots, KV log).
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';

/** Makes a rename or a new file in `dir` durable. */
export async function fsyncDir(dir: string): Promise<void> {
	const fh = await fs.open(dir, fsConstants.O_RDONLY);
	try {
		await fh.sync();
	} finally {
		await fh.close();
	}
}

/**
 * Writes `data` to `target` atomically: a tmp file next to it, fsync, rename, fsync the directory.
 * A crash leaves either the old or the whole new file; a failed write removes its tmp file.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
	const tmp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
	try {
		const fh = await fs.open(tmp, 'w');
		try {
			await fh.writeFile(data);
			await fh.sync();
		} finally {
			await fh.close();
		}
		await fs.rename(tmp, target);
	} catch (error) {
		await fs.rm(tmp, { force: true }).catch(() => {});
		throw error;
	}
	await fsyncDir(path.dirname(target));
}
