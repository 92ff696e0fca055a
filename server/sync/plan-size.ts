/**
 * The size limits of one plan (issue 12, item 13): encoded bytes and map entries, tracked as
 * cheap upper estimates and measured exactly only when a limit comes near. Above a limit only
 * deletions are accepted, so the owner can still repair the plan.
 */
import * as Y from 'yjs';
import { CloseCode } from '../../src/lib/contract/close-codes';
import { UpdateRefused } from './doc-guard';

export interface PlanLimits {
	/** Encoded size of the whole document; above it only deletions are accepted. */
	maxDocBytes: number;
	/** Map entries (items and Leitlinien links); above it only deletions are accepted. */
	maxEntries: number;
	/** Updates held back for missing dependencies, per connection. */
	maxHeldBytes: number;
}

export const DEFAULT_PLAN_LIMITS: PlanLimits = {
	maxDocBytes: 32 * 1024 * 1024,
	maxEntries: 50_000,
	maxHeldBytes: 8 * 1024 * 1024
};

/** Map entries of a plan: items plus each goal's Leitlinien links. */
export function countEntries(doc: Y.Doc): number {
	let count = 0;
	for (const item of doc.getMap<unknown>('items').values()) {
		count++;
		const links = item instanceof Y.Map ? item.get('principleIds') : undefined;
		if (links instanceof Y.Map) count += links.size;
	}
	return count;
}

export class PlanSize {
	/** Upper estimate of the encoded document size (exact after each re-measure). */
	private approxBytes = 0;
	/** Bytes that may be added before the size is measured again. */
	private bytesUntilMeasure = 0;
	/** Upper estimate of the map entries (exact after each recount). */
	private approxEntries = 0;

	/** `encodedBytes` measures the whole document exactly (the room may answer from a cache). */
	constructor(
		readonly limits: PlanLimits,
		private readonly doc: Y.Doc,
		private readonly encodedBytes: () => number
	) {}

	/** Measures and counts everything exactly (after loading). */
	reset(): void {
		this.measure();
		this.approxEntries = countEntries(this.doc);
	}

	/** An update was applied to the document (any origin). */
	grew(bytes: number): void {
		this.approxBytes += bytes;
		this.bytesUntilMeasure -= bytes;
	}

	/**
	 * Throws UpdateRefused (4413) if a checked update would take the plan over a limit; deletions
	 * always pass. Counts the update's new entries.
	 */
	admit(update: Uint8Array, verdict: { deletionOnly: boolean; newEntries: number }): void {
		const { maxDocBytes, maxEntries } = this.limits;
		if (!verdict.deletionOnly) {
			if (this.approxBytes + update.byteLength > maxDocBytes) {
				if (update.byteLength > this.bytesUntilMeasure) this.measure();
				if (this.approxBytes + update.byteLength > maxDocBytes) {
					const mb = Math.round(maxDocBytes / 1024 / 1024);
					throw new UpdateRefused(
						CloseCode.PlanTooLarge,
						`Plan zu groß (höchstens ${mb} MB): nur Löschen ist möglich`
					);
				}
			}
			if (verdict.newEntries > 0 && this.approxEntries + verdict.newEntries > maxEntries) {
				this.approxEntries = countEntries(this.doc);
				if (this.approxEntries + verdict.newEntries > maxEntries) {
					throw new UpdateRefused(
						CloseCode.PlanTooLarge,
						`Plan zu groß (höchstens ${maxEntries.toLocaleString('de-DE')} Einträge): nur Löschen ist möglich`
					);
				}
			}
		}
		this.approxEntries += verdict.newEntries;
	}

	/** After applying an admitted update: a deletion may bring an oversized plan back below. */
	applied(verdict: { deletionOnly: boolean }): void {
		if (verdict.deletionOnly && this.approxBytes > this.limits.maxDocBytes) this.measure();
	}

	/**
	 * Measures the encoded document exactly. Costly for big plans, so the next measurement comes
	 * only after 1/64 of the limit was added (a plan can exceed its limit by that much).
	 */
	private measure(): void {
		this.approxBytes = this.encodedBytes();
		this.bytesUntilMeasure = this.limits.maxDocBytes / 64;
	}
}
