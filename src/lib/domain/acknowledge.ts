/**
 * "Bewusst offen": the process owner marks a completeness check (completeness.ts) as intentionally
 * open, with a reason. Stored in the plan's meta map under `ack:<checkId>` (layout: schema.ts,
 * docs/data-model.md), so it travels with the plan, its versions and exports.
 */
import type * as Y from 'yjs';
import type { Acknowledgement } from './completeness';
import { err, ok, type Result } from './errors';
import { metaMap } from './read';
import {
	ACK_META_PREFIX,
	MAX_ACK_BY_LENGTH,
	MAX_ACK_REASON_LENGTH,
	isAckMetaKey,
	isValidAcknowledgement
} from './schema';

/** All valid marks, keyed by check id; malformed entries are ignored. */
export function readAcknowledgements(doc: Y.Doc): Map<string, Acknowledgement> {
	const out = new Map<string, Acknowledgement>();
	metaMap(doc).forEach((value, key) => {
		if (isAckMetaKey(key) && isValidAcknowledgement(value)) {
			out.set(key.slice(ACK_META_PREFIX.length), value as Acknowledgement);
		}
	});
	return out;
}

/** Mark `checkId` as "bewusst offen" (replaces an earlier reason). */
export function acknowledgeCheck(
	doc: Y.Doc,
	checkId: string,
	input: { reason: string; by: string; at?: string },
	origin?: unknown
): Result<void> {
	const key = ACK_META_PREFIX + checkId;
	if (!isAckMetaKey(key)) return err('invalid_value', 'Diesen Prüfpunkt gibt es nicht.', 'checkId');
	const reason = typeof input?.reason === 'string' ? input.reason.trim() : '';
	if (reason === '') {
		return err(
			'invalid_value',
			'Bitte geben Sie einen Grund an, warum der Punkt offen bleibt.',
			'reason'
		);
	}
	if (reason.length > MAX_ACK_REASON_LENGTH) {
		return err(
			'invalid_value',
			`Der Grund darf höchstens ${MAX_ACK_REASON_LENGTH} Zeichen lang sein.`,
			'reason'
		);
	}
	const value: Acknowledgement = {
		reason,
		by: String(input.by ?? '').slice(0, MAX_ACK_BY_LENGTH),
		at: input.at ?? new Date().toISOString()
	};
	doc.transact(() => metaMap(doc).set(key, value), origin);
	return ok();
}

/** Remove the mark again (the check counts as open). No-op if it was not marked. */
export function unacknowledgeCheck(doc: Y.Doc, checkId: string, origin?: unknown): void {
	const key = ACK_META_PREFIX + checkId;
	const m = metaMap(doc);
	if (m.has(key)) doc.transact(() => m.delete(key), origin);
}
