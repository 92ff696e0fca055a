/**
 * Issue 15 ("Sprachen"): the interface in English on every page. One plan with English content
 * (items through the sync protocol, a meeting, a vote, a feedback round, a schedule entry, two
 * versions, the council decision with an implementation status and the public progress page);
 * then every page of the app (src/routes/**\/+page.svelte, public ones through their tokens,
 * administration as an admin) is opened with the cookie mitplan_lang=en, one test per page:
 * html[lang=en], no German in the visible text (outside elements that carry another lang, such as
 * the language names in the header switch), axe, screenshots at 1280 and 390 px. The same pages
 * once more in German, axe only. A failing page prints the German snippets it found.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { createItem } from '../../src/lib/domain/index';
import { NO_SESSION, createUser, login, type TestUser } from './support/auth';
import { SHOTS, expectNoSeriousViolations } from './support/axe';

/** German letters and words that English interface text never contains. */
const GERMAN_LETTERS = /[äöüßÄÖÜ]/;
const GERMAN_WORDS =
	/\b(und|der|die|das|nicht|mit|für|Sie|ist|eine|keine|noch|oder|zum|zur|wird|werden|Bitte|Speichern|Abbrechen|Schließen|Zurück)\b/;

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

interface World {
	owner: TestUser;
	ownerState: StorageState;
	planId: string;
	sessionId: string;
	versionIds: string[];
	roundToken: string;
	publicPath: string;
	invitePath: string;
	resetPath: string;
}

let world: World | null = null;

/** Write English items into the plan through the sync protocol (like a browser would). */
async function fillPlan(baseUrl: string, planId: string, token: string) {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/sync', planId, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		params: { token }
	});
	const must = (r: { ok: boolean; value?: unknown; error?: unknown }) => {
		if (!r.ok) throw new Error(`createItem: ${JSON.stringify(r.error)}`);
		return r.value as string;
	};
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('sync timeout')), 15_000);
			provider.on('sync', (synced: boolean) => {
				if (!synced) return;
				clearTimeout(timer);
				resolve();
			});
		});
		doc.transact(() => {
			const principle = must(
				createItem(doc, {
					type: 'principle',
					values: { title: 'Equal opportunities', statement: 'Everyone can take part.' }
				})
			);
			const field = must(
				createItem(doc, {
					type: 'field',
					values: {
						title: 'Education',
						situation: 'Many parents would like to learn the language.',
						workingGroup: 'Working group on education'
					}
				})
			);
			const goal = must(
				createItem(doc, {
					type: 'goal',
					parentId: field,
					values: {
						title: 'Better access to language learning',
						indicator: 'Number of course places',
						principleIds: [principle]
					}
				})
			);
			must(
				createItem(doc, {
					type: 'measure',
					parentId: goal,
					values: {
						title: 'Language courses for parents',
						description: 'Evening courses in the primary schools.',
						lead: 'Adult education centre',
						targetGroup: 'Parents',
						startDate: isoIn(30),
						endDate: isoIn(300)
					}
				})
			);
			must(
				createItem(doc, {
					type: 'measure',
					parentId: goal,
					values: { title: 'Homework club', startDate: isoIn(60) }
				})
			);
		});
		await new Promise((r) => setTimeout(r, 500));
		const ws = provider.ws;
		const deadline = Date.now() + 15_000;
		while (ws && ws.bufferedAmount > 0 && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 50));
		}
		await new Promise((r) => setTimeout(r, 500));
	} finally {
		provider.destroy();
		doc.destroy();
	}
}

