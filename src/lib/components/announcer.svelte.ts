/**
 * Screen-reader announcements through one polite and one assertive live region
 * (rendered once by the root layout, see LiveRegions.svelte).
 */
class Announcer {
	polite = $state('');
	assertive = $state('');
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Announce `message`; re-announces identical messages by clearing first. */
	say(message: string, urgency: 'polite' | 'assertive' = 'polite'): void {
		this[urgency] = '';
		clearTimeout(this.#timer);
		// A short delay makes screen readers notice a change even for a repeated text.
		this.#timer = setTimeout(() => {
			this[urgency] = message;
		}, 60);
	}
}

export const announcer = new Announcer();
