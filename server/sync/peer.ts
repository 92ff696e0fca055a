/** A connection (websocket peer) as a room sees it: what it may write, who is behind it, and how to reach it. */
/** A connection as the room sees it. */
export interface Peer {
	readonly id: string;
	/** Read-only peers receive everything but their document updates are dropped. */
	readonly canWrite: boolean;
	/** Owners: may also change the plan settings (`meta`); others only items (doc-guard.ts). */
	readonly canEditSettings?: boolean;
	/**
	 * Translators (below editor, issue 15): may write, but only the `tr` entries of these
	 * languages (doc-guard.ts). Undefined for editors and owners.
	 */
	readonly translateOnly?: readonly string[];
	/** The user or guest behind the connection (access changes close their connections). */
	readonly principalId?: string;
	/** For guests: the invite they joined through (revoking it closes their connections). */
	readonly inviteId?: string;
	/** The signed-in person's name: presence always shows this name. */
	readonly displayName?: string;
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
}
