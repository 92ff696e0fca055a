/**
 * Calendar days and clock times in the municipality's time zone (config `TIME_ZONE`, default
 * Europe/Berlin), never in the server's: a container on UTC would otherwise be a day behind
 * between 00:00 and 02:00 German time (due dates, reminders, the PDF cover) and print UTC clock
 * times into the CSV. Pure Intl, so it runs the same in Node and the browser.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** True if Intl knows `zone` (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('de-DE', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string, at: Date): Record<string, string> {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-GB', {
			timeZone: zone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		formatters.set(zone, f);
	}
	const out: Record<string, string> = {};
	for (const p of f.formatToParts(at)) out[p.type] = p.value;
	return out;
}

/** The calendar day of `now` in `zone` as YYYY-MM-DD. */
export function todayIn(zone: string = DEFAULT_TIME_ZONE, now: Date | number = new Date()): string {
	const p = partsIn(zone, new Date(now));
	return `${p.year}-${p.month}-${p.day}`;
}

/**
 * An ISO timestamp as German local date and time, "21.11.2026 00:30" (in `zone`); anything that
 * is not a timestamp is returned unchanged.
 */
export function localDateTime(iso: string, zone: string = DEFAULT_TIME_ZONE): string {
	const t = Date.parse(iso);
	if (!iso || Number.isNaN(t)) return iso;
	const p = partsIn(zone, new Date(t));
	return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** An ISO timestamp as the calendar day and clock time in `zone`: { date: YYYY-MM-DD, time: HH:MM }. */
export function localDateAndTime(
	iso: string,
	zone: string = DEFAULT_TIME_ZONE
): { date: string; time: string } | null {
	const t = Date.parse(iso);
	if (!iso || Number.isNaN(t)) return null;
	const p = partsIn(zone, new Date(t));
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant (epoch ms) of a wall-clock time in `zone`, e.g. 2027-03-12 18:00 in Europe/Berlin
 * → 17:00 UTC. Two refinement steps settle daylight-saving changes.
 */
export function zonedTimeToUtc(
	date: string,
	time: string,
	zone: string = DEFAULT_TIME_ZONE
): number {
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	let guess = wall;
	for (let i = 0; i < 2; i++) {
		const p = partsIn(zone, new Date(guess));
		const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
		guess += wall - shown;
	}
	return guess;
}
