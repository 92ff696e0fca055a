/** One session (issue 13): loaded by the loader shared with the projector view. */
import { loadSessionPage } from '$lib/meetings/load-session-page';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, params }) => loadSessionPage(fetch, params);
