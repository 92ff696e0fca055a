/** Helpers shared by the version endpoints (src/routes/api/plans/[planId]/versions…). */
import type { Principal } from '../../../server/auth/types';
import type { VersionActor } from '$lib/versions/types';

export function actorOf(principal: Principal): VersionActor {
	return { id: principal.id, name: principal.name, kind: principal.kind };
}
