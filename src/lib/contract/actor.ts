/**
 * The actor: who did something, as review threads, version lists and the history show it (a
 * member account or a guest who joined through an invite). `actorOf` is the one way to get it
 * from a principal.
 */
import type { Principal } from './access';

export interface Actor {
	id: string;
	name: string;
	kind: 'user' | 'guest';
}

export function actorOf(principal: Principal): Actor {
	return { id: principal.id, name: principal.name, kind: principal.kind };
}
