import { api } from '$lib/components/api';
import { isSsoErrorCode } from '$lib/contract/sso';
import type { PageLoad } from './$types';

/**
 * Why a single sign-on failed (the code from /auth/oidc/callback) and the provider's label; the
 * page explains the code in the interface language.
 */
export const load: PageLoad = async ({ url, fetch }) => {
	const raw = url.searchParams.get('grund');
	const code = isSsoErrorCode(raw) ? raw : 'sso_response_invalid';
	const sso = await api.sso(fetch);
	return {
		code,

		label: sso.ok && sso.value.sso ? sso.value.sso.label : null
	};
};
