/** The JSON error answers: a service error's `field` reaches the browser (to show it at the input). */
import { describe, expect, it } from 'vitest';
import { errorResponse, resultResponse } from './http';

describe('error responses', () => {
	it('pass a service error’s field through, and leave it out when there is none', async () => {
		const withField = resultResponse({
			ok: false,
			error: {
				status: 400,
				code: 'invalid_value',
				message: 'Schritt 2: geplante Minuten als ganze Zahl von 1 bis 480.',
				field: 'agenda.1.minutes'
			}
		});
		expect(withField.status).toBe(400);
		expect(await withField.json()).toEqual({
			error: {
				code: 'invalid_value',
				message: 'Schritt 2: geplante Minuten als ganze Zahl von 1 bis 480.',
				field: 'agenda.1.minutes'
			}
		});
		const without = resultResponse({
			ok: false,
			error: { status: 404, code: 'session_not_found', message: 'Weg.' }
		});
		expect(await without.json()).toEqual({ error: { code: 'session_not_found', message: 'Weg.' } });
		const direct = errorResponse(400, 'x', 'Y', undefined, 'title');
		expect(await direct.json()).toEqual({ error: { code: 'x', message: 'Y', field: 'title' } });
		expect(resultResponse({ ok: true, value: { a: 1 } }, 201).status).toBe(201);
	});
});
