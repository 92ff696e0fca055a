/**
 * Contract: what the server sends to a PDF export worker and gets back (plain, structured-clonable data),
 * and the export service the HTTP routes call (`locals.backend.exports`).
 */
import type { PlanJson } from '../domain/types';
import type { ProtocolModel } from './minutes';
import type { ExportEnv } from '../export/index';
import type { ExportOptions } from '../export/options';
import type { UmsetzungsberichtModel } from '../monitoring/report';

/**
 * A live plan's document as Yjs updates for the export worker to merge: the room's whole state
 * (a plan in memory) or the stored snapshot and log entries (a plan not in memory). Each part
 * owns its buffer, so it can be transferred to the worker.
 */
export interface PlanStateParts {
	snapshot: Uint8Array | null;
	entries: Uint8Array[];
}

/**
 * One export. The plan comes either as PlanJson (a version) or as the live document's Yjs state
 * (`state`): then the worker merges and reads the plan itself and the text budget is checked
 * there, so even reading a very large plan never blocks the server's event loop.
 */
export interface PdfJob {
	plan?: PlanJson;
	state?: { planId: string } & PlanStateParts;
	/** Largest text (characters) the worker renders; set by the service. */
	maxChars?: number;
	/** The council PDF's options (every job except a report). */
	options?: ExportOptions;
	/** An Umsetzungsbericht (issue 14): the built report model, rendered instead of a plan. */
	report?: UmsetzungsberichtModel;
	consideration?: ExportEnv['consideration'];
	checks?: ExportEnv['checks'];
	/** "Bewusst offen" marks for a PlanJson job; a `state` job's worker reads them itself. */
	acknowledged?: ExportEnv['acknowledged'];
	/** Indicators per goal (charts under the goals). */
	indicators?: ExportEnv['indicators'];
	/** Decisions of all sessions (Gesamtplan appendix, options.decisionLog). */
	decisionLog?: ExportEnv['decisionLog'];
	/** A Sitzungsprotokoll instead of a plan (then `plan`/`state` are absent; options unused). */
	protocol?: ProtocolModel;
	today?: string;
}

export type PdfJobResult =
	| { ok: true; bytes: Uint8Array; fileName: string; pageCount: number }
	| { ok: false; error: { code: string; message: string; status?: number } };

export interface PdfExportError {
	status: number;
	code: string;
	message: string;
	/** Seconds, for a Retry-After header (busy answers). */
	retryAfter?: number;
}

export type PdfExportResult =
	| { ok: true; value: { bytes: Uint8Array; fileName: string; pageCount: number } }
	| { ok: false; error: PdfExportError };

export interface PdfExportService {
	/** Renders in a worker thread; `personId` is the principal's id (per-person limit). */
	render(personId: string, job: PdfJob): Promise<PdfExportResult>;
	/** Exports running in workers and waiting for one (metrics). */
	load(): { running: number; queued: number };
	close(): Promise<void>;
}
