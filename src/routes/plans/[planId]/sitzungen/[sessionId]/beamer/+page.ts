/** The projector view of one session (issue 13): the same data as the session page. */
import { loadSessionPage } from '$lib/meetings/load-session-page';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, params }) => loadSessionPage(fetch, params);
