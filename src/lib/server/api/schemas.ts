/**
 * Request body schemas of the JSON API (valibot). They check shapes and types and describe the
 * fields for the OpenAPI document; rules beyond that (lengths, dates, references, allowed keys)
 * stay in the services, with their own error codes. Objects are loose: keys not listed here reach
 * the service, which refuses or ignores them exactly as before.
 */
import * as v from 'valibot';
import { PLAN_ROLES } from '$lib/contract/roles';

const text = (description: string) => v.pipe(v.string(), v.description(description));
const optText = (description: string) => v.optional(text(description));
const ids = (description: string) => v.pipe(v.array(v.string()), v.description(description));
const isoDay = (description: string) =>
	v.pipe(v.string(), v.description(`${description} (JJJJ-MM-TT)`));
const obj = v.looseObject;

export const Role = v.pipe(v.picklist(PLAN_ROLES), v.description('Rolle im Plan'));

// --- plans, members, invites ---
export const PlanCreate = obj({
	title: text('Titel des Plans'),
	municipality: optText('Kommune'),
	fundingNotice: optText('Förderhinweis für PDF-Fußzeilen'),
	example: v.optional(v.pipe(v.boolean(), v.description('mit dem Inhalt des Beispielplans')))
});
export const PlanPatch = obj({
	title: optText('Titel'),
	municipality: optText('Kommune'),
	status: optText('Status, z. B. entwurf, beteiligung, beschlossen'),
	fundingNotice: optText('Förderhinweis')
});
export const MemberAdd = obj({ email: text('E-Mail-Adresse'), role: Role });
export const MemberRole = obj({ role: Role });
export const TranslatorSet = obj({
	languages: v.pipe(
		v.array(v.string()),
		v.maxLength(20),
		v.description('Sprachen (en, tr, ar, uk, ru, ls), die das Mitglied übersetzt; [] beendet das')
	)
});
export const InviteCreate = obj({
	role: Role,
	expiresAt: v.pipe(v.number(), v.description('Ablauf, Epoch-Millisekunden (höchstens 30 Tage)')),
	maxUses: v.pipe(v.number(), v.description('1–1000')),
	allowGuests: v.boolean(),
	label: optText('Notiz für die Prozesssteuerung')
});
export const VersionCreate = obj({ name: text('Name der Version (1–120 Zeichen)') });
export const ExportRecord = obj({ type: optText('Art des Exports') });

// --- review ---
export const ReviewRequestCreate = obj({
	scope: v.variant('kind', [
		obj({ kind: v.literal('plan') }),
		obj({ kind: v.literal('field'), fieldId: text('Handlungsfeld') })
	]),
	reviewerIds: ids('Konten ab Rolle reviewer'),
	dueDate: isoDay('Frist'),
	message: optText('Nachricht (höchstens 2.000 Zeichen)')
});
export const ReviewRequestPatch = obj({ closed: v.boolean() });
export const ReviewDecision = obj({
	requestId: text('offene Prüfanfrage'),
	verdict: v.picklist(['approved', 'changes_requested']),
	comment: optText('Kommentar (bei changes_requested nötig)')
});
export const CheckCreate = obj({
	measureIds: ids('Maßnahmen'),
	office: optText('prüfendes Amt (höchstens 120 Zeichen)'),
	departmentUserId: optText('prüfendes Mitglied ab Rolle reviewer'),
	dueDate: isoDay('Frist'),
	note: optText('Hinweis')
});
export const CheckVerdict = obj({
	outcome: v.picklist(['feasible', 'conditional', 'not_feasible']),
	reasons: optText('Begründung'),
	conditions: optText('Bedingungen (bei conditional nötig)'),
	responsibleOffice: optText('zuständiges Amt')
});
export const ThreadCreate = obj({
	itemId: v.nullable(text('Eintrag oder null für den ganzen Plan')),
	body: text('Kommentar'),
	mentions: v.optional(ids('erwähnte Mitglieder'))
});
export const CommentWrite = obj({
	body: text('Kommentar'),
	mentions: v.optional(ids('erwähnte Mitglieder'))
});
export const ThreadPatch = obj({ resolved: v.boolean() });

