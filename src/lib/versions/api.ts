/** Browser calls for versions, compare, restore and history (docs/api.md, "Versionen"). */
import { resolve } from '$app/paths';
import { apiRequest, type Fetch, apiList } from '$lib/components/api';
import { formatDateTime } from '$lib/components/format';
import { getLocale, intlLocale, m } from '$lib/i18n';
import { versionName } from './history-text';
import type { CompareResult, HistoryEntry, VersionMeta, VersionWithPlan } from './types';

const base = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;

/** The version with its name for showing (automatic versions in the interface language). */
function shown<T extends { kind: string; name: string; createdAt: string }>(v: T): T {
	return { ...v, name: versionName(v, getLocale(), formatDateTime(v.createdAt)) };
}

export const versionsApi = {
	list: (planId: string, f: Fetch = fetch) =>
		apiList<VersionMeta>(f, `${base(planId)}/versions`).then((r) =>
			r.ok ? { ...r, value: r.value.map(shown) } : r
		),
	take: (planId: string, name: string, f: Fetch = fetch) =>
		apiRequest<VersionMeta>(f, 'POST', `${base(planId)}/versions`, { name }),
	get: (planId: string, versionId: string, f: Fetch = fetch) =>
		apiRequest<VersionWithPlan>(
			f,
			'GET',
			`${base(planId)}/versions/${encodeURIComponent(versionId)}`
		).then((r) => (r.ok ? { ...r, value: { ...r.value, version: shown(r.value.version) } } : r)),
	compare: (planId: string, from: string, to: string, f: Fetch = fetch) =>
		apiRequest<CompareResult>(
			f,
			'GET',
			`${base(planId)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
		),
	restore: (planId: string, versionId: string, f: Fetch = fetch) =>
		apiRequest<{ restored: VersionMeta; snapshot: VersionMeta }>(
			f,
			'POST',
			`${base(planId)}/versions/${encodeURIComponent(versionId)}/restore`
		),
	remove: (planId: string, versionId: string, f: Fetch = fetch) =>
		apiRequest<VersionMeta>(
			f,
			'DELETE',
			`${base(planId)}/versions/${encodeURIComponent(versionId)}`
		),
	history: (planId: string, itemId: string, f: Fetch = fetch) =>
		apiRequest<HistoryEntry[]>(
			f,
			'GET',
			`${base(planId)}/history?itemId=${encodeURIComponent(itemId)}&limit=50`
		),
	pdfHref: (planId: string, versionId: string) =>
		`${base(planId)}/versions/${encodeURIComponent(versionId)}/export.pdf`
};

const relatives = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(): Intl.RelativeTimeFormat {
	const locale = intlLocale();
	let f = relatives.get(locale);
	if (!f) {
		f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
		relatives.set(locale, f);
	}
	return f;
}

/** "vor 5 Minuten", "gestern" … (in the interface language) for an ISO timestamp (relative to `now`). */
export function relativeTime(iso: string, now = Date.now()): string {
	const ms = new Date(iso).getTime();
	if (Number.isNaN(ms)) return '';
	const seconds = Math.round((ms - now) / 1000);
	const abs = Math.abs(seconds);
	if (abs < 45) return m.versions_just_now();
	const relative = relativeFormat();
	if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
	if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
	if (abs < 30 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
	if (abs < 365 * 86400) return relative.format(Math.round(seconds / (30 * 86400)), 'month');
	return relative.format(Math.round(seconds / (365 * 86400)), 'year');
}

/** The compare page for `from` → `to` (a version id or 'current'; the page reads `von`/`bis`). */
export function compareHref(planId: string, from: string, to = 'current'): string {
	const page = resolve('/plans/[planId]/versionen/vergleich', { planId });
	return `${page}?von=${encodeURIComponent(from)}&bis=${encodeURIComponent(to)}`;
}
