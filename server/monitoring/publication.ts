/**
 * The public progress page (issue 14, item 6): the owner publishes an adopted plan under an
 * unguessable link (192 random bits), revokes it (the old link is gone at once) or publishes
 * anew (a new link, the old one stops working). A visitor's token is looked up by its SHA-256
 * hash and then compared in constant time with the stored one; an unknown, malformed or
 * revoked token and a deleted plan all give the same 404. The page model is built in one pass
 * (src/lib/domain/monitoring-public.ts) from one read of the plan, the implementation records
 * that exist (read together: the Redis client pipelines them) and the plan's indicator key.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../../src/lib/contract/access';
import type { Adoption, MonitoringService, Publication } from '../../src/lib/contract/monitoring';
import { buildPublicProgress, type PublicProgress } from '../../src/lib/domain/monitoring-public';
import { parseImplementation, type Implementation } from '../../src/lib/domain/monitoring';
import { todayIn } from '../../src/lib/domain/time-zone';
import { publicTexts } from '../../src/lib/monitoring/public-texts';
import { readIndicatorList } from '../indicators/service';
import { K, fail, guard, parse, type MonitoringDeps } from './common';
import { readPlan } from '../../src/lib/domain/index';
import type { PlanJson } from '../../src/lib/domain/types';
import {
	chooseLanguage,
	localizePlan,
	readerLanguages,
	type ContentMarks,
	type ReaderLanguageOption
} from '../../src/lib/domain/reader-language';
import { planLanguages } from '../../src/lib/domain/translations';

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export const publicPath = (token: string) => `/umsetzung/${token}`;

const notFound = () => fail(404, 'public_not_found', publicTexts().notFound);
const notAdopted = () =>
	fail(
		409,
		'not_adopted',
		'Veröffentlichen lässt sich nur ein beschlossener Plan. Bitte erfassen Sie zuerst den Beschluss.'
	);

interface Stored {
	token: string;
	publishedAt: string;
	publishedBy: { id: string; name: string };
}

const view = (s: Stored): Publication => ({ ...s, path: publicPath(s.token) });

function sameToken(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** The plan was deleted: its link and reverse index go with it. */
export async function forgetPublication(kv: MonitoringDeps['kv'], planId: string): Promise<void> {
	const s = parse<Stored | null>(await kv.get(K.publication(planId)), null);
	await kv.del(s ? [K.publication(planId), K.publicToken(hashOf(s.token))] : K.publication(planId));
}

type PublicRead =
	| {
			ok: true;
			plan: PlanJson;
			language: PublicProgress['language'];
			languages: ReaderLanguageOption[];
			marks: ContentMarks | null;
	  }
	| { ok: false; status: number; code: string; message: string };

/** One read of the plan in the reader's language (`?sprache=`); null = no such plan. */
async function readPublicPlan(
	deps: MonitoringDeps,
	planId: string,
	language: string | null | undefined
): Promise<PublicRead | null> {
	const room = await deps.rooms.acquire(planId);
	if (!room) return null;
	try {
		const choice = chooseLanguage(language, planLanguages(room.doc));
		if (!choice.ok) return { ok: false, status: 400, code: choice.code, message: choice.message };
		const german = readPlan(room.doc, planId);
		const localized = choice.language ? localizePlan(room.doc, german, choice.language) : null;
		const l = choice.language;
		return {
			ok: true,
			plan: localized?.plan ?? german,
			language: l ? { code: l.code, tag: l.tag, dir: l.dir } : null,
			languages: readerLanguages(room.doc),
			marks: localized?.marks ?? null
		};
	} finally {
		deps.rooms.release(room);
	}
}

export function publicationOperations(
	deps: MonitoringDeps
): Pick<
	MonitoringService,
	'publication' | 'publish' | 'unpublish' | 'publicProgress' | 'publicPlanId'
