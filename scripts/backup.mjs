// `npm run backup -- <file>` / `npm run restore -- <file>`: runs the bundled command
// build/server/backup.js (server/backup/cli.ts); `npm run build` creates it.
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bundle = path.join(root, 'build/server/backup.js');
if (!existsSync(bundle)) {
	console.error('build/server/backup.js fehlt: bitte zuerst `npm run build` ausführen.');
	process.exit(1);
}
const { runCli } = await import(bundle);
process.exit(await runCli(process.argv.slice(2)));
