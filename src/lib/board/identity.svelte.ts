/**
 * The display name and colour of this browser's user (no accounts yet): asked once, stored in
 * localStorage, shown to others through awareness.
 */
import type { PresenceUser } from '$lib/sync/client.svelte';

const STORAGE_KEY = 'mitplan.user';

/** Colours with at least 4.5:1 contrast to white text (initials on avatars). */
export const USER_COLORS: readonly { value: string; label: string }[] = [
	{ value: '#1d4ed8', label: 'Blau' },
	{ value: '#b91c1c', label: 'Rot' },
	{ value: '#047857', label: 'Grün' },
	{ value: '#7e22ce', label: 'Violett' },
	{ value: '#b45309', label: 'Ocker' },
	{ value: '#0e7490', label: 'Petrol' },
	{ value: '#be185d', label: 'Magenta' },
	{ value: '#4d5b18', label: 'Oliv' },
	{ value: '#334155', label: 'Schiefer' }
];

export const MAX_NAME_LENGTH = 40;

export function randomColor(): string {
	const i = Math.floor(Math.random() * USER_COLORS.length);
	return USER_COLORS[i]!.value;
}

function load(): PresenceUser | null {
	if (typeof localStorage === 'undefined') return null;
	try {
		const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<PresenceUser>;
		if (!raw || typeof raw.name !== 'string' || !raw.name.trim()) return null;
		const color = USER_COLORS.some((c) => c.value === raw.color) ? raw.color! : randomColor();
		return { name: raw.name.trim().slice(0, MAX_NAME_LENGTH), color };
	} catch {
		return null;
	}
}

class Identity {
	user = $state<PresenceUser | null>(load());

	save(user: PresenceUser) {
		const clean = { name: user.name.trim().slice(0, MAX_NAME_LENGTH), color: user.color };
		this.user = clean;
		try {
			localStorage.setItem(STORAGE_KEY, JSON.stringify(clean));
		} catch {
			// private mode: keep it for this session only
		}
	}
}

export const identity = new Identity();
