/**
 * Translator assignments (issue 15): the content languages a member below editor may translate,
 * kept on the member's entry, or for someone added by e-mail without an account on the pending
 * entry (carried over when the account claims it, so the answer never reveals whether an account
 * exists).
 */
import { isValidPlanId } from '../storage/types';
import { LANGUAGE_CODES, isValidLanguageList } from '../../src/lib/domain/translations';
import { guard, type Ctx } from './context';
import { fail } from './messages';
import { K, parseMembers } from './records';
import type { createPendingMembers } from './pending-members';
import type { AccessService } from './types';

type Translators = Pick<AccessService, 'translatorLanguages' | 'setTranslator'>;

/** Puts `list` on a member or pending entry (none: no key); answers what it had before. */
function assign(entry: { translates?: string[] }, list: string[]): string[] {
	const was = entry.translates ?? [];
	if (list.length > 0) entry.translates = list;
	else delete entry.translates;
	return was;
}

export function createTranslators(
	ctx: Ctx,
	pendingMembers: ReturnType<typeof createPendingMembers>
): Translators & {
	/** A claimed pending entry's languages join the new member's own (none are lost). */
	carryOver(planId: string, userId: string, languages: string[]): Promise<void>;
} {
	const { kv, log } = ctx;
	return {
		async translatorLanguages(principal, planId) {
			if (principal.kind !== 'user' || !isValidPlanId(planId)) return [];
			return parseMembers(await kv.get(K.members(planId)))[principal.id]?.translates ?? [];
		},

		setTranslator: (planId, actor, userId, languages) =>
			guard(log, 'setTranslator', async () => {
				if (!isValidPlanId(planId)) return fail('invalid_plan_id');
				if (!isValidLanguageList(languages)) return fail('invalid_language');
				const list = LANGUAGE_CODES.filter((c) => languages.includes(c));
				const before =
					(await kv.update(K.members(planId), (raw) => {
						const members = parseMembers(raw);
						const m = members[userId];
						if (!m) return { result: null };
						if ((m.translates ?? []).join() === list.join()) return { result: list };
						return { result: assign(m, list), value: JSON.stringify(members) };
					})) ??
					(await pendingMembers.update(planId, (pending) =>
						pending[userId] ? assign(pending[userId], list) : null
					));
				if (before === null) return fail('member_not_found');
				if (before.join() !== list.join()) {
					await ctx.audit(planId, actor, 'translator_changed', {
						userId,
						languages: list.join(','),
						from: before.join(',')
					});
					ctx.publish({ planId, principalId: userId });
				}
				return { ok: true as const, value: { userId, languages: list } };
			}),

		async carryOver(planId, userId, languages) {
			await kv.update(K.members(planId), (raw) => {
				const members = parseMembers(raw);
				const m = members[userId];
				const had = m?.translates ?? [];
				const list = LANGUAGE_CODES.filter((c) => had.includes(c) || languages.includes(c));
				if (!m || list.join() === had.join()) return { result: null };
				assign(m, list);
				return { value: JSON.stringify(members), result: null };
			});
		}
	};
}