// --- feedback rounds ---
export const RoundCreate = obj({
	title: text('Titel der Runde'),
	fieldIds: ids('Handlungsfelder; [] = ganzer Plan'),
	startsAt: text('Beginn (ISO-Zeitpunkt)'),
	endsAt: text('Ende (ISO-Zeitpunkt)'),
	intro: optText('Einleitung')
});
export const RoundPatch = obj({
	title: optText('Titel'),
	fieldIds: v.optional(ids('Handlungsfelder')),
	startsAt: optText('Beginn'),
	endsAt: optText('Ende'),
	intro: optText('Einleitung'),
	closed: v.optional(v.pipe(v.boolean(), v.description('true beendet, false öffnet wieder')))
});
export const SubmissionPatch = obj({
	linkedItemId: v.optional(v.nullable(text('verknüpfter Eintrag'))),
	duplicateOf: v.optional(v.nullable(text('Beitrag, dessen Doppel dieser ist'))),
	decision: v.optional(v.nullable(text('Entscheidung der Abwägung'))),
	reason: optText('Begründung')
});
export const SubmissionItem = obj({
	type: v.picklist(['goal', 'measure']),
	parentId: text('Handlungsfeld bzw. Ziel')
});

// --- Zeitplan ---
const phaseFields = {
	title: text('Titel'),
	start: isoDay('Beginn'),
	end: isoDay('Ende'),
	fieldId: v.optional(v.nullable(text('Handlungsfeld')))
};
const milestoneFields = {
	title: text('Titel'),
	date: isoDay('Datum'),
	time: v.optional(v.nullable(text('Uhrzeit HH:MM'))),
	place: v.optional(v.nullable(text('Ort'))),
	fieldId: v.optional(v.nullable(text('Handlungsfeld')))
};
export const PhaseCreate = obj(phaseFields);
export const PhasePatch = v.partial(obj(phaseFields));
export const MilestoneCreate = obj(milestoneFields);
export const MilestonePatch = v.partial(obj(milestoneFields));
export const ScheduleReplace = obj({
	phases: v.array(obj({ id: optText('bestehende Phase'), ...phaseFields })),
	milestones: v.array(obj({ id: optText('bestehender Termin'), ...milestoneFields }))
});
export const ScheduleDefault = obj({
	start: isoDay('Beginn'),
	meetingsPerField: v.optional(v.picklist([2, 3]))
});

// --- indicators ---
const measured = v.union([v.number(), v.string()]);
export const IndicatorCreate = obj({
	goalId: text('Ziel'),
	name: text('Name des Indikators'),
	unit: optText('Einheit'),
	source: optText('Quelle'),
	baseline: v.optional(v.nullable(v.unknown())),
	target: v.optional(v.nullable(v.unknown()))
});
export const IndicatorPatch = v.partial(IndicatorCreate);
export const IndicatorValue = obj({
	value: v.pipe(measured, v.description('Messwert (Zahl oder Text mit Komma)')),
	date: isoDay('Datum')
});
export const IndicatorValuePatch = v.partial(IndicatorValue);

// --- Umsetzung ---
export const MeasureImplPatch = obj({
	status: optText('Umsetzungsstand'),
	reason: optText('Begründung einer Statusänderung (mindestens 3 Zeichen)'),
	progressMode: v.optional(v.picklist(['percent', 'milestones'])),
	percent: v.optional(v.unknown()),
	milestones: v.optional(v.unknown()),
	office: optText('Amt'),
	contact: optText('Ansprechperson'),
	budget: v.optional(v.unknown()),
	nextUpdateDue: optText('nächster Sachstand fällig (JJJJ-MM-TT oder leer)'),
	responsibleIds: v.optional(ids('Zuständige (nur owner)'))
});
export const SachstandCreate = obj({ date: isoDay('Datum'), text: text('Sachstand') });
export const BulkStatus = obj({
	measureIds: ids('Maßnahmen'),
	status: text('neuer Umsetzungsstand'),
	reason: text('Begründung (mindestens 3 Zeichen)')
});
export const Adoption = obj({
	date: isoDay('Datum des Beschlusses'),
	body: text('beschließendes Gremium'),
	reference: optText('Aktenzeichen / Drucksache')
});

