/**
 * GET /api/plans/<planId>/umsetzung/bericht.pdf of the production bundle over real HTTP (issue 14,
 * item 7): adopt the seeded plan, record a status and Sachstände, fetch the report and read its
 * text with pdfjs — status table, the note inside the period present, the one outside absent,
 * the status change listed; the next report counts changes from this one; a bad period is a
 * German 400; a viewer may read it, an account without access may not. Needs `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson, PlanSummary } from '../src/lib/domain/types';
import { addDays } from '../src/lib/domain/monitoring';
import { todayIn } from '../src/lib/domain/time-zone';
import { readPdf } from '../src/lib/export/pdf-reader';
import { login, type HttpSession } from './helpers/auth';
import type { ServerProcess } from './helpers/server';
import { serverPool } from './helpers/server-pool';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'true' });

let server: ServerProcess;
let admin: HttpSession;
let plan: PlanJson;
const today = todayIn('Europe/Berlin');
const flat = (s: string) => s.replace(/\s+/g, ' ');
const de = (iso: string) => iso.split('-').reverse().join('.');

async function newUser(n: number) {
	const email = `bericht${n}@mitplan.test`;
	const password = `passwort-${n}-lang-genug`;
	const res = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name: `Konto ${n}`, password, mustChangePassword: false }
	});
	expect(res.status).toBe(201);
	return { email, session: await login(server.httpUrl, email, password) };
}

async function pdfText(res: Response): Promise<string> {
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('application/pdf');
	const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
	return flat(pdf.pages.join(' '));
}

beforeAll(async () => {
	server = await start();
	admin = await login(server.httpUrl);
	const list = (await (await admin.request('/api/plans')).json()) as PlanSummary[];
	plan = (await (await admin.request(`/api/plans/${list[0].id}`)).json()) as PlanJson;
}, 60_000);

describe('Umsetzungsbericht (PDF)', { timeout: 60_000 }, () => {
	const url = (q = '') => `/api/plans/${plan.id}/umsetzung/bericht.pdf${q}`;

	it('shows the status table, the period’s Sachstände only, and the changes since the last report', async () => {
		const adopted = await admin.request(`/api/plans/${plan.id}/umsetzung/beschluss`, {
			method: 'POST',
			json: {
				date: addDays(today, -60),
				body: 'Stadtverordnetenversammlung',
				reference: 'SVV 1/26'
			}
		});
		expect(adopted.status).toBe(201);
		const measure = plan.fields[0].goals[0].measures[0];
		const m = (p = '') => `/api/plans/${plan.id}/umsetzung/massnahmen/${measure.id}${p}`;
		const status = await admin.request(m(), {
			method: 'PATCH',
			json: { status: 'in_umsetzung', reason: 'Kursstart im Stadtteilzentrum', office: 'Schulamt' }
		});
		expect(status.status).toBe(200);
		for (const [date, text] of [
			[addDays(today, -40), 'Sachstand vor dem Zeitraum: Raumsuche'],
			[addDays(today, -5), 'Sachstand im Zeitraum: zwölf Anmeldungen']
		]) {
			const res = await admin.request(m('/sachstand'), { method: 'POST', json: { date, text } });
			expect(res.status).toBe(201);
		}

		const from = addDays(today, -10);
		const res = await admin.request(url(`?von=${from}&bis=${today}`));
		expect(res.headers.get('content-disposition')).toMatch(/umsetzungsbericht/);
		const text = await pdfText(res);
		expect(text).toContain('UMSETZUNGSBERICHT');
		expect(text).toContain(`Berichtszeitraum ${formatLong(from)} – ${formatLong(today)}`);
		expect(text).toContain('MASSNAHMEN NACH UMSETZUNGSSTAND');
		expect(text).toMatch(/in Umsetzung 1 /);
		expect(text).toContain('Sachstand im Zeitraum: zwölf Anmeldungen');
		expect(text).not.toContain('Raumsuche');
		expect(text).toContain('Schulamt');
		expect(text).toContain('Änderungen seit dem letzten Bericht');
		expect(text).toContain('Kursstart im Stadtteilzentrum');
		expect(text).toContain(`seit dem Beschluss am ${formatLong(addDays(today, -60))}`);

		// The next report (a later period) counts changes from this one: none since today.
		const next = await pdfText(
			await admin.request(url(`?von=${addDays(today, 1)}&bis=${addDays(today, 30)}`))
		);
		expect(next).toContain(`Berichtszeitraum ${de(from)}–${de(today)}`);
		expect(next).toContain('Keine Änderungen des Umsetzungsstands.');
		expect(next).not.toContain('Kursstart im Stadtteilzentrum');
		// Without dates: after the last report (which ended in the future) the default is just today.
		const byDefault = await admin.request(url());
		expect(byDefault.status).toBe(200);
	});

	it('refuses a bad period with a clear German 400', async () => {
		const bad = await admin.request(url('?von=2027-02-30&bis=2027-03-01'));
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({
			error: {
				code: 'invalid_dates',
				message: expect.stringMatching(/Beginn des Berichtszeitraums/)
			}
		});
		const order = await admin.request(url('?von=2027-05-01&bis=2027-04-01'));
		expect(order.status).toBe(400);
		expect(((await order.json()) as { error: { message: string } }).error.message).toMatch(
			/endet \(01\.04\.2027\) vor seinem Beginn \(01\.05\.2027\)/
		);
	});

	it('is for members only: a viewer reads it, an account without access does not', async () => {
		const viewer = await newUser(1);
		const added = await admin.request(`/api/plans/${plan.id}/members`, {
			method: 'POST',
			json: { email: viewer.email, role: 'viewer' }
		});
		expect(added.status).toBe(201);
		expect((await viewer.session.request(url())).status).toBe(200);
		// A member's download is not "the last report": the owner's next report still counts
		// from the owner's last one (which ended in 30 days).
		const far = `?von=${addDays(today, 31)}&bis=${addDays(today, 200)}`;
		expect(
			(await viewer.session.request(url(`?von=${today}&bis=${addDays(today, 100)}`))).status
		).toBe(200);
		const owners = await pdfText(await admin.request(url(far)));
		expect(owners).toContain(`Berichtszeitraum ${de(addDays(today, 1))}–${de(addDays(today, 30))}`);
		const outsider = await newUser(2);
		expect([403, 404]).toContain((await outsider.session.request(url())).status);
		const anonymous = await fetch(`${server.httpUrl}${url()}`);
		expect([401, 403, 404]).toContain(anonymous.status);
	});
});

const MONTHS = [
	'Januar',
	'Februar',
	'März',
	'April',
	'Mai',
	'Juni',
	'Juli',
	'August',
	'September',
	'Oktober',
	'November',
	'Dezember'
];
function formatLong(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d}. ${MONTHS[m - 1]} ${y}`;
}
