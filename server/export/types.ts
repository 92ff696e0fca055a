/** The PDF export's job and service types: the shared contract (src/lib/contract/exports.ts). */
export type {
	PdfExportError,
	PdfExportResult,
	PdfExportService,
	PdfJob,
	PdfJobResult
} from '../../src/lib/contract/exports';
