// `npm start`: builds what is missing or outdated (a fresh clone after `npm ci` has no build),
// then runs the production server. With NODE_ENV=production or MITPLAN_SKIP_BUILD=1 it never builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outputs = [
	'build/handler.js',
	'build/server/main.js',
	'build/server/export-worker.js',
	'build/server/merge-worker.js'
].map((p) => path.join(root, p));
const sources = [
	'src',
	'server',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

/** @param {string} p @returns {number} newest modification time below p */
function newestMtime(p) {
	if (!existsSync(p)) return 0;
	const stat = statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(p)) {
		if (entry === 'node_modules' || entry.startsWith('.')) continue;
		newest = Math.max(newest, newestMtime(path.join(p, entry)));
	}
	return newest;
}

function needsBuild() {
	if (outputs.some((p) => !existsSync(p))) return true;
	const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
	return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

if (!existsSync(path.join(root, 'node_modules'))) {
	console.error('Abhängigkeiten fehlen. Bitte zuerst `npm ci` ausführen.');
	process.exit(1);
}

// Production (NODE_ENV=production, e.g. the container) never compiles: it needs the build.
if (process.env.NODE_ENV === 'production') {
	if (outputs.some((p) => !existsSync(p))) {
		console.error(
			'Kein Build vorhanden. Bitte `npm run build` ausführen (oder `node build` nutzen).'
		);
		process.exit(1);
	}
} else if (process.env.MITPLAN_SKIP_BUILD !== '1' && needsBuild()) {
	console.log('Mitplan wird gebaut (einmalig nach Änderungen) …');
	const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = await import(path.join(root, 'build/server/main.js'));
await server.main();
