// Bundles the custom server (server/main.ts) into build/server/main.js and the PDF export worker
// thread (server/export/worker.ts) into build/server/export-worker.js, next to it (the pool finds
// it relative to main.js). Dependencies stay external (node_modules); src/lib code is bundled in.
import { build } from 'esbuild';

await build({
	entryPoints: { main: 'server/main.ts', 'export-worker': 'server/export/worker.ts' },
	outdir: 'build/server',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
console.log('server bundled: build/server/main.js, build/server/export-worker.js');
