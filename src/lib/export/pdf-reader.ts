/**
 * Test helper: reads a PDF back with a real parser (pdfjs-dist, legacy build for Node) — the
 * text of every page in reading order, the outline and the document properties.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
	pageCount: number;
	/** Text of each page; lines joined with "\n" (pdfjs' end-of-line marks) */
	pages: string[];
	outline: Array<{ title: string; page: number; depth: number }>;
	info: Record<string, unknown>;
	/** Width × height of the first page in points */
	size: [number, number];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
	const task = pdfjs.getDocument({
		data: new Uint8Array(bytes),
		useSystemFonts: false,
		isEvalSupported: false,
		verbosity: 0
	});
	const pdf = await task.promise;
	try {
		const pages: string[] = [];
		let size: [number, number] = [0, 0];
		for (let i = 1; i <= pdf.numPages; i++) {
			const page = await pdf.getPage(i);
			if (i === 1) {
				const vp = page.getViewport({ scale: 1 });
				size = [Math.round(vp.width), Math.round(vp.height)];
			}
			const content = await page.getTextContent();
			let text = '';
			for (const item of content.items) {
				if (!('str' in item)) continue;
				text += item.str + (item.hasEOL ? '\n' : '');
			}
			pages.push(text);
		}
		const outline: ReadPdf['outline'] = [];
		const walk = async (
			items: Awaited<ReturnType<typeof pdf.getOutline>> | null,
			depth: number
		) => {
			for (const item of items ?? []) {
				let page = 0;
				const dest =
					typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
				if (Array.isArray(dest) && dest[0]) page = (await pdf.getPageIndex(dest[0])) + 1;
				outline.push({ title: item.title, page, depth });
				await walk(item.items, depth + 1);
			}
		};
		await walk(await pdf.getOutline(), 0);
		const meta = await pdf.getMetadata();
		return {
			pageCount: pdf.numPages,
			pages,
			outline,
			info: meta.info as Record<string, unknown>,
			size
		};
	} finally {
		await task.destroy();
	}
}
