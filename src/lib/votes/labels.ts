/** Interface-language words of the dot vote (issue 15); the API keeps its German `dotWord`. */
import { m } from '$lib/i18n';

/** "1 Punkt" / "3 Punkte" in the interface language. */
export const dots = (n: number): string =>
	n === 1 ? m.meetings_dot_one() : m.meetings_dots_n({ count: n });
