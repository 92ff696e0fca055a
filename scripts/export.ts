/**
 * `npm run export -- <planId> <out.pdf> [--type gesamtplan|handlungsfelder|zwischenbericht|steckbriefe]
 *   [--fields id1,id2] [--orientation portrait|landscape] [--draft true|false] [--versionLabel …]
 *   [--fundingNotice …] [--date YYYY-MM-DD]`
 * Reads the plan straight from the configured store (DATA_DIR or REDIS_URL, read-only) and writes
 * the PDF atomically (temporary file + rename): a failure never leaves a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { loadConfig } from '../server/config';
import { createStore } from '../server/storage/index';
import { readFilePlan } from '../server/storage/read-only';
import { isValidPlanId, readPlan } from '../src/lib/domain/index';
import { readAcknowledgements } from '../src/lib/domain/acknowledge';
import { exportPlanPdfNode } from '../src/lib/export/node';
import { parseExportOptions } from '../src/lib/export/options';

const USAGE =
	'Aufruf: npm run export -- <planId> <datei.pdf> [--type gesamtplan|handlungsfelder|zwischenbericht|steckbriefe] ' +
	'[--fields id1,id2] [--orientation portrait|landscape] [--draft true|false] [--versionLabel TEXT] ' +
	'[--fundingNotice TEXT] [--date JJJJ-MM-TT] [--timeline true|false] [--openPoints true|false]';

class CliError extends Error {}

async function main(argv: string[]): Promise<void> {
	const positional: string[] = [];
	const options: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			return;
		}
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			const key = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
			const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
			if (value === undefined) throw new CliError(`Für --${key} fehlt ein Wert.`);
			options[key] = value;
		} else positional.push(arg);
	}
	if (positional.length !== 2) throw new CliError(USAGE);
	const [planId, out] = positional;
	if (!isValidPlanId(planId)) {
		throw new CliError('Ungültige Plan-ID: erlaubt sind 1–64 Zeichen aus A–Z, a–z, 0–9, _ und -.');
	}
	const parsed = parseExportOptions(options);
	if (!parsed.ok) throw new CliError(parsed.error.message);

	const config = loadConfig();
	const logger = { warn: () => {}, error: () => {} };
	let state: Uint8Array | null;
	try {
		// The file store is only read (a running server may be using the folder); Redis is shared.
		if (!config.redisUrl) state = await readFilePlan(config.dataDir, planId, logger);
		else {
			const store = await createStore({
				redisUrl: config.redisUrl,
				dataDir: config.dataDir,
				logger
			});
			try {
				state = await store.load(planId);
			} finally {
				await store.close().catch(() => {});
			}
		}
	} catch {
		throw new CliError('Der Speicher ist nicht erreichbar (DATA_DIR bzw. REDIS_URL prüfen).');
	}
	if (!state) throw new CliError(`Den Plan „${planId}“ gibt es nicht.`);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	const plan = readPlan(doc, planId);
	// "bewusst offen" marks for the annex of open points (they live in the meta map)
	const acknowledged = Object.fromEntries(readAcknowledgements(doc));
	doc.destroy();

	const result = exportPlanPdfNode(plan, parsed.value, { acknowledged });
	if (!result.ok) throw new CliError(result.error.message);

	const target = path.resolve(out);
	const temp = path.join(
		path.dirname(target),
		`.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`
	);
	try {
		writeFileSync(temp, result.value.bytes);
		renameSync(temp, target);
	} catch (error) {
		rmSync(temp, { force: true });
		throw new CliError(
			`Die Datei „${out}“ konnte nicht geschrieben werden: ${(error as Error).message}`
		);
	}
	console.log(
		`PDF geschrieben: ${out} (${result.value.pageCount} Seiten, ${Math.round(result.value.bytes.length / 1024)} KiB)`
	);
}

main(process.argv.slice(2)).then(
	() => process.exit(0),
	(error) => {
		console.error(
			error instanceof CliError ? error.message : `Fehler: ${(error as Error)?.message ?? error}`
		);
		process.exit(1);
	}
);