async function setUp(browser: Browser, baseUrl: string): Promise<World> {
	// the default context carries the admin session (auth.setup.ts)
	const adminContext = await browser.newContext();
	const admin = adminContext.request;
	const owner = await createUser(admin, 'Alex Owner', { isAdmin: true });
	const other = await createUser(admin, 'Robin Reset');
	const reset = await admin.post(`/api/admin/users/${other.id}/reset-link`);
	expect(reset.status()).toBe(201);
	const resetPath = new URL(((await reset.json()) as { url: string }).url).pathname;
	await adminContext.close();

	const context = await browser.newContext({ storageState: NO_SESSION });
	const api = context.request;
	await login(api, owner.email, owner.password);
	const lang = await api.put('/api/auth/language', { data: { language: 'en' } });
	expect(lang.status(), await lang.text()).toBeLessThan(300);

	const created = await api.post('/api/plans', {
		data: { title: 'Integration strategy 2030', municipality: 'Sampletown' }
	});
	expect(created.status(), await created.text()).toBe(201);
	const planId = ((await created.json()) as { id: string }).id;
	const plan = `/api/plans/${planId}`;
	const sync = await api.post(`${plan}/sync-token`);
	expect(sync.status()).toBe(200);
	await fillPlan(baseUrl, planId, ((await sync.json()) as { token: string }).token);

	const shape = (await (await api.get(plan)).json()) as {
		fields: Array<{ id: string; goals: Array<{ measures: Array<{ id: string }> }> }>;
	};
	const measures = shape.fields[0].goals[0].measures.map((m) => m.id);
	expect(measures).toHaveLength(2);

	const post = async (path: string, data: unknown, status = 201) => {
		const res = await api.post(`${plan}${path}`, { data });
		expect(res.status(), `${path}: ${await res.text()}`).toBe(status);
		return res.json();
	};
	const session = (await post('/sitzungen', {
		title: 'Working group on education',
		date: isoIn(20),
		time: '18:00',
		// without an agenda the server proposes German items
		agenda: [
			{ title: 'Welcome', minutes: 10 },
			{ title: 'Collect ideas', minutes: 30 }
		]
	})) as { id: string };
	await post('/votes', { title: 'What comes first?', targetIds: measures, sessionId: session.id });
	const hour = 3_600_000;
	const round = (await post('/rounds', {
		title: 'Public feedback on the draft',
		fieldIds: [],
		startsAt: new Date(Date.now() - hour).toISOString(),
		endsAt: new Date(Date.now() + 7 * 24 * hour).toISOString()
	})) as { token: string };
	await post('/zeitplan/phases', {
		title: 'Working groups',
		start: isoIn(10),
		end: isoIn(90),
		fieldId: null
	});
	await post('/zeitplan/milestones', {
		title: 'Kick-off event',
		date: isoIn(5),
		time: '17:00',
		place: 'Town hall',
		fieldId: null
	});
	const v1 = (await post('/versions', { name: 'First draft' })) as { id: string };
	const v2 = (await post('/versions', { name: 'Second draft' })) as { id: string };
	await post('/umsetzung/beschluss', {
		date: isoIn(-5),
		body: 'City council',
		reference: 'Decision 2026/42'
	});
	const patched = await api.patch(`${plan}/umsetzung/massnahmen/${measures[0]}`, {
		data: { status: 'in_umsetzung', reason: 'Partner found', percent: 60 }
	});
	expect(patched.status(), await patched.text()).toBe(200);
	const published = (await post('/umsetzung/veroeffentlichung', {}, 201)) as { path: string };
	const invite = (await post('/invites', {
		role: 'editor',
		allowGuests: true,
		maxUses: 10,
		expiresAt: Date.now() + 24 * hour
	})) as { token: string };
	const ownerState = await context.storageState();
	await context.close();
	return {
		owner,
		ownerState,
		planId,
		sessionId: session.id,
		versionIds: [v1.id, v2.id],
		roundToken: round.token,
		publicPath: published.path,
		invitePath: `/einladung/${invite.token}`,
		resetPath
	};
}

interface PageCase {
	/** The route as in src/routes (test name). */
	route: string;
	url: (w: World) => string;
	/** Open without a session (public pages, sign-in). */
	anonymous?: boolean;
}

const plan =
	(sub = '') =>
	(w: World) =>
		`/plans/${w.planId}${sub}`;

const PAGES: PageCase[] = [
	{ route: '/', url: () => '/' },
	{ route: '/anmelden', url: () => '/anmelden', anonymous: true },
	{ route: '/anmelden/sso-fehler', url: () => '/anmelden/sso-fehler', anonymous: true },
	{ route: '/barrierefreiheit', url: () => '/barrierefreiheit' },
	{ route: '/beteiligung/[token]', url: (w) => `/beteiligung/${w.roundToken}`, anonymous: true },
	{ route: '/datenschutz', url: () => '/datenschutz' },
	{ route: '/einladung/[token]', url: (w) => w.invitePath, anonymous: true },
	{ route: '/einrichten', url: () => '/einrichten', anonymous: true },
	{ route: '/gast-beendet', url: () => '/gast-beendet', anonymous: true },
	{ route: '/impressum', url: () => '/impressum' },
	{ route: '/konto', url: () => '/konto' },
	{ route: '/passwort-neu/[token]', url: (w) => w.resetPath, anonymous: true },
	{ route: '/plans/[planId]', url: plan() },
	{ route: '/plans/[planId]/abstimmungen', url: plan('/abstimmungen') },
	{ route: '/plans/[planId]/beteiligung', url: plan('/beteiligung') },
	{ route: '/plans/[planId]/einstellungen', url: plan('/einstellungen') },
	{ route: '/plans/[planId]/massnahmen-zeitleiste', url: plan('/massnahmen-zeitleiste') },
	{ route: '/plans/[planId]/pruefung', url: plan('/pruefung') },
	{ route: '/plans/[planId]/sitzungen', url: plan('/sitzungen') },
	{
		route: '/plans/[planId]/sitzungen/[sessionId]',
		url: (w) => `/plans/${w.planId}/sitzungen/${w.sessionId}`
	},
	{
		route: '/plans/[planId]/sitzungen/[sessionId]/beamer',
		url: (w) => `/plans/${w.planId}/sitzungen/${w.sessionId}/beamer`
	},
	{
		route: '/plans/[planId]/sitzungen/[sessionId]/protokoll',
		url: (w) => `/plans/${w.planId}/sitzungen/${w.sessionId}/protokoll`
	},
	{ route: '/plans/[planId]/umsetzung', url: plan('/umsetzung') },
	{ route: '/plans/[planId]/versionen', url: plan('/versionen') },
	{
		route: '/plans/[planId]/versionen/[versionId]',
		url: (w) => `/plans/${w.planId}/versionen/${w.versionIds[0]}`
	},
	{
		route: '/plans/[planId]/versionen/vergleich',
		url: (w) => `/plans/${w.planId}/versionen/vergleich?von=${w.versionIds[0]}&bis=current`
	},
	{ route: '/plans/[planId]/vollstaendigkeit', url: plan('/vollstaendigkeit') },
	{ route: '/plans/[planId]/zeitplan', url: plan('/zeitplan') },
	{ route: '/pruefen', url: () => '/pruefen' },
	{ route: '/umsetzung/[token]', url: (w) => w.publicPath, anonymous: true },
	{ route: '/verwaltung', url: () => '/verwaltung' }
];

