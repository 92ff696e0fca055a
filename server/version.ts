/**
 * Mitplan's version (package.json), shown in the footer and by /api/health. The production bundle
 * has it built in (scripts/build-server.mjs defines __MITPLAN_VERSION__); dev and tests read
 * package.json from the working directory.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

declare const __MITPLAN_VERSION__: string | undefined;

function fromPackageJson(): string {
	try {
		const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as {
			name?: string;
			version?: string;
		};
		return pkg.name === 'mitplan' && pkg.version ? pkg.version : 'unbekannt';
	} catch {
		return 'unbekannt';
	}
}

export const MITPLAN_VERSION: string =
	typeof __MITPLAN_VERSION__ === 'string' ? __MITPLAN_VERSION__ : fromPackageJson();
