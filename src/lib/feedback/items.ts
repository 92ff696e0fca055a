/** Plan items as choices for the owner's triage (select options with readable labels). */
import type { PlanJson } from '$lib/domain';
import { m } from '$lib/i18n';
import { typeLabel } from '$lib/board/labels';

export interface ItemOption {
	id: string;
	type: 'field' | 'goal' | 'measure';
	label: string;
}

const t = (s: string) => s.trim() || m.feedback_untitled();

export function itemOptions(plan: PlanJson): ItemOption[] {
	const out: ItemOption[] = [];
	plan.fields.forEach((f, fi) => {
		out.push({ id: f.id, type: 'field', label: `${fi + 2} ${t(f.title)}` });
		f.goals.forEach((g, gi) => {
			out.push({
				id: g.id,
				type: 'goal',
				label: `${fi + 2}.${gi + 1} ${typeLabel('goal')}: ${t(g.title)}`
			});
			g.measures.forEach((x, mi) =>
				out.push({
					id: x.id,
					type: 'measure',
					label: `${fi + 2}.${gi + 1}.${mi + 1} ${typeLabel('measure')}: ${t(x.title)}`
				})
			);
		});
	});
	return out;
}

/** The field or goal a new goal/measure made from a submission on `targetId` goes under. */
export function defaultParent(plan: PlanJson, type: 'goal' | 'measure', targetId: string): string {
	for (const f of plan.fields) {
		if (type === 'goal' && (f.id === targetId || f.goals.some((g) => g.id === targetId)))
			return f.id;
		for (const g of f.goals) {
			if (type === 'measure' && (g.id === targetId || g.measures.some((m) => m.id === targetId)))
				return g.id;
		}
		if (type === 'measure' && f.id === targetId && f.goals[0]) return f.goals[0].id;
	}
	return '';
}
