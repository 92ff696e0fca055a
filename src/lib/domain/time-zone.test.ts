import { describe, expect, it } from 'vitest';
import { isTimeZone, localDateTime, todayIn } from './time-zone';

describe('time zone', () => {
	it("counts today in Germany, not in the server's UTC", () => {
		// 23:30 UTC on 20 November is 00:30 on 21 November in Berlin (winter time, UTC+1)
		const lateUtc = Date.parse('2026-11-20T23:30:00Z');
		expect(todayIn('Europe/Berlin', lateUtc)).toBe('2026-11-21');
		expect(todayIn('UTC', lateUtc)).toBe('2026-11-20');
		// summer time (UTC+2): 22:15 UTC is already the next day
		expect(todayIn(undefined, Date.parse('2026-06-30T22:15:00Z'))).toBe('2026-07-01');
	});

	it('prints timestamps as German local date and time', () => {
		expect(localDateTime('2026-11-20T23:30:00.000Z')).toBe('21.11.2026 00:30');
		expect(localDateTime('2026-06-30T08:05:00Z', 'Europe/Berlin')).toBe('30.06.2026 10:05');
		expect(localDateTime('')).toBe('');
		expect(localDateTime('kein Datum')).toBe('kein Datum');
	});

	it('knows valid zone names', () => {
		expect(isTimeZone('Europe/Berlin')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
	});
});
