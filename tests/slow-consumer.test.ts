/**
 * A client that never reads (issue „Scale“, bad input): its socket is paused right after it
 * joined, while an editor keeps changing the plan. Once the server has more than
 * SYNC_MAX_BUFFERED_BYTES queued for it, the server drops that one connection instead of holding
 * ever more memory for it; the editor and an honest reader go on and end with the same text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Socket } from 'node:net';
import { createItem, getText } from '../src/lib/domain/index';
import { createOwnedPlan, syncToken } from './helpers/auth';
import { connectClient, waitFor } from './helpers/clients';
import { startInProcess, tempDir } from './helpers/server';

const LIMIT = 256 * 1024;
const CHUNK = 16_000;
const ROUNDS = 1_500; // ~24 MB sent to every reader: far above the limit and the socket buffers

describe('a websocket client that never reads', () => {
	const data = tempDir();
	let server: Awaited<ReturnType<typeof startInProcess>>;
	beforeAll(async () => {
		server = await startInProcess({ DATA_DIR: data.dir, SYNC_MAX_BUFFERED_BYTES: String(LIMIT) });
	});
	afterAll(async () => {
		await server.close();
		data.remove();
	});

	it('is disconnected once its backlog passes the limit; the others are unaffected', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Langsam');
		const token = await syncToken(server.core, owner, planId);
		const editor = connectClient(server.wsUrl, planId, 'Editorin', token);
		const reader = connectClient(server.wsUrl, planId, 'Leserin', token);
		await Promise.all([editor.synced, reader.synced]);
		const field = createItem(editor.doc, { type: 'field', values: { title: 'Bildung' } });
		if (!field.ok) throw new Error(field.error.message);
		const fieldId = field.value;
		await waitFor(() => getText(reader.doc, fieldId, 'title') !== null, 'field at the reader');

		const slow = new WebSocket(`${server.wsUrl}/sync/${planId}?token=${encodeURIComponent(token)}`);
		await new Promise<void>((resolve, reject) => {
			slow.once('open', () => resolve());
			slow.once('error', reject);
		});
		const closed = new Promise<number>((resolve) => slow.once('close', (code) => resolve(code)));
		slow.on('error', () => {});
		await new Promise((r) => setTimeout(r, 200)); // its join is handled
		(slow as unknown as { _socket: Socket })._socket.pause();

		const text = getText(editor.doc, fieldId, 'situation')!;
		const filler = 'x'.repeat(CHUNK);
		for (let i = 0; i < ROUNDS; i++) {
			text.insert(0, filler); // each insert is one update of ~16 kB to every reader
			text.delete(0, CHUNK);
			if (i % 100 === 0) await new Promise((r) => setImmediate(r));
		}
		text.insert(0, 'Ende');
		await waitFor(
			() => getText(reader.doc, fieldId, 'situation')?.toString() === 'Ende',
			'the honest reader has every change',
			30_000
		);

		// The paused client: once it reads again it finds its connection gone.
		(slow as unknown as { _socket: Socket })._socket.resume();
		const outcome = await Promise.race([
			closed,
			new Promise<string>((r) => setTimeout(() => r('still open'), 10_000))
		]);
		expect(outcome).not.toBe('still open');
		expect(reader.provider.wsconnected).toBe(true);
		expect(editor.provider.wsconnected).toBe(true);
		editor.destroy();
		reader.destroy();
	}, 90_000);
});
