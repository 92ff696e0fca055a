/**
 * One process per file data directory: `DATA_DIR/mitplan.lock` holds the owner's PID. The file
 * stores keep their state in memory and append to their logs, so two processes on one folder
 * would overwrite each other's writes. A lock whose process is gone (kill -9, power loss) is
 * stale and taken over; a live one refuses with a German message naming the PID.
 *
 * Limits: the liveness check is `kill(pid, 0)` on this machine, so a folder shared over a network
 * file system between two machines is not protected; a lock left by a process whose PID was
 * reused by an unrelated process stays until that process ends (the message says which PID).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'mitplan.lock';

export class DataDirLockedError extends Error {
	readonly pid: number;
	constructor(dir: string, pid: number) {
		super(
			`Der Datenordner ${dir} wird schon von einem anderen Mitplan-Prozess benutzt (PID ${pid}). ` +
				'Beenden Sie diesen Prozess zuerst, oder geben Sie einen anderen DATA_DIR an.'
		);
		this.name = 'DataDirLockedError';
		this.pid = pid;
	}
}

export interface DataDirLock {
	release(): Promise<void>;
}

/** Locks held by this process (a second store in the same process is refused too). */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export async function lockDataDir(dir: string, waitMs = 5000): Promise<DataDirLock> {
	const root = path.resolve(dir);
	const file = path.join(root, LOCK_FILE);
	// Held by this process: wait a little (a dev server restarting closes its old backend
	// asynchronously), then refuse.
	for (let waited = 0; heldHere.has(file); waited += 50) {
		if (waited >= waitMs) throw new DataDirLockedError(root, process.pid);
		await new Promise((r) => setTimeout(r, 50));
	}
	await fs.mkdir(root, { recursive: true });
	for (let attempt = 0; attempt < 3; attempt++) {
		const tmp = `${file}.${process.pid}-${attempt}`;
		await fs.writeFile(tmp, `${process.pid}\n`);
		try {
			// link() fails with EEXIST when the lock exists: an atomic create-if-absent.
			await fs.link(tmp, file);
			heldHere.add(file);
			return {
				async release() {
					heldHere.delete(file);
					const owner = Number.parseInt(await fs.readFile(file, 'utf8').catch(() => ''), 10);
					if (owner === process.pid) await fs.rm(file, { force: true });
				}
			};
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
		} finally {
			await fs.rm(tmp, { force: true });
		}
		const owner = Number.parseInt(await fs.readFile(file, 'utf8').catch(() => ''), 10);
		if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
			throw new DataDirLockedError(root, owner);
		// Stale (its process is gone, or it is ours from before a restart with the same PID).
		await fs.rm(file, { force: true });
	}
	throw new Error(`Die Sperrdatei ${file} lässt sich nicht anlegen.`);
}
