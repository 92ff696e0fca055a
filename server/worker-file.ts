/**
 * Where a worker thread's script is. In the production bundle (build/server/main.js) it is
 * build/server/<name>.js, built next to it by scripts/build-server.mjs. Run from source
 * (vitest, `npm run dev`, tsx) the worker's source is bundled once per process with esbuild (a
 * dev dependency) into node_modules/.cache/mitplan/, so Node can start it as a plain ES module.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `name`: the bundle's entry name (e.g. 'export-worker'); `source`: the worker's .ts file. */
export async function workerFile(name: string, source: URL): Promise<URL> {
	const here = import.meta.url;
	if (!here.endsWith('.ts')) return new URL(`./${name}.js`, here);
	const file = fileURLToPath(source);
	const root = path.resolve(path.dirname(fileURLToPath(here)), '..');
	const dir = path.join(root, 'node_modules', '.cache', 'mitplan');
	mkdirSync(dir, { recursive: true });
	const { build } = await import('esbuild');
	const result = await build({
		entryPoints: [file],
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'esm',
		packages: 'external',
		write: false,
		logLevel: 'silent'
	});
	const out = path.join(dir, `${name}.mjs`);
	// Written under a unique name, then renamed: parallel test processes never see half a file.
	const temp = `${out}.${process.pid}.${Date.now()}.tmp`;
	writeFileSync(temp, result.outputFiles[0].contents);
	renameSync(temp, out);
	return pathToFileURL(out);
}
