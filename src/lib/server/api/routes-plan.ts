/**
 * The plan-scoped part of the route registry (./routes.ts): every `/api/plans/{planId}/…` route,
 * one line each: `plan(method, subPath, policy, summary, tag, extra?)`. `extra.body` is the schema
 * the handler parses with (./schemas.ts); list routes with `paginated: true` take `?limit=&cursor=`.
 */
import { defineRoute, type RouteDef, type RoutePolicy } from './registry';
import type { AnySchema } from './schema';
import * as S from './schemas';
import * as Q from './queries';
import { AUDIT_PAGE, HISTORY_PAGE } from '$lib/contract/pagination';

type Extra<B> = Partial<Pick<RouteDef, 'status' | 'paginated' | 'query' | 'response'>> & {
	body?: B;
};

/** Registers `/api/plans/{planId}<sub>`. */
export function plan<B extends AnySchema | undefined = undefined>(
	method: RouteDef['method'],
	sub: string,
	policy: RoutePolicy,
	summary: string,
	tag: string,
	extra: Extra<B> = {}
) {
	return defineRoute<B>({
		method,
		path: `/api/plans/{planId}${sub}`,
		policy,
		summary,
		tag,
		...extra
	});
}

const P = 'Pläne';
const M = 'Mitglieder';
const R = 'Review';
const F = 'Beteiligung';
const Z = 'Zeitplan';
const I = 'Indikatoren';
const U = 'Umsetzung';
const V = 'Versionen';
const SZ = 'Sitzungen';
const AB = 'Abstimmungen';

