/**
 * Where the PDF export worker script is: build/server/export-worker.js in the production
 * bundle, server/export/worker.ts bundled on the fly when run from source (../worker-file.ts).
 */
import { workerFile } from '../worker-file';

export function exportWorkerFile(): Promise<URL> {
	return workerFile('export-worker', new URL('./worker.ts', import.meta.url));
}