// --- Sitzungen (validated by server/meetings; documented here) ---
export const MeetingWrite = obj({
	title: optText('Titel'),
	date: v.optional(isoDay('Datum')),
	time: v.optional(v.nullable(text('Uhrzeit'))),
	room: v.optional(v.nullable(text('Raum'))),
	videoLink: v.optional(v.nullable(text('Videolink'))),
	fieldId: v.optional(v.nullable(text('Handlungsfeld'))),
	agenda: v.optional(v.array(obj({ title: text('Punkt'), minutes: v.number() }))),
	facilitatorId: v.optional(v.nullable(text('Moderation')))
});
export const MeetingControl = obj({ action: text('Steuerbefehl') });
export const RaiseHand = obj({ raised: v.boolean() });
export const Attendance = obj({
	name: optText('Person im Raum ohne Gerät'),
	organisation: optText('Organisation'),
	headCount: v.optional(v.pipe(v.number(), v.description('Personenzahl im Raum')))
});

// --- idea wall and Sitzungsprotokoll (described; the services check limits and wording) ---
export const IdeaAdd = obj({
	clientId: v.pipe(
		v.string(),
		v.description('Vom Gerät gewählte Kennung: Wiederholen legt nichts doppelt an')
	),
	text: v.pipe(v.string(), v.description('Idee (höchstens 500 Zeichen)')),
	anonymous: v.optional(v.boolean()),
	fieldId: v.optional(v.nullable(v.string()))
});
export const IdeaPatch = obj({
	text: optText('Idee (höchstens 500 Zeichen)'),
	hidden: v.optional(v.boolean()),
	clusterId: v.optional(v.nullable(text('Gruppe; null: ohne Gruppe')))
});
/** Taking an idea or a cluster over into the plan; `type` is checked by the service. */
export const Adopt = obj({
	type: text('„goal“ (Eltern: Handlungsfeld) oder „measure“ (Eltern: Ziel)'),
	parentId: text('Handlungsfeld oder Ziel')
});
export const ClusterWrite = obj({ title: text('Titel der Gruppe') });
export const ProtocolSettings = obj({
	commentDays: v.optional(v.pipe(v.number(), v.description('Kommentarfrist in Tagen'))),
	noteTakerIds: v.optional(ids('Protokollführende (Konto-IDs)'))
});
export const ProtocolComment = obj({ text: text('Kommentar zum Protokoll') });
export const MinutesEntry = obj({
	kind: v.optional(v.picklist(['decision', 'task', 'question'])),
	text: optText('Beschluss, Aufgabe oder offene Frage (höchstens 2.000 Zeichen)'),
	itemId: v.optional(v.nullable(v.string())),
	assigneeId: v.optional(v.nullable(v.string())),
	assigneeName: optText('Zuständig (freier Name)'),
	dueDate: v.optional(isoDay('Bis wann'))
});
export const LanguageSet = obj({
	language: text('„de“ oder „en“ (sonst 400 invalid_language)')
});

// --- personal API tokens ---
export const ApiTokenCreate = v.strictObject({
	name: v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.description('Name (1–80 Zeichen)')),
	expiresAt: v.optional(
		v.nullable(
			v.pipe(
				v.string(),
				v.maxLength(40),
				v.description('letzter gültiger Tag (JJJJ-MM-TT) oder ein ISO-Zeitpunkt; leer: kein Ablauf')
			)
		)
	),
	planIds: v.optional(
		v.nullable(v.pipe(v.array(v.string()), v.maxLength(100), v.description('Pläne; null = alle')))
	),
	maxRole: v.picklist(['viewer', 'editor'])
});

