/**
 * The Umsetzungsbericht as the public may see it (the PDF offered on the public progress page):
 * only measures that are not marked „nicht öffentlich“ (the model is built with that filter),
 * only each measure's latest Sachstand (as on the page), no reasons for status changes and no
 * "überfällig" flag — what the page leaves out, the PDF leaves out too.
 */
import type { UmsetzungsberichtModel } from './report';

export function publicReport(model: UmsetzungsberichtModel): UmsetzungsberichtModel {
	return {
		...model,
		fields: model.fields.map((field) => ({
			...field,
			goals: field.goals.map((goal) => ({
				...goal,
				measures: goal.measures.map((measure) => ({
					...measure,
					overdue: false,
					notes: measure.notes.slice(-1)
				}))
			}))
		})),
		changes: model.changes.map((change) => ({ ...change, reason: '' })),
		notesInPeriod: model.fields
			.flatMap((f) => f.goals)
			.flatMap((g) => g.measures)
			.filter((m) => m.notes.length > 0).length
	};
}
