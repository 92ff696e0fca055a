/** The PDF export's job and service types: the shared contract (src/lib/contract/exports.ts). */
export type {
	PdfExportError,
	PdfExportResult,
	PdfExportService,
	PdfJob,
	PdfJobResult,
	PlanStateParts
} from '../../src/lib/contract/exports';
