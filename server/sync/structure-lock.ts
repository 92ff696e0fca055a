/**
 * The structure lock as the sync rooms see it (issue 13): while a session's facilitator has
 * locked the plan's structure, people other than the owners and the session's facilitators may
 * still type into texts but not add, delete or move items (doc-guard.ts refuses those updates).
 * Implemented by server/meetings/locks.ts, which keeps the lock in the KV and in memory.
 */
export interface StructureLocks {
	/**
	 * Is the structure locked for this person (synchronous: checked on every update)? The rule is
	 * `lockedFor` in src/lib/meetings/model.ts, the one the board uses too.
	 */
	lockedFor(planId: string, principalId: string | undefined, owner?: boolean): boolean;
	/** Re-reads the plan's lock from the store (a room loaded, another instance changed it). */
	refresh(planId: string): Promise<void>;
}
