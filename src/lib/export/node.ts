/**
 * Node side of the PDF export (API route, CLI, tests, bench): jsPDF's Node build and the DejaVu
 * fonts read from node_modules/dejavu-fonts-ttf.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { jsPDF } from 'jspdf';
import type { PlanJson } from '../domain/types';
import { exportPlanPdf, type ExportedPdf, type ExportEnv } from './index';
import type { ExportOptions, ExportResult } from './options';
import type { FontBytes } from './render';
import { exportReportPdf } from './report';
import type { UmsetzungsberichtModel } from '../monitoring/report';
import type { ProtocolModel } from '../contract/minutes';
import { exportProtocolPdf } from './protocol';

let fonts: FontBytes | null = null;

function fontDir(): string {
	const candidates: string[] = [];
	try {
		const require = createRequire(import.meta.url);
		candidates.push(
			path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
		);
	} catch {
		// fall through to the working directory
	}
	candidates.push(path.resolve('node_modules/dejavu-fonts-ttf/ttf'));
	for (const dir of candidates) {
		try {
			readFileSync(path.join(dir, 'DejaVuSans.ttf'), { flag: 'r' }).subarray(0, 1);
			return dir;
		} catch {
			// try the next
		}
	}
	throw new Error('Die Schrift DejaVu Sans (Paket dejavu-fonts-ttf) wurde nicht gefunden.');
}

/** The TTF bytes, read once per process. */
export function nodeFonts(): FontBytes {
	if (!fonts) {
		const dir = fontDir();
		fonts = {
			regular: new Uint8Array(readFileSync(path.join(dir, 'DejaVuSans.ttf'))),
			bold: new Uint8Array(readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')))
		};
	}
	return fonts;
}

export function exportPlanPdfNode(
	plan: PlanJson,
	options: ExportOptions,
	env: Partial<ExportEnv> = {}
): ExportResult<ExportedPdf> {
	return exportPlanPdf(plan, options, { jsPDF, fonts: nodeFonts(), ...env });
}

/** The Umsetzungsbericht with the Node jsPDF build and the DejaVu fonts. */
export function exportReportPdfNode(model: UmsetzungsberichtModel): ExportedPdf {
	return exportReportPdf(model, { jsPDF, fonts: nodeFonts() });
}

/** A Sitzungsprotokoll as PDF with the same fonts and typography. */
export function exportProtocolPdfNode(protocol: ProtocolModel): ExportedPdf {
	return exportProtocolPdf(protocol, { jsPDF, fonts: nodeFonts() });
}
