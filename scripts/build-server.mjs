// Bundles the custom server (server/main.ts) into build/server/main.js, the PDF export worker
// thread (server/export/worker.ts) into build/server/export-worker.js and the compaction merge
// worker (server/storage/merge-worker.ts) into build/server/merge-worker.js next to it (the pools
// find them relative to main.js) and the backup/restore command (server/backup/cli.ts) into
// build/server/backup.js. Dependencies stay external (node_modules); src/lib code is bundled in.
// Then replaces adapter-node's build/index.js (its own server, which has no Mitplan backend and
// answered 503 to everything) with a two-line entry that starts the real server: `node build`
// is the production entry point and never compiles anything.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

await build({
	entryPoints: {
		main: 'server/main.ts',
		'export-worker': 'server/export/worker.ts',
		'merge-worker': 'server/storage/merge-worker.ts',
		backup: 'server/backup/cli.ts'
	},
	outdir: 'build/server',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning',
	define: { __MITPLAN_VERSION__: JSON.stringify(version) }
});
writeFileSync(
	'build/index.js',
	'// Production entry point (`node build`), written by scripts/build-server.mjs.\n' +
		"import { main } from './server/main.js';\n" +
		'await main();\n'
);
console.log(
	'server bundled: build/server/main.js, build/server/export-worker.js, build/server/merge-worker.js, build/server/backup.js; build/index.js starts it'
);
