/**
 * The implementation status of every measure of the open plan, for the badges on the board's
 * measure cards: loaded once when an adopted plan opens, updated when the detail panel saves.
 */
import type { ImplStatus } from '$lib/domain/monitoring';
import { monitoringApi } from './api';

class ImplStatuses {
	planId = $state('');
	byMeasure = $state<Record<string, ImplStatus>>({});

	async load(planId: string): Promise<void> {
		this.planId = planId;
		const result = await monitoringApi.overview(planId);
		if (this.planId !== planId || !result.ok) return;
		this.byMeasure = Object.fromEntries(
			result.value.measures
				.filter((m) => m.impl.updatedAt !== '')
				.map((m) => [m.measureId, m.impl.status])
		);
	}

	set(measureId: string, status: ImplStatus): void {
		this.byMeasure = { ...this.byMeasure, [measureId]: status };
	}
}

export const implStatuses = new ImplStatuses();
