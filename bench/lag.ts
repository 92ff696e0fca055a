/**
 * Event-loop lag benchmark (issue 12), run by bench/run.ts against the bench server process:
 * the server's event-loop delay (perf_hooks.monitorEventLoopDelay, p50 / p99 / max) while 50
 * editors type into one plan (raw y-websocket clients: a Y.Doc each, updates sent as y-websocket
 * messages) — once alone, once while the server exports a plan with 2,000 measures as PDF
 * (through its export service, i.e. in a worker thread, as GET …/export.pdf does).
 * Target: p99 < 50 ms.
 */
import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { createItem, getText } from '../src/lib/domain/index';
import { ask } from './support';

const EDITORS = 50;
/** One keystroke per editor every this many ms (about 4 characters per second). */
const KEYSTROKE_MS = 250;
const BASELINE_MS = 4000;

interface LagFigures {
	p50: number;
	p90: number;
	p99: number;
	max: number;
	/** Samples taken: few in a long run mean the loop was blocked (or the machine overloaded). */
	count: number;
	/** Reading the plan's state on the event loop (room load + encoding). */
	readMs?: number;
	exportMs?: number;
	pages?: number;
	error?: string;
}

interface Editor {
	type(): void;
	close(): void;
}

/** Syncs once (applies the plan's state), creates its own field, then only sends its typing. */
async function editor(url: string, planId: string, token: string, n: number): Promise<Editor> {
	const doc = new Y.Doc();
	const ws = new WebSocket(`${url}/sync/${planId}?token=${encodeURIComponent(token)}`);
	ws.binaryType = 'nodebuffer';
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	let synced = false;
	const ready = new Promise<void>((resolve) => {
		ws.on('message', (data: Buffer) => {
			if (synced || data[0] !== 0) return; // after the sync, incoming edits are ignored
			const decoder = decoding.createDecoder(new Uint8Array(data));
			decoding.readVarUint(decoder);
			const reply = encoding.createEncoder();
			const kind = syncProtocol.readSyncMessage(decoder, reply, doc, 'remote');
			if (kind === syncProtocol.messageYjsSyncStep2) {
				synced = true;
				resolve();
			}
		});
	});
	const hello = encoding.createEncoder();
	encoding.writeVarUint(hello, 0);
	syncProtocol.writeSyncStep1(hello, doc);
	ws.send(encoding.toUint8Array(hello));
	await ready;
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin === 'remote' || ws.readyState !== WebSocket.OPEN) return;
		const message = encoding.createEncoder();
		encoding.writeVarUint(message, 0);
		syncProtocol.writeUpdate(message, update);
		ws.send(encoding.toUint8Array(message));
	});
	const field = createItem(doc, { type: 'field', values: { title: `Feld ${n}` } });
	if (!field.ok) throw new Error(field.error.message);
	const text = getText(doc, field.value, 'situation')!;
	return {
		type: () => text.insert(text.length, 'abcdefghij'[text.length % 10]),
		close: () => ws.close()
	};
}

export async function runLagBench(
	child: ChildProcess,
	url: string,
	planId: string,
	token: string,
	bigPlanId: string
): Promise<void> {
	const editors: Editor[] = [];
	for (let i = 0; i < EDITORS; i++) editors.push(await editor(url, planId, token, i));
	// Staggered so the keystrokes are spread over the interval like real typing.
	const timers = editors.map((e, i) =>
		setTimeout(
			() => timers.push(setInterval(() => e.type(), KEYSTROKE_MS)),
			(i * KEYSTROKE_MS) / EDITORS
		)
	);
	await new Promise((r) => setTimeout(r, 1000));

	const baseline = await ask<LagFigures>(child, { lag: 'typing', ms: BASELINE_MS }, 'lagResult');
	const during = await ask<LagFigures>(child, { lag: 'export', planId: bigPlanId }, 'lagResult');
	for (const t of timers) clearTimeout(t);
	for (const e of editors) e.close();

	const row = (f: LagFigures) =>
		`p50 ${f.p50.toFixed(1)} ms   p99 ${f.p99.toFixed(1)} ms   max ${f.max.toFixed(1)} ms   (${f.count} samples)`;
	console.log(
		`\nEvent-loop lag of the server, ${EDITORS} editors typing (${1000 / KEYSTROKE_MS} keys/s each):`
	);
	console.log(`  typing only (${BASELINE_MS / 1000} s)                   ${row(baseline)}`);
	if (during.error) console.log(`  export failed: ${during.error}`);
	console.log(
		`  while exporting 2,000 measures (${((during.exportMs ?? 0) / 1000).toFixed(1)} s, ${during.pages ?? '?'} pages)  ${row(during)}   (target p99 < 50 ms)`
	);
	console.log(
		`  of which reading the plan's state on the event loop: ${(during.readMs ?? 0).toFixed(0)} ms; the rest runs in a worker thread`
	);
}
