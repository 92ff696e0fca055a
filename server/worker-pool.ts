/**
 * A small pool of worker threads for CPU-heavy jobs (the PDF export, compaction merges): a fixed number of workers,
 * a bounded queue, a time budget per job (the worker is terminated and replaced when it runs
 * over) and a heap limit per worker. The event loop of the server only posts messages.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerPoolOptions {
	/** The worker script (resolved once, lazily; see worker-file.ts). */
	file: () => Promise<URL>;
	/** Workers running at once. */
	size: number;
	/** Jobs waiting for a worker; more are refused with `busy`. */
	queueMax: number;
	/** A job running longer is terminated (`timeout`). */
	timeoutMs: number;
	/** Old-generation heap limit of each worker in MiB (`crashed` when exceeded). */
	maxMemoryMb: number;
	onWorkerError?: (error: unknown) => void;
}

export type PoolOutcome<O> =
	| { ok: true; value: O; ms: number }
	| { ok: false; reason: 'busy' | 'timeout' | 'crashed' | 'closed'; message?: string };

interface Job<I, O> {
	input: I;
	transfer: ArrayBuffer[];
	resolve: (outcome: PoolOutcome<O>) => void;
}

interface Slot<I, O> {
	worker: Worker;
	job: Job<I, O> | null;
	timer: ReturnType<typeof setTimeout> | null;
	started: number;
}

/** Messages: `{ input }` to the worker, `{ ok: true, value }` / `{ ok: false, message }` back. */
export class WorkerPool<I, O> {
	private readonly idle: Slot<I, O>[] = [];
	private readonly busy = new Set<Slot<I, O>>();
	private readonly queue: Job<I, O>[] = [];
	private starting = 0;
	private closed = false;
	private fileUrl: Promise<URL> | null = null;
	/** Moving average of job durations, for Retry-After estimates. */
	private avgMs = 1000;

	constructor(private readonly options: WorkerPoolOptions) {}

	/** Jobs running plus waiting. */
	get load(): { running: number; queued: number } {
		return { running: this.busy.size, queued: this.queue.length };
	}

	/** Seconds until a refused job is worth retrying (at least 1). */
	retryAfterSeconds(): number {
		const waves = Math.ceil((this.queue.length + 1) / Math.max(1, this.options.size));
		return Math.max(1, Math.min(300, Math.ceil((waves * this.avgMs) / 1000)));
	}

	run(input: I, transfer: ArrayBuffer[] = []): Promise<PoolOutcome<O>> {
		if (this.closed) return Promise.resolve({ ok: false, reason: 'closed' });
		// Waiting jobs include those whose worker is still starting.
		if (this.busy.size + this.queue.length >= this.options.size + this.options.queueMax) {
			return Promise.resolve({ ok: false, reason: 'busy' });
		}
		return new Promise((resolve) => {
			this.queue.push({ input, transfer, resolve });
			this.pump();
		});
	}

	async close(): Promise<void> {
		this.closed = true;
		for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason: 'closed' });
		const all = [...this.idle.splice(0), ...this.busy];
		this.busy.clear();
		for (const slot of all) {
			if (slot.timer) clearTimeout(slot.timer);
			slot.job?.resolve({ ok: false, reason: 'closed' });
			slot.job = null;
		}
		await Promise.all(all.map((slot) => slot.worker.terminate().catch(() => 0)));
	}

	private total(): number {
		return this.idle.length + this.busy.size + this.starting;
	}

	private pump(): void {
		while (this.queue.length > 0 && !this.closed) {
			const slot = this.idle.pop();
			if (slot) {
				this.dispatch(slot, this.queue.shift()!);
				continue;
			}
			if (this.total() < this.options.size) {
				this.spawn();
				continue;
			}
			return;
		}
	}

	private spawn(): void {
		this.starting++;
		this.fileUrl ??= this.options.file();
		this.fileUrl.then(
			(url) => {
				this.starting--;
				if (this.closed) return;
				const worker = new Worker(url, {
					resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb }
				});
				worker.unref();
				const slot: Slot<I, O> = { worker, job: null, timer: null, started: 0 };
				worker.on('message', (message: { ok: boolean; value?: O; message?: string }) =>
					this.finish(
						slot,
						message.ok
							? { ok: true, value: message.value as O, ms: performance.now() - slot.started }
							: { ok: false, reason: 'crashed', message: message.message }
					)
				);
				worker.on('error', (error) => {
					this.options.onWorkerError?.(error);
					this.finish(slot, { ok: false, reason: 'crashed', message: String(error) }, true);
				});
				worker.on('exit', () => this.finish(slot, { ok: false, reason: 'crashed' }, true));
				this.idle.push(slot);
				this.pump();
			},
			(error) => {
				this.starting--;
				this.fileUrl = null;
				this.options.onWorkerError?.(error);
				for (const job of this.queue.splice(0)) {
					job.resolve({ ok: false, reason: 'crashed', message: String(error) });
				}
			}
		);
	}

	private dispatch(slot: Slot<I, O>, job: Job<I, O>): void {
		slot.job = job;
		slot.started = performance.now();
		this.busy.add(slot);
		slot.timer = setTimeout(() => {
			this.finish(slot, { ok: false, reason: 'timeout' }, true);
		}, this.options.timeoutMs);
		slot.worker.postMessage({ input: job.input }, job.transfer);
	}

	/** Ends the slot's job; `discard` terminates the worker (timeout, crash, exit). */
	private finish(slot: Slot<I, O>, outcome: PoolOutcome<O>, discard = false): void {
		if (slot.timer) clearTimeout(slot.timer);
		slot.timer = null;
		const job = slot.job;
		slot.job = null;
		this.busy.delete(slot);
		if (outcome.ok) this.avgMs = this.avgMs * 0.7 + outcome.ms * 0.3;
		else if (outcome.reason === 'timeout') this.avgMs = this.options.timeoutMs;
		if (discard) {
			const at = this.idle.indexOf(slot);
			if (at >= 0) this.idle.splice(at, 1);
			slot.worker.removeAllListeners('message');
			slot.worker.removeAllListeners('exit');
			slot.worker.on('error', () => {});
			void slot.worker.terminate().catch(() => 0);
		} else if (!this.closed && !this.idle.includes(slot)) {
			this.idle.push(slot);
		}
		job?.resolve(outcome);
		this.pump();
	}
}