test.beforeAll(async ({ browser }, testInfo) => {
	testInfo.setTimeout(120_000);
	world = await setUp(browser, testInfo.project.use.baseURL as string);
});

async function open(browser: Browser, baseURL: string, c: PageCase, language: 'en' | 'de') {
	const w = world!;
	const context = await browser.newContext({
		storageState: c.anonymous ? NO_SESSION : w.ownerState,
		locale: language === 'en' ? 'en-GB' : 'de-DE'
	});
	await context.addCookies([{ name: 'mitplan_lang', value: language, url: baseURL }]);
	const page = await context.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(c.url(w));
	await page.waitForLoadState('networkidle');
	// live pages: wait until the plan has arrived (no "loading" status left)
	await expect(page.locator('[role="status"]', { hasText: /…$/ })).toHaveCount(0, {
		timeout: 10_000
	});
	return { context, page };
}

/** Visible text of <body> outside elements in another language, as short snippets. */
async function germanSnippets(page: Page): Promise<string[]> {
	const texts = await page.evaluate(() => {
		const out: string[] = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			const text = n.textContent?.replace(/\s+/g, ' ').trim();
			if (!el || !text) continue;
			if (el.closest('script, style, noscript, template')) continue;
			const lang = el.closest('[lang]')?.getAttribute('lang') ?? 'en';
			if (!/^en\b/i.test(lang)) continue;
			if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
			out.push(text);
		}
		return out;
	});
	const found = texts.filter((t) => GERMAN_LETTERS.test(t) || GERMAN_WORDS.test(t));
	return [...new Set(found.map((t) => (t.length > 140 ? `${t.slice(0, 137)}…` : t)))];
}

/** Every account's name and every plan's title the signed-in admin can list. */
async function contentNames(page: Page): Promise<string[]> {
	const names: string[] = [];
	const users = await page.request.get('/api/admin/users?limit=1000');
	if (users.ok()) {
		const body = (await users.json()) as
			Array<{ name: string }> | { users: Array<{ name: string }> };
		for (const u of Array.isArray(body) ? body : body.users) names.push(u.name);
	}
	const plans = await page.request.get('/api/plans?limit=1000');
	if (plans.ok()) {
		const body = (await plans.json()) as
			Array<{ title: string }> | { plans: Array<{ title: string }> };
		for (const p of Array.isArray(body) ? body : body.plans) names.push(p.title);
	}
	return names;
}

const slug = (route: string) =>
	route.replace(/\[|\]/g, '').replace(/\//g, '-').replace(/^-/, '') || 'home';

for (const c of PAGES) {
	test(`English: ${c.route}`, async ({ browser, baseURL }) => {
		const { context, page } = await open(browser, baseURL!, c, 'en');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		// Names and plan titles are people's content, not interface text: other specs running on the
		// same server add people like „Vera Übersetzt“, whom the admin pages list.
		const content = await contentNames(page);
		const german = (await germanSnippets(page)).filter(
			(t) => !content.some((name) => name.length > 2 && t.includes(name))
		);
		if (german.length > 0) {
			console.log(`German on ${c.route} (${page.url()}):\n  ${german.join('\n  ')}`);
		}
		await page.screenshot({ path: `${SHOTS}/english-${slug(c.route)}-1280.png`, fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${SHOTS}/english-${slug(c.route)}-390.png`, fullPage: true });
		await expectNoSeriousViolations(page, `${c.route} (English)`);
		expect(german, `German text on ${c.route}`).toEqual([]);
		await context.close();
	});
}

for (const c of PAGES) {
	test(`German, axe: ${c.route}`, async ({ browser, baseURL }) => {
		const { context, page } = await open(browser, baseURL!, c, 'de');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expectNoSeriousViolations(page, `${c.route} (German)`);
		await context.close();
	});
}
