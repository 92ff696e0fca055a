/**
 * The PDF export worker thread (run by the pool in pdf-exports.ts): receives a plan as plain data
 * (PlanJson or the live plan's Yjs parts, which it merges; options, consideration rows, check verdicts,
 * "bewusst offen" marks) or a built Umsetzungsbericht model, renders it with jsPDF and posts the
 * bytes back (transferred, not copied). Built to build/server/export-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { readPlan } from '../../src/lib/domain/index';
import { readAcknowledgements } from '../../src/lib/domain/acknowledge';
import type { PlanJson } from '../../src/lib/domain/types';
import {
	exportPlanPdfNode,
	exportProtocolPdfNode,
	exportReportPdfNode
} from '../../src/lib/export/node';
import { migrate } from '../../src/lib/domain/migrations';
import {
	chooseLanguage,
	localizePlan,
	type ContentMarks
} from '../../src/lib/domain/reader-language';
import { planLanguages } from '../../src/lib/domain/translations';
import { mergeState } from '../storage/types';
import { jobChars, tooLarge } from './budget';
import type { PdfJob, PdfJobResult } from './types';

if (!parentPort) throw new Error('export-worker must run as a worker thread');
const port = parentPort;
/** Skipped log entries are logged by the room that loads the plan, not again by each export. */
const SILENT = { warn: () => {}, error: () => {} };

port.on('message', ({ input }: { input: PdfJob }) => {
	try {
		if (input.report) {
			const { bytes, fileName, pageCount } = exportReportPdfNode(input.report);
			const answer: PdfJobResult = { ok: true, bytes, fileName, pageCount };
			port.postMessage({ ok: true, value: answer }, [bytes.buffer as ArrayBuffer]);
			return;
		}
		if (input.protocol) {
			const { bytes, fileName, pageCount } = exportProtocolPdfNode(input.protocol);
			const answer: PdfJobResult = { ok: true, bytes, fileName, pageCount };
			port.postMessage({ ok: true, value: answer }, [bytes.buffer as ArrayBuffer]);
			return;
		}
		const options = input.options;
		if (!options) throw new Error('export job without options');
		let plan: PlanJson;
		let acknowledged = input.acknowledged;
		let marks: ContentMarks | undefined;
		if (input.state) {
			const { planId, snapshot, entries } = input.state;
			const doc = new Y.Doc();
			// Like a room's load: merge (an undecodable log entry is skipped, as there), then bring an
			// older document to the current schema (in memory only; the room stores its migration).
			Y.applyUpdate(doc, mergeState(planId, snapshot, entries, SILENT));
			migrate(doc);
			plan = readPlan(doc, planId);
			// the readers' language (?sprache=): translations live in the document, not in PlanJson
			if (options.sprache) {
				const choice = chooseLanguage(options.sprache, planLanguages(doc));
				if (!choice.ok) {
					doc.destroy();
					const error = { code: 'invalid_export_option', message: choice.message };
					const answer: PdfJobResult = { ok: false, error };
					port.postMessage({ ok: true, value: answer });
					return;
				}
				if (choice.language) {
					const localized = localizePlan(doc, plan, choice.language);
					plan = localized.plan;
					marks = localized.marks;
				}
			}
			// "bewusst offen" marks live in the meta map, which the plan read does not carry
			if (options.openPoints) acknowledged = Object.fromEntries(readAcknowledgements(doc));
			doc.destroy();
			const limit = input.maxChars ?? Infinity;
			if (jobChars({ ...input, plan }, limit) > limit) {
				port.postMessage({ ok: true, value: { ok: false, error: tooLarge(limit) } });
				return;
			}
		} else if (input.plan) {
			// a version with `sprache` comes as its Yjs state (above); a PlanJson is German
			plan = input.plan;
		} else throw new Error('export job without a plan');
		const result = exportPlanPdfNode(plan, options, {
			consideration: input.consideration,
			checks: input.checks,
			acknowledged,
			indicators: input.indicators,
			decisionLog: input.decisionLog,
			marks,
			today: input.today
		});
		if (!result.ok) {
			const answer: PdfJobResult = { ok: false, error: result.error };
			port.postMessage({ ok: true, value: answer });
			return;
		}
		const { bytes, fileName, pageCount } = result.value;
		const answer: PdfJobResult = { ok: true, bytes, fileName, pageCount };
		port.postMessage({ ok: true, value: answer }, [bytes.buffer as ArrayBuffer]);
	} catch (error) {
		port.postMessage({
			ok: false,
			message: error instanceof Error ? error.message : String(error)
		});
	}
});