// --- Priorisierung (votes): shapes here (`invalid_input` with `field`); missing fields and values
// out of range stay with the vote service and its codes (`invalid_targets`, `invalid_priority`) ---
export const VoteOpen = obj({
	title: text('Titel'),
	targetIds: ids('Maßnahmen oder Ziele (höchstens 60)'),
	dotsPerPerson: v.optional(v.pipe(v.number(), v.description('1–50, Standard 3'))),
	maxPerItem: v.optional(v.pipe(v.number(), v.description('höchstens dotsPerPerson'))),
	durationMinutes: v.optional(v.nullable(v.pipe(v.number(), v.description('1–1440')))),
	hideResults: v.optional(v.boolean()),
	viewersMayVote: v.optional(v.boolean()),
	sessionId: v.optional(v.nullable(text('Sitzung')))
});
export const Ballot = obj({
	dots: v.pipe(v.record(v.string(), v.number()), v.description('Punkte je Eintrag')),
	revision: v.optional(v.pipe(v.number(), v.description('zuletzt gesehene Fassung')))
});
export const HandCount = obj({
	itemId: text('Eintrag'),
	count: v.pipe(v.number(), v.description('0–100000'))
});
export const VoteApply = obj({
	priorities: v.pipe(
		v.record(v.string(), v.string()),
		v.description('Priorität je Maßnahme: „hoch“, „mittel“, „niedrig“ oder leer')
	)
});

// --- accounts, first start, public ---
export const AdminUserCreate = obj({
	email: text('E-Mail-Adresse'),
	name: text('Name'),
	password: text('Passwort (mindestens 10 Zeichen)'),
	isAdmin: v.optional(v.boolean()),
	mustChangePassword: v.optional(v.boolean()),
	canCreatePlans: v.optional(v.boolean())
});
/** Unknown keys: 400 `invalid_body` from the handler, as before. */
export const AdminUserPatch = obj({
	name: optText('Name'),
	isAdmin: v.optional(v.boolean()),
	disabled: v.optional(v.boolean()),
	canCreatePlans: v.optional(v.boolean())
});
export const NewPassword = obj({ password: text('neues Passwort') });
export const Setup = obj({
	email: text('E-Mail-Adresse'),
	name: text('Name'),
	password: text('Passwort')
});
export const GuestJoin = obj({ name: text('Anzeigename') });
export const PublicSubmission = obj({
	kind: text('Art des Beitrags'),
	targetId: v.optional(v.nullable(text('Eintrag'))),
	title: text('Titel'),
	text: text('Beitrag'),
	name: optText('Name'),
	consent: v.pipe(v.boolean(), v.description('Einwilligung: muss true sein'))
});
export const MarkRead = obj({
	ids: v.optional(ids('Benachrichtigungen')),
	all: v.optional(v.pipe(v.boolean(), v.description('true: alle')))
});
export const Login = obj({ email: text('E-Mail-Adresse'), password: text('Passwort') });
export const PasswordChange = obj({
	currentPassword: text('bisheriges Passwort'),
	newPassword: text('neues Passwort (mindestens 10 Zeichen)')
});
export const MailPreferences = v.pipe(
	v.record(v.string(), v.boolean()),
	v.description('je Art von E-Mail: bekommen oder nicht')
);

/**
 * The transfer file of POST /api/plan-import (docs/plan-transfer.md), described only: the
 * transfer module checks the whole file before writing (400 `invalid_transfer_file`, …).
 */
export const TransferFile = v.pipe(
	obj({
		format: v.literal('mitplan-plan'),
		version: v.pipe(v.number(), v.description('Formatversion')),
		planId: text('Plan-ID der Quell-Installation'),
		title: text('Titel'),
		doc: text('Plandokument: Yjs-Update, Base64'),
		records: v.array(obj({ key: v.string(), type: v.string() })),
		snapshots: v.optional(v.array(obj({ id: v.string(), data: v.string() })))
	}),
	v.description('Export einer anderen Mitplan-Installation (GET /api/plans/{planId}/transfer)')
);
