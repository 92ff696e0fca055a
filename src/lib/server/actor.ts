import type { Actor } from '../review/types';
import type { Principal } from '../../../server/auth/types';

/** Who did something, as review threads, version lists and the history show it. */
export function actorOf(principal: Principal): Actor {
	return { id: principal.id, name: principal.name, kind: principal.kind };
}
