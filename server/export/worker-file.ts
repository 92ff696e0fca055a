/**
 * Where the PDF export worker script is. In the production bundle (build/server/main.js) it is
 * build/server/export-worker.js, built next to it by scripts/build-server.mjs. Run from source
 * (vitest, `npm run dev`, tsx) worker.ts is bundled once per process with esbuild (a dev
 * dependency) into node_modules/.cache/mitplan/, so Node can start it as a plain ES module.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function exportWorkerFile(): Promise<URL> {
	const here = import.meta.url;
	if (!here.endsWith('.ts')) return new URL('./export-worker.js', here);
	const source = fileURLToPath(new URL('./worker.ts', here));
	const root = path.resolve(path.dirname(source), '..', '..');
	const dir = path.join(root, 'node_modules', '.cache', 'mitplan');
	mkdirSync(dir, { recursive: true });
	const { build } = await import('esbuild');
	const result = await build({
		entryPoints: [source],
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'esm',
		packages: 'external',
		write: false,
		logLevel: 'silent'
	});
	const out = path.join(dir, 'export-worker.mjs');
	// Written under a unique name, then renamed: parallel test processes never see half a file.
	const temp = `${out}.${process.pid}.${Date.now()}.tmp`;
	writeFileSync(temp, result.outputFiles[0].contents);
	renameSync(temp, out);
	return pathToFileURL(out);
}