> {
	const { kv, log } = deps;
	const guarded = guard(log);
	const now = deps.now ?? Date.now;

	const audit = (planId: string, principal: Principal, what: string) =>
		deps.access
			.audit(planId, principal, 'settings_changed', { fields: 'public_page', change: what })
			.catch(() => {});

	/** The plan a public link belongs to, or null (malformed, unknown or withdrawn link). */
	async function planOf(token: unknown): Promise<string | null> {
		if (typeof token !== 'string' || !TOKEN.test(token)) return null;
		const planId = await kv.get(K.publicToken(hashOf(token)));
		if (!planId) return null;
		const stored = parse<Stored | null>(await kv.get(K.publication(planId)), null);
		return stored && sameToken(stored.token, token) ? planId : null;
	}

	return {
		publication: (planId) =>
			guarded('read publication', async () => {
				const s = parse<Stored | null>(await kv.get(K.publication(planId)), null);
				return { ok: true, value: s ? view(s) : null };
			}),

		publish: (principal, planId) =>
			guarded('publish', async () => {
				if ((await kv.get(K.adoption(planId))) === null) return notAdopted();
				const next: Stored = {
					token: randomBytes(24).toString('base64url'),
					publishedAt: new Date(now()).toISOString(),
					publishedBy: { id: principal.id, name: principal.name }
				};
				// The reverse index first: the link works as soon as the record names it.
				await kv.set(K.publicToken(hashOf(next.token)), planId);
				const before = await kv.update<Stored | null>(K.publication(planId), (raw) => ({
					value: JSON.stringify(next),
					result: parse<Stored | null>(raw, null)
				}));
				if (before) await kv.del(K.publicToken(hashOf(before.token)));
				await audit(planId, principal, before ? 'new_link' : 'published');
				log.info('public progress page published', { planId });
				return { ok: true, value: view(next) };
			}),

		unpublish: (principal, planId) =>
			guarded('unpublish', async () => {
				const before = await kv.update<Stored | null>(K.publication(planId), (raw) => ({
					value: null,
					result: parse<Stored | null>(raw, null)
				}));
				if (before) {
					await kv.del(K.publicToken(hashOf(before.token)));
					await audit(planId, principal, 'revoked');
				}
				return { ok: true, value: null };
			}),

		publicPlanId: (token) =>
			guarded('public link', async () => {
				const planId = await planOf(token);
				return planId ? { ok: true, value: planId } : notFound();
			}),

		publicProgress: (token, language) =>
			guarded('public page', async () => {
				const planId = await planOf(token);
				if (!planId) return notFound();
				const read = await readPublicPlan(deps, planId, language);
				if (!read) return notFound();
				if (!read.ok) return fail(read.status, read.code, read.message);
				const places = new Set(
					read.plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => m.id)))
				);
				const [ids, adoptionRaw, indicators] = await Promise.all([
					kv.sMembers(K.ids(planId)),
					kv.get(K.adoption(planId)),
					readIndicatorList(kv, planId)
				]);
				const wanted = ids.filter((id) => places.has(id));
				const raws = await Promise.all(wanted.map((id) => kv.get(K.impl(planId, id))));
				const impls = new Map<string, Implementation>();
				wanted.forEach((id, i) => impls.set(id, parseImplementation(id, parse(raws[i], null))));
				const progress = buildPublicProgress({
					plan: read.plan,
					impls,
					indicators,
					adoption: parse<Adoption | null>(adoptionRaw, null),
					today: todayIn(deps.timeZone, now())
				});
				// marks only for what the page shows (not-public measures stay unnamed)
				let marks: ContentMarks | null = null;
				if (read.marks) {
					marks = {};
					for (const f of progress.fields) {
						for (const item of [f, ...f.goals, ...f.goals.flatMap((g) => g.measures)]) {
							if (read.marks[item.id]) marks[item.id] = read.marks[item.id];
						}
					}
				}
				return {
					ok: true,
					value: { ...progress, language: read.language, languages: read.languages, marks }
				};
			})
	};
}
