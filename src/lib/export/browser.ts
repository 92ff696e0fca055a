/**
 * Browser side of the PDF export, loaded with a dynamic import from the export dialog so that
 * jsPDF and the fonts are not part of the board's initial bundle. The fonts come from our own
 * server (Vite emits the TTF files as assets; no CDN).
 */
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import type { PlanJson } from '../domain/types';
import { exportPlanPdf, type ExportEnv, type ExportedPdf, type LogoInput } from './index';
import type { ExportOptions, ExportResult } from './options';
import type { FontBytes } from './render';

let fontsPromise: Promise<FontBytes> | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

function loadFonts(): Promise<FontBytes> {
	fontsPromise ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(
		([regular, bold]) => ({ regular, bold }),
		(error) => {
			fontsPromise = null;
			throw error;
		}
	);
	return fontsPromise;
}

export async function exportInBrowser(
	plan: PlanJson,
	options: ExportOptions,
	logo?: LogoInput & { width: number; height: number },
	extra: Pick<
		ExportEnv,
		'consideration' | 'checks' | 'acknowledged' | 'decisionLog' | 'indicators'
	> = {}
): Promise<ExportResult<ExportedPdf>> {
	const [{ jsPDF }, fonts] = await Promise.all([import('jspdf'), loadFonts()]);
	return exportPlanPdf(plan, options, { jsPDF, fonts, logo, ...extra });
}
