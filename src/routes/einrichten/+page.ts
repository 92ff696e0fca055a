import { redirect } from '@sveltejs/kit';
import { api } from '$lib/components/api';
import type { PageLoad } from './$types';

/** Only while no account exists; afterwards this page sends everyone to the login. */
export const load: PageLoad = async ({ fetch }) => {
	const setup = await api.setupNeeded(fetch);
	if (setup.ok && !setup.value.needed) redirect(303, '/anmelden');
	return { error: setup.ok ? null : setup.error.message };
};
