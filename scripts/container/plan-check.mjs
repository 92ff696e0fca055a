// Helper of scripts/container/test.sh: logs in as MITPLAN_ADMIN_EMAIL/-PASSWORD against a running
// container and either creates a plan (prints its id) or checks that a plan id is listed.
//   node plan-check.mjs create <baseUrl> <title>   |   node plan-check.mjs has <baseUrl> <planId>
const [mode, base, arg] = process.argv.slice(2);
const login = await fetch(`${base}/api/auth/login`, {
	method: 'POST',
	headers: { 'content-type': 'application/json', origin: base },
	body: JSON.stringify({
		email: process.env.MITPLAN_ADMIN_EMAIL,
		password: process.env.MITPLAN_ADMIN_PASSWORD
	})
});
if (login.status !== 200) throw new Error(`Anmeldung: ${login.status} ${await login.text()}`);
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
const headers = { cookie, origin: base, 'content-type': 'application/json' };
if (mode === 'create') {
	const res = await fetch(`${base}/api/plans`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ title: arg })
	});
	if (res.status !== 201) throw new Error(`Plan anlegen: ${res.status} ${await res.text()}`);
	console.log((await res.json()).id);
} else {
	const res = await fetch(`${base}/api/plans`, { headers });
	if (res.status !== 200) throw new Error(`Pläne: ${res.status}`);
	const plans = /** @type {Array<{ id: string }>} */ (await res.json());
	process.exit(plans.some((p) => p.id === arg) ? 0 : 1);
}
