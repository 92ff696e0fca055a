// Bundles the custom server (server/main.ts) into build/server/main.js. Dependencies stay
// external (node_modules); the pure domain code from src/lib is bundled in.
import { build } from 'esbuild';

await build({
	entryPoints: ['server/main.ts'],
	outfile: 'build/server/main.js',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
console.log('server bundled: build/server/main.js');