export const PLAN_ROUTES = {
	planGet: plan('GET', '', 'plan.read', 'Der ganze Plan als JSON', P),
	planPatch: plan('PATCH', '', 'plan.settings', 'Titel, Kommune, Status, Förderhinweis ändern', P, {
		body: S.PlanPatch
	}),
	planDelete: plan('DELETE', '', 'plan.delete', 'Plan löschen', P, { status: 204 }),
	planAccess: plan('GET', '/access', 'plan.read', 'Eigene Rolle im Plan', P),
	planAudit: plan('GET', '/audit', 'plan.audit', 'Protokoll, neueste zuerst', P, {
		paginated: AUDIT_PAGE,
		query: Q.AuditKind
	}),
	planHistory: plan('GET', '/history', 'plan.read', 'Verlauf: wer hat was geändert', V, {
		paginated: HISTORY_PAGE,
		query: Q.ItemFilter
	}),
	planCompare: plan('GET', '/compare', 'plan.read', 'Zwei Stände vergleichen', V, {
		query: Q.Compare
	}),
	planPdf: plan('GET', '/export.pdf', 'plan.export', 'PDF-Export', P, { query: Q.ExportOptions }),
	exportRecord: plan(
		'POST',
		'/exports',
		'plan.export',
		'Im Browser erzeugten Export protokollieren',
		P,
		{ status: 204, body: S.ExportRecord }
	),
	syncToken: plan('POST', '/sync-token', 'plan.read', 'Kurzlebiger Schlüssel für den Websocket', P),
	transfer: plan(
		'GET',
		'/transfer',
		'plan.transfer',
		'Plan mit allem für eine andere Installation',
		P
	),
	editionGet: plan('GET', '/fortschreibung', 'plan.read', 'Vorgänger und Nachfolger', P),
	editionStart: plan('POST', '/fortschreibung', 'plan.continue', 'Fortschreibung beginnen', P, {
		status: 201
	}),
	members: plan('GET', '/members', 'plan.read', 'Mitglieder', M, { paginated: true }),
	memberAdd: plan('POST', '/members', 'members.manage', 'Mitglied per E-Mail hinzufügen', M, {
		status: 201,
		body: S.MemberAdd
	}),
	memberRole: plan('PATCH', '/members/{userId}', 'members.manage', 'Rolle ändern', M, {
		body: S.MemberRole
	}),
	memberTranslator: plan(
		'PUT',
		'/members/{userId}/translator',
		'translators.manage',
		'Als Übersetzer/in für Sprachen benennen',
		M,
		{ body: S.TranslatorSet }
	),
	memberRemove: plan('DELETE', '/members/{userId}', 'members.manage', 'Mitglied entfernen', M, {
		status: 204
	}),
	guests: plan('GET', '/guests', 'members.manage', 'Gäste mit gültigem Zugang', M, {
		paginated: true
	}),
	guestRemove: plan('DELETE', '/guests/{guestId}', 'members.manage', 'Gastzugang beenden', M, {
		status: 204
	}),
	invites: plan('GET', '/invites', 'members.manage', 'Einladungen', M, { paginated: true }),
	inviteCreate: plan('POST', '/invites', 'members.manage', 'Einladungslink anlegen', M, {
		status: 201,
		body: S.InviteCreate
	}),
	inviteRevoke: plan('DELETE', '/invites/{inviteId}', 'members.manage', 'Einladung widerrufen', M),
	review: plan(
		'GET',
		'/review',
		'plan.read',
		'Stand von Diskussionen, Prüfanfragen und Prüfungen',
		R
	),
	reviewRequestCreate: plan(
		'POST',
		'/review-requests',
		'review.manage',
		'Prüfanfrage an die Kerngruppe',
		R,
		{ status: 201, body: S.ReviewRequestCreate }
	),
	reviewRequestPatch: plan(
		'PATCH',
		'/review-requests/{requestId}',
		'review.manage',
		'Prüfanfrage schließen oder wieder öffnen',
		R,
		{ body: S.ReviewRequestPatch }
	),
	reviewDecide: plan(
		'PUT',
		'/reviews/{itemId}',
		'review.decide',
		'Bewertung eines Ziels oder einer Maßnahme',
		R,
		{ body: S.ReviewDecision }
	),
	checkCreate: plan('POST', '/checks', 'review.manage', 'Verwaltungsprüfung beauftragen', R, {
		status: 201,
		body: S.CheckCreate
	}),
	checkRemove: plan(
		'DELETE',
		'/checks/{checkId}',
		'review.manage',
		'Verwaltungsprüfung entfernen',
		R,
		{ status: 204 }
	),
	checkVerdict: plan(
		'PUT',
		'/checks/{checkId}/verdict',
		'review.decide',
		'Ergebnis einer Verwaltungsprüfung',
		R,
		{ body: S.CheckVerdict }
	),
	threadCreate: plan('POST', '/threads', 'review.comment', 'Diskussion beginnen', R, {
		status: 201,
		body: S.ThreadCreate
	}),
	threadPatch: plan(
		'PATCH',
		'/threads/{threadId}',
		'review.comment',
		'Diskussion erledigt / wieder offen',
		R,
		{ body: S.ThreadPatch }
	),
	commentCreate: plan('POST', '/threads/{threadId}/comments', 'review.comment', 'Antworten', R, {
		status: 201,
		body: S.CommentWrite
	}),
	commentPatch: plan(
		'PATCH',
		'/threads/{threadId}/comments/{commentId}',
		'review.comment',
		'Eigenen Kommentar ändern',
		R,
		{ body: S.CommentWrite }
	),
	commentDelete: plan(
		'DELETE',
		'/threads/{threadId}/comments/{commentId}',
		'review.comment',
		'Kommentar löschen',
		R
	),
	rounds: plan('GET', '/rounds', 'feedback.triage', 'Beteiligungsrunden', F, { paginated: true }),
	roundCreate: plan('POST', '/rounds', 'feedback.triage', 'Beteiligungsrunde anlegen', F, {
		status: 201,
		body: S.RoundCreate
	}),
	roundPatch: plan(
		'PATCH',
		'/rounds/{roundId}',
		'feedback.triage',
		'Runde ändern, beenden, wieder öffnen',
		F,
		{ body: S.RoundPatch }
	),
	roundDelete: plan('DELETE', '/rounds/{roundId}', 'feedback.triage', 'Runde löschen', F, {
		status: 204
	}),
	submissions: plan(
		'GET',
		'/rounds/{roundId}/submissions',
		'feedback.triage',
		'Beiträge einer Runde',
		F,
		{ paginated: true }
	),
	submissionPatch: plan(
		'PATCH',
		'/rounds/{roundId}/submissions/{subId}',
		'feedback.triage',
		'Beitrag abwägen',
		F,
		{ body: S.SubmissionPatch }
	),
	submissionItem: plan(
		'POST',
		'/rounds/{roundId}/submissions/{subId}/item',
		'feedback.triage',
		'Ziel oder Maßnahme aus einem Beitrag',
		F,
		{ status: 201, body: S.SubmissionItem }
	),
	consideration: plan('GET', '/rounds/abwaegung', 'feedback.read', 'Abwägungstabelle', F, {
		paginated: true,
		query: Q.RoundFilter
	}),
	considerationCsv: plan(
		'GET',
		'/rounds/abwaegung.csv',
		'feedback.read_names',
		'Abwägungstabelle als CSV',
		F,
		{ query: Q.RoundTable }
	),
	origins: plan('GET', '/rounds/origins', 'feedback.read', 'Woher ein Eintrag stammt', F, {
		query: Q.ItemOrigin
	}),
	schedule: plan('GET', '/zeitplan', 'schedule.read', 'Zeitplan', Z),
	scheduleReplace: plan('PUT', '/zeitplan', 'schedule.manage', 'Zeitplan ersetzen', Z, {
		body: S.ScheduleReplace
	}),
	scheduleDefault: plan(
		'POST',
		'/zeitplan/default',
		'schedule.manage',
		'Standard-Zeitplan anlegen',
		Z,
		{ status: 201, body: S.ScheduleDefault }
	),
	phaseCreate: plan('POST', '/zeitplan/phases', 'schedule.manage', 'Phase anlegen', Z, {
		status: 201,
		body: S.PhaseCreate
	}),
	phasePatch: plan('PATCH', '/zeitplan/phases/{entryId}', 'schedule.manage', 'Phase ändern', Z, {
		body: S.PhasePatch
	}),
	phaseDelete: plan('DELETE', '/zeitplan/phases/{entryId}', 'schedule.manage', 'Phase löschen', Z, {
		status: 204
	}),
	milestoneCreate: plan('POST', '/zeitplan/milestones', 'schedule.manage', 'Termin anlegen', Z, {
		status: 201,
		body: S.MilestoneCreate
	}),
	milestonePatch: plan(
		'PATCH',
		'/zeitplan/milestones/{entryId}',
		'schedule.manage',
		'Termin ändern',
		Z,
		{ body: S.MilestonePatch }
	),
	milestoneDelete: plan(
		'DELETE',
		'/zeitplan/milestones/{entryId}',
		'schedule.manage',
		'Termin löschen',
		Z,
		{ status: 204 }
	),
	feed: plan('GET', '/zeitplan/feed', 'schedule.read', 'Eigenes Kalender-Abo', Z),
	feedCreate: plan('POST', '/zeitplan/feed', 'schedule.read', 'Kalender-Abo-Link anlegen', Z, {
		status: 201
	}),
	feedRevoke: plan('DELETE', '/zeitplan/feed', 'schedule.read', 'Kalender-Abo widerrufen', Z, {
		status: 204
	}),
	indicators: plan('GET', '/indikatoren', 'indicators.read', 'Indikatoren', I, { paginated: true }),
	indicatorCreate: plan('POST', '/indikatoren', 'indicators.manage', 'Indikator anlegen', I, {
		status: 201,
		body: S.IndicatorCreate
	}),
	indicatorPatch: plan(
		'PATCH',
		'/indikatoren/{indicatorId}',
		'indicators.manage',
		'Indikator ändern',
		I,
		{ body: S.IndicatorPatch }
	),
	indicatorDelete: plan(
		'DELETE',
		'/indikatoren/{indicatorId}',
		'indicators.manage',
		'Indikator löschen',
		I,
		{ status: 204 }
	),
	valueCreate: plan(
		'POST',
		'/indikatoren/{indicatorId}/werte',
		'indicators.manage',
		'Messwert eintragen',
		I,
		{ status: 201, body: S.IndicatorValue }
	),
	valuePatch: plan(
		'PATCH',
		'/indikatoren/{indicatorId}/werte/{valueId}',
		'indicators.manage',
		'Messwert ändern',
		I,
		{ body: S.IndicatorValuePatch }
	),
	valueDelete: plan(
		'DELETE',
		'/indikatoren/{indicatorId}/werte/{valueId}',
		'indicators.manage',
		'Messwert löschen',
		I,
		{ status: 204 }
	),
	monitoring: plan(
		'GET',
		'/umsetzung',
		'monitoring.read',
		'Umsetzung: Übersicht aller Maßnahmen',
		U
	),
	monitoringCsv: plan('GET', '/umsetzung.csv', 'monitoring.read', 'Umsetzung als CSV', U, {
		query: Q.DocumentLanguage
	}),
	monitoringXlsx: plan('GET', '/umsetzung.xlsx', 'monitoring.read', 'Umsetzung als XLSX', U, {
		query: Q.DocumentLanguage
	}),
	adoptionGet: plan('GET', '/umsetzung/beschluss', 'monitoring.read', 'Ratsbeschluss', U),
	adoption: plan(
		'POST',
		'/umsetzung/beschluss',
		'monitoring.manage',
		'Ratsbeschluss eintragen (Plan wird beschlossen)',
		U,
		{ body: S.Adoption }
	),
	measureImpl: plan(
		'GET',
		'/umsetzung/massnahmen/{measureId}',
		'monitoring.read',
		'Umsetzung einer Maßnahme',
		U
	),
	measureImplPatch: plan(
		'PATCH',
		'/umsetzung/massnahmen/{measureId}',
		'monitoring.report',
		'Umsetzungsstand und Daten einer Maßnahme',
		U,
		{ body: S.MeasureImplPatch }
	),
	sachstand: plan(
		'POST',
		'/umsetzung/massnahmen/{measureId}/sachstand',
		'monitoring.report',
		'Sachstand eintragen',
		U,
		{ status: 201, body: S.SachstandCreate }
	),
	bulkStatus: plan(
		'POST',
		'/umsetzung/sammel',
		'monitoring.manage',
		'Umsetzungsstand mehrerer Maßnahmen',
		U,
		{ body: S.BulkStatus }
	),
	versions: plan('GET', '/versions', 'plan.read', 'Versionen, neueste zuerst', V, {
		paginated: true
	}),
	versionCreate: plan('POST', '/versions', 'versions.manage', 'Version anlegen', V, {
		status: 201,
		body: S.VersionCreate
	}),
	versionGet: plan('GET', '/versions/{versionId}', 'plan.read', 'Eine Version', V),
	versionDelete: plan('DELETE', '/versions/{versionId}', 'versions.manage', 'Version löschen', V),
	versionPdf: plan(
		'GET',
		'/versions/{versionId}/export.pdf',
		'plan.export',
		'PDF einer Version',
		V,
		{ query: Q.ExportOptions }
	),
	versionRestore: plan(
		'POST',
		'/versions/{versionId}/restore',
		'versions.restore',
		'Version wiederherstellen',
		V
	),
	meetings: plan('GET', '/sitzungen', 'meeting.join', 'Sitzungen, neueste zuerst', SZ, {
		paginated: true
	}),
	meetingCreate: plan('POST', '/sitzungen', 'meeting.manage', 'Sitzung anlegen', SZ, {
		status: 201,
		body: S.MeetingWrite
	}),
	meetingGet: plan(
		'GET',
		'/sitzungen/{sessionId}',
		'meeting.join',
		'Eine Sitzung mit Live-Stand',
		SZ
	),
	meetingPatch: plan(
		'PATCH',
		'/sitzungen/{sessionId}',
		'meeting.facilitate',
		'Sitzung ändern',
		SZ,
		{ body: S.MeetingWrite }
	),
	meetingDelete: plan('DELETE', '/sitzungen/{sessionId}', 'meeting.manage', 'Sitzung löschen', SZ, {
		status: 204
	}),
	meetingControl: plan(
		'POST',
		'/sitzungen/{sessionId}/steuerung',
		'meeting.facilitate',
		'Sitzung steuern',
		SZ,
		{ body: S.MeetingControl }
	),
	meetingHand: plan(
		'POST',
		'/sitzungen/{sessionId}/hand',
		'meeting.join',
		'Hand heben oder senken',
		SZ,
		{ body: S.RaiseHand }
	),
	attendanceAdd: plan(
		'POST',
		'/sitzungen/{sessionId}/anwesenheit',
		'meeting.facilitate',
		'Anwesenheit eintragen',
		SZ,
		{ body: S.Attendance }
	),
	attendanceRemove: plan(
		'DELETE',
		'/sitzungen/{sessionId}/anwesenheit/{attendeeId}',
		'meeting.facilitate',
		'Anwesenheit entfernen',
		SZ
	),
	votes: plan('GET', '/votes', 'votes.read', 'Abstimmungen, neueste zuerst', AB, {
		paginated: true,
		query: Q.VoteFilter
	}),
	voteOpen: plan('POST', '/votes', 'votes.manage', 'Abstimmung öffnen', AB, {
		status: 201,
		body: S.VoteOpen
	}),
	voteGet: plan('GET', '/votes/{voteId}', 'votes.read', 'Eine Abstimmung', AB),
	voteBallot: plan(
		'PUT',
		'/votes/{voteId}/ballot',
		'votes.read',
		'Eigene Punkte setzen (wer darf: siehe Abstimmung)',
		AB,
		{ body: S.Ballot }
	),
	voteClose: plan('POST', '/votes/{voteId}/close', 'votes.manage', 'Abstimmung beenden', AB),
	voteHandCounts: plan('PUT', '/votes/{voteId}/hand-counts', 'votes.manage', 'Handzählung', AB, {
		body: S.HandCount
	}),
	voteApply: plan('POST', '/votes/{voteId}/apply', 'votes.manage', 'Prioritäten übernehmen', AB, {
		body: S.VoteApply
	}),
	publication: plan(
		'GET',
		'/umsetzung/veroeffentlichung',
		'monitoring.manage',
		'Öffentliche Umsetzungsseite: Link und Stand',
		U
	),
	publish: plan(
		'POST',
		'/umsetzung/veroeffentlichung',
		'monitoring.manage',
		'Öffentliche Seite veröffentlichen (neuer Link; der alte gilt nicht mehr)',
		U,
		{ status: 201 }
	),
	unpublish: plan(
		'DELETE',
		'/umsetzung/veroeffentlichung',
		'monitoring.manage',
		'Öffentliche Seite zurückziehen',
		U
	),
	reportPdf: plan(
		'GET',
		'/umsetzung/bericht.pdf',
		'monitoring.read',
		'Umsetzungsbericht als PDF für einen Zeitraum',
		U,
		{ query: Q.ReportPeriod }
	),
	ideas: plan('GET', '/sitzungen/{sessionId}/ideen', 'meeting.join', 'Ideenwand einer Sitzung', SZ),
	ideaAdd: plan('POST', '/sitzungen/{sessionId}/ideen', 'meeting.ideas', 'Idee hinzufügen', SZ, {
		status: 201,
		body: S.IdeaAdd
	}),
	ideaPatch: plan(
		'PATCH',
		'/sitzungen/{sessionId}/ideen/{ideaId}',
		'meeting.facilitate',
		'Idee bearbeiten, ausblenden oder gruppieren (Moderation)',
		SZ,
		{ body: S.IdeaPatch }
	),
	ideaAdopt: plan(
		'POST',
		'/sitzungen/{sessionId}/ideen/{ideaId}/uebernehmen',
		'meeting.facilitate',
		'Idee als Ziel oder Maßnahme übernehmen',
		SZ,
		{ status: 201, body: S.Adopt }
	),
	clusterAdd: plan(
		'POST',
		'/sitzungen/{sessionId}/ideen-gruppen',
		'meeting.facilitate',
		'Gruppe anlegen',
		SZ,
		{ status: 201, body: S.ClusterWrite }
	),
	clusterPatch: plan(
		'PATCH',
		'/sitzungen/{sessionId}/ideen-gruppen/{clusterId}',
		'meeting.facilitate',
		'Gruppe umbenennen',
		SZ,
		{ body: S.ClusterWrite }
	),
	clusterDelete: plan(
		'DELETE',
		'/sitzungen/{sessionId}/ideen-gruppen/{clusterId}',
		'meeting.facilitate',
		'Gruppe auflösen',
		SZ
	),
	clusterAdopt: plan(
		'POST',
		'/sitzungen/{sessionId}/ideen-gruppen/{clusterId}/uebernehmen',
		'meeting.facilitate',
		'Gruppe als Ziel oder Maßnahme übernehmen',
		SZ,
		{ status: 201, body: S.Adopt }
	),
	ideaOrigins: plan(
		'GET',
		'/sitzungen/herkunft',
		'meeting.join',
		'Welche Elemente aus welcher Sitzung stammen',
		SZ,
		{ query: Q.ItemOrigin }
	),
	decisionLog: plan(
		'GET',
		'/sitzungen/beschluesse',
		'meeting.join',
		'Beschlüsse aller Sitzungen',
		SZ,
		{ paginated: true, query: Q.DocumentLanguage }
	),
	protocol: plan(
		'GET',
		'/sitzungen/{sessionId}/protokoll',
		'meeting.join',
		'Sitzungsprotokoll',
		SZ,
		{ query: Q.DocumentLanguage }
	),
	protocolPatch: plan(
		'PATCH',
		'/sitzungen/{sessionId}/protokoll',
		'meeting.facilitate',
		'Protokoll: Schriftführung und Kommentarfrist',
		SZ,
		{ body: S.ProtocolSettings }
	),
	protocolPdf: plan(
		'GET',
		'/sitzungen/{sessionId}/protokoll.pdf',
		'meeting.join',
		'Sitzungsprotokoll als PDF',
		SZ,
		{ query: Q.DocumentLanguage }
	),
	minutesAdd: plan(
		'POST',
		'/sitzungen/{sessionId}/protokoll/eintraege',
		'meeting.minutes',
		'Beschluss, Aufgabe oder offene Frage eintragen',
		SZ,
		{ status: 201, body: S.MinutesEntry }
	),
	minutesPatch: plan(
		'PATCH',
		'/sitzungen/{sessionId}/protokoll/eintraege/{entryId}',
		'meeting.minutes',
		'Eintrag ändern',
		SZ,
		{ body: S.MinutesEntry }
	),
	minutesDelete: plan(
		'DELETE',
		'/sitzungen/{sessionId}/protokoll/eintraege/{entryId}',
		'meeting.minutes',
		'Eintrag löschen',
		SZ
	),
	guestLink: plan(
		'POST',
		'/sitzungen/{sessionId}/gastlink',
		'meeting.facilitate',
		'Gastlink für den QR-Code am Beamer (Einladung als Gast, 24 h)',
		SZ
	),
	protocolComment: plan(
		'POST',
		'/sitzungen/{sessionId}/protokoll/kommentare',
		'meeting.join',
		'Kommentar zum Protokoll (Anwesende mit Konto, in der Frist)',
		SZ,
		{ status: 201, body: S.ProtocolComment }
	)
};
