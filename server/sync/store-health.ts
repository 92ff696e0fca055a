/**
 * Whether appends to the store currently work, shared by all rooms of an instance. An outage
 * (e.g. ENOSPC, Redis down) is logged once when it starts and once when appends work again,
 * not once per failed append; `/api/health` answers 503 while it lasts.
 */
import type { Logger } from '../log';

export class StoreHealth {
	private failingSince: number | null = null;
	private failures = 0;
	private lastError: unknown;

	constructor(private readonly log: Logger) {}

	/** True while the last append failed and none succeeded since. */
	get failing(): boolean {
		return this.failingSince !== null;
	}

	get lastAppendError(): unknown {
		return this.failing ? this.lastError : undefined;
	}

	appendFailed(error: unknown, planId: string): void {
		this.failures++;
		this.lastError = error;
		if (this.failingSince !== null) return;
		this.failingSince = Date.now();
		this.log.error('store appends failing; updates kept in memory and retried (logged once)', {
			planId,
			error
		});
	}

	appendSucceeded(): void {
		if (this.failingSince === null) return;
		this.log.warn('store appends recovered', {
			seconds: Math.round((Date.now() - this.failingSince) / 1000),
			failedAppends: this.failures
		});
		this.failingSince = null;
		this.failures = 0;
		this.lastError = undefined;
	}
}
