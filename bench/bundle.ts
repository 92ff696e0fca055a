/**
 * `npm run bench -- bundle` (and part of `npm run bench`): what the browser downloads, from the
 * production build in build/client (run `npm run build` first) — all JavaScript and CSS, and the
 * first load every page shares (SvelteKit's entry points plus the root layout and everything they
 * import statically), raw and gzip. Reported before/after the translation layer (README,
 * „Sprachen“): the interface languages must not bloat the first load.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const IMMUTABLE = 'build/client/_app/immutable';

interface Size {
	files: number;
	raw: number;
	gzip: number;
}

function add(size: Size, file: string): void {
	const bytes = readFileSync(file);
	size.files++;
	size.raw += bytes.length;
	size.gzip += gzipSync(bytes, { level: 9 }).length;
}

/** The static imports of a built module, as file paths. */
function staticImports(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const out: string[] = [];
	for (const match of source.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
		out.push(path.resolve(path.dirname(file), match[1]));
	return out;
}

export function measureBundle(
	root = IMMUTABLE
): { total: Size; css: Size; firstLoad: Size } | null {
	if (!existsSync(root)) return null;
	const total: Size = { files: 0, raw: 0, gzip: 0 };
	const css: Size = { files: 0, raw: 0, gzip: 0 };
	for (const f of readdirSync(root, { recursive: true }) as string[]) {
		const file = path.join(root, f);
		if (file.endsWith('.js')) add(total, file);
		if (file.endsWith('.css')) add(css, file);
	}
	const entries = readdirSync(path.join(root, 'entry')).map((f) => path.join(root, 'entry', f));
	const layout = readdirSync(path.join(root, 'nodes'))
		.filter((f) => f.startsWith('0.'))
		.map((f) => path.join(root, 'nodes', f));
	const seen = new Set<string>();
	const queue = [...entries, ...layout];
	const firstLoad: Size = { files: 0, raw: 0, gzip: 0 };
	while (queue.length) {
		const file = queue.pop()!;
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		add(firstLoad, file);
		queue.push(...staticImports(file));
	}
	return { total, css, firstLoad };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function runBundleBench(root = IMMUTABLE): void {
	const m = measureBundle(root);
	if (!m) {
		console.log('\nBundle: no build/client – run `npm run build` first.');
		return;
	}
	console.log('\nBundle (build/client, what browsers download):');
	console.log(
		`  first load of every page: ${m.firstLoad.files} files, ${kb(m.firstLoad.raw)} (gzip ${kb(m.firstLoad.gzip)})`
	);
	console.log(
		`  all JavaScript: ${m.total.files} files, ${kb(m.total.raw)} (gzip ${kb(m.total.gzip)})`
	);
	console.log(`  all CSS: ${m.css.files} files, ${kb(m.css.raw)} (gzip ${kb(m.css.gzip)})`);
}

if (process.argv[1]?.endsWith('bundle.ts')) runBundleBench(process.argv[2]);
