/**
 * The public link of a round: what a visitor sees (round, draft of its fields) and submitting a
 * contribution (per-address rate limit, per-round cap, no IP address stored).
 */
import { readPlan } from '../../src/lib/domain/index';
import {
	chooseLanguage,
	localizePlan,
	readerLanguages,
	type ContentMarks
} from '../../src/lib/domain/reader-language';
import { planLanguages } from '../../src/lib/domain/translations';
import type { PlanJson } from '../../src/lib/domain/types';
import { roundEndedAt, roundState, validateSubmission } from '../../src/lib/feedback/model';
import {
	LIMITS,
	type PublicDraftField,
	type PublicRound,
	type Submission
} from '../../src/lib/feedback/types';
import {
	E,
	K,
	failure,
	itemIndex,
	newId,
	roundFields,
	titlesOf,
	type FeedbackContext,
	type R
} from './context';
import { rowsFor } from './consideration';

function publicDraft(fields: PlanJson['fields']): PublicDraftField[] {
	return fields.map((f) => ({
		id: f.id,
		title: f.title,
		situation: f.situation,
		goals: f.goals.map((g) => ({
			id: g.id,
			title: g.title,
			description: g.description,
			indicator: g.indicator,
			measures: g.measures.map((m) => ({
				id: m.id,
				title: m.title,
				description: m.description,
				status: m.status
			}))
		}))
	}));
}

export function publicOperations(ctx: FeedbackContext) {
	const { kv, limits, now, iso, guarded, withPlan, loadRound, loadSubs, roundByToken } = ctx;
	return {
		// ----- public link -----
		publicRound(token: string, language?: string | null): Promise<R<PublicRound>> {
			return guarded('public round', async () => {
				const round = await roundByToken(token);
				if (!round) return E.linkNotFound();
				const res = await withPlan<PublicRound>(round.planId, async (room) => {
					const choice = chooseLanguage(language, planLanguages(room.doc));
					if (!choice.ok) return failure(400, choice.code, choice.message);
					const german = readPlan(room.doc, round.planId);
					const localized = choice.language
						? localizePlan(room.doc, german, choice.language)
						: null;
					const plan = localized?.plan ?? german;
					const fields = roundFields(plan, round);
					// marks only for what the round shows (no ids of other fields leak)
					let marks: ContentMarks | null = null;
					if (localized) {
						marks = {};
						for (const f of fields) {
							for (const item of [f, ...f.goals, ...f.goals.flatMap((g) => g.measures)]) {
								if (localized.marks[item.id]) marks[item.id] = localized.marks[item.id];
							}
						}
					}
					const state = roundState(round, now());
					const consideration =
						state === 'beendet'
							? rowsFor(round, await loadSubs(round.id), titlesOf(fields), false)
							: null;
					return {
						ok: true,
						value: {
							planTitle: plan.meta.title,
							municipality: plan.meta.municipality,
							title: round.title,
							intro: round.intro,
							startsAt: round.startsAt,
							endsAt: round.endsAt,
							endedAt: roundEndedAt(round, now()),
							state,
							fields: publicDraft(fields),
							language: choice.language
								? {
										code: choice.language.code,
										tag: choice.language.tag,
										dir: choice.language.dir
									}
								: null,
							languages: readerLanguages(room.doc),
							marks,
							consideration,
							limits: {
								titleMax: LIMITS.titleMax,
								textMax: LIMITS.textMax,
								nameMax: LIMITS.nameMax
							}
						}
					};
				});
				// a deleted plan: the link is gone too
				return !res.ok && res.error.code === 'plan_not_found' ? E.linkNotFound() : res;
			});
		},

		submit(
			token: string,
			body: Record<string, unknown>,
			address: string
		): Promise<R<{ number: number; id: string }>> {
			return guarded('submit', async () => {
				const round = await roundByToken(token);
				if (!round) return E.linkNotFound();
				const state = roundState(round, now());
				if (state === 'beendet') return E.closed(roundEndedAt(round, now()) ?? round.endsAt);
				if (state === 'geplant') return E.notOpen(round.startsAt);
				const input = validateSubmission(body);
				if (!input.ok) return E.bad(input.code, input.message);
				const target = await withPlan(round.planId, (room) => {
					const index = itemIndex(roundFields(readPlan(room.doc, round.planId), round));
					const item = index.get(input.value.targetId);
					if (!item) {
						return E.bad(
							'invalid_target',
							'Das gewählte Element gehört nicht zu dieser Beteiligungsrunde (oder wurde gerade entfernt).'
						);
					}
					if (input.value.kind === 'proposal_goal' && item.type !== 'field') {
						return E.bad(
							'invalid_target',
							'Ein Vorschlag für ein Ziel bezieht sich auf ein Handlungsfeld.'
						);
					}
					if (input.value.kind === 'proposal_measure' && item.type === 'measure') {
						return E.bad(
							'invalid_target',
							'Ein Vorschlag für eine Maßnahme bezieht sich auf ein Handlungsfeld oder ein Ziel.'
						);
					}
					return { ok: true as const, value: null };
				});
				if (!target.ok) return target.error.code === 'plan_not_found' ? E.linkNotFound() : target;
				const counter = await kv.incr(K.rate(round.id, address), limits.windowMs);
				if (counter.value > limits.perAddress) {
					const retry = Math.max(1, Math.ceil(counter.ttlMs / 1000));
					return {
						...failure(
							429,
							'too_many_submissions',
							`Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Beiträge. Bitte versuchen Sie es in ${Math.ceil(retry / 60)} Minute(n) erneut – bereits eingegangene Beiträge sind gespeichert.`
						),
						retryAfterSeconds: retry
					};
				}
				const number = await kv.update<number | null>(K.seq(round.id), (raw) => {
					const n = Number(raw ?? '0') || 0;
					if (n >= limits.perRound) return { result: null };
					return { value: String(n + 1), result: n + 1 };
				});
				if (number === null) {
					return failure(
						429,
						'round_full',
						`Diese Beteiligungsrunde hat die Höchstzahl von ${limits.perRound.toLocaleString('de-DE')} Beiträgen erreicht. Bitte wenden Sie sich direkt an die Prozesssteuerung.`
					);
				}
				const stamp = iso();
				const sub: Submission = {
					id: newId('beitrag'),
					roundId: round.id,
					number,
					...input.value,
					consentAt: stamp,
					createdAt: stamp,
					linkedItemId: null,
					createdItemId: null,
					duplicateOf: null,
					decision: null,
					reason: '',
					decidedBy: null,
					decidedAt: null
				};
				await kv.set(K.sub(round.id, sub.id), JSON.stringify(sub));
				await kv.sAdd(K.subs(round.id), sub.id);
				// Deleted while this submission was under way (deleteRound removes the round before
				// it reads the submissions): take back what was written here, leave nothing behind.
				if (!(await loadRound(round.id))) {
					await kv.del([K.sub(round.id, sub.id), K.subs(round.id), K.seq(round.id)]);
					return E.linkNotFound();
				}
				return { ok: true, value: { number, id: sub.id } };
			});
		}
	};
}
