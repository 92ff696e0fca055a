/**
 * THE REGISTRY OF DESCRIBED API ROUTES: one `defineRoute` per method and path, from which
 * GET /api/openapi.json is built. Handlers that validate with a schema take it from here
 * (`ROUTES.planCreate.body`), so the document and the check cannot drift apart. To describe a
 * new route, add one line here (or in ./routes-plan.ts for plan-scoped areas).
 */
import { defineRoute as r } from './registry';
import * as S from './schemas';
import * as Q from './queries';
import { PLAN_ROUTES } from './routes-plan';

const T = { account: 'Konto', plans: 'Pläne', members: 'Mitglieder', misc: 'Allgemein' };

export const ROUTES = {
	...PLAN_ROUTES,
	health: r({
		method: 'GET',
		path: '/api/health',
		summary: 'Läuft der Server?',
		tag: T.misc,
		policy: 'public'
	}),
	openapi: r({
		method: 'GET',
		path: '/api/openapi.json',
		summary: 'Diese Beschreibung der API (OpenAPI 3.1)',
		tag: T.misc,
		policy: 'public'
	}),
	login: r({
		method: 'POST',
		path: '/api/auth/login',
		summary: 'Anmelden (Cookie)',
		tag: T.account,
		policy: 'public',
		noToken: true,
		body: S.Login
	}),
	logout: r({
		method: 'POST',
		path: '/api/auth/logout',
		summary: 'Abmelden',
		tag: T.account,
		policy: 'public',
		status: 204
	}),
	me: r({
		method: 'GET',
		path: '/api/auth/me',
		summary: 'Wer bin ich?',
		tag: T.account,
		policy: 'public'
	}),
	password: r({
		method: 'POST',
		path: '/api/auth/password',
		summary: 'Eigenes Passwort ändern',
		tag: T.account,
		policy: 'account.password',
		noToken: true,
		status: 204,
		body: S.PasswordChange
	}),
	tokenList: r({
		method: 'GET',
		path: '/api/auth/tokens',
		summary: 'Eigene API-Schlüssel',
		tag: T.account,
		policy: 'account.tokens',
		noToken: true
	}),
	tokenCreate: r({
		method: 'POST',
		path: '/api/auth/tokens',
		summary: 'API-Schlüssel anlegen (wird nur jetzt gezeigt)',
		tag: T.account,
		policy: 'account.tokens',
		noToken: true,
		status: 201,
		body: S.ApiTokenCreate
	}),
	tokenRevoke: r({
		method: 'DELETE',
		path: '/api/auth/tokens/{tokenId}',
		summary: 'API-Schlüssel widerrufen',
		tag: T.account,
		policy: 'account.tokens',
		noToken: true,
		status: 204
	}),
	notifications: r({
		method: 'GET',
		path: '/api/notifications',
		summary: 'Eigene Benachrichtigungen',
		tag: T.account,
		policy: 'inbox.read'
	}),
	reviewQueue: r({
		method: 'GET',
		path: '/api/review-queue',
		summary: 'Was muss ich prüfen?',
		tag: T.account,
		policy: 'inbox.read',
		paginated: true
	}),
	planList: r({
		method: 'GET',
		path: '/api/plans',
		summary: 'Pläne mit Zugriff (mit eigener Rolle)',
		tag: T.plans,
		policy: 'inbox.read',
		paginated: true
	}),
	planCreate: r({
		method: 'POST',
		path: '/api/plans',
		summary: 'Plan anlegen; man wird owner',
		tag: T.plans,
		policy: 'plan.create',
		status: 201,
		body: S.PlanCreate
	}),
	adminUsers: r({
		method: 'GET',
		path: '/api/admin/users',
		summary: 'Alle Konten (Administration)',
		tag: T.account,
		policy: 'admin.users',
		noToken: true,
		paginated: true
	}),
	adminUserCreate: r({
		method: 'POST',
		path: '/api/admin/users',
		summary: 'Konto anlegen (Administration)',
		tag: T.account,
		policy: 'admin.users',
		noToken: true,
		status: 201,
		body: S.AdminUserCreate
	}),
	adminUserPatch: r({
		method: 'PATCH',
		path: '/api/admin/users/{userId}',
		summary: 'Konto ändern, sperren (Administration)',
		tag: T.account,
		policy: 'admin.users',
		noToken: true,
		body: S.AdminUserPatch
	}),
	adminUserPassword: r({
		method: 'POST',
		path: '/api/admin/users/{userId}/password',
		summary: 'Passwort setzen (Administration)',
		tag: T.account,
		policy: 'admin.users',
		noToken: true,
		status: 204,
		body: S.NewPassword
	}),
	adminResetLink: r({
		method: 'POST',
		path: '/api/admin/users/{userId}/reset-link',
		summary: 'Link zum Setzen eines Passworts (Administration)',
		tag: T.account,
		policy: 'admin.users',
		noToken: true,
		status: 201
	}),
	setupNeeded: r({
		method: 'GET',
		path: '/api/setup',
		summary: 'Ist der erste Start nötig?',
		tag: T.misc,
		policy: 'public'
	}),
	setup: r({
		method: 'POST',
		path: '/api/setup',
		summary: 'Erste Administration anlegen',
		tag: T.misc,
		policy: 'public',
		status: 201,
		body: S.Setup
	}),
	sso: r({
		method: 'GET',
		path: '/api/auth/sso',
		summary: 'Wird Anmeldung über einen Anmeldedienst angeboten?',
		tag: T.account,
		policy: 'public'
	}),
	reset: r({
		method: 'POST',
		path: '/api/auth/reset/{token}',
		summary: 'Passwort über einen Link setzen',
		tag: T.account,
		policy: 'public',
		status: 204,
		body: S.NewPassword
	}),
	mail: r({
		method: 'GET',
		path: '/api/auth/mail',
		summary: 'Eigene E-Mail-Einstellungen',
		tag: T.account,
		policy: 'account.mail',
		noToken: true
	}),
	mailSet: r({
		method: 'PUT',
		path: '/api/auth/mail',
		summary: 'E-Mail-Einstellungen ändern',
		tag: T.account,
		policy: 'account.mail',
		noToken: true,
		body: S.MailPreferences
	}),
	language: r({
		method: 'GET',
		path: '/api/auth/language',
		summary: 'Eigene Sprache der Oberfläche',
		tag: T.account,
		policy: 'account.language',
		noToken: true
	}),
	languageSet: r({
		method: 'PUT',
		path: '/api/auth/language',
		summary: 'Sprache der Oberfläche ändern (setzt das Cookie mitplan_lang)',
		tag: T.account,
		policy: 'account.language',
		noToken: true,
		body: S.LanguageSet
	}),
	notificationsRead: r({
		method: 'POST',
		path: '/api/notifications/read',
		summary: 'Benachrichtigungen als gelesen markieren',
		tag: T.account,
		policy: 'inbox.read',
		body: S.MarkRead
	}),
	legal: r({
		method: 'GET',
		path: '/api/legal/{name}',
		summary: 'Impressum, Datenschutz, Barrierefreiheit',
		tag: T.misc,
		policy: 'public'
	}),
	inviteInfo: r({
		method: 'GET',
		path: '/api/invites/{token}',
		summary: 'Was ein Einladungslink anbietet',
		tag: T.members,
		policy: 'public'
	}),
	inviteGuest: r({
		method: 'POST',
		path: '/api/invites/{token}/guest',
		summary: 'Als Gast beitreten',
		tag: T.members,
		policy: 'public',
		body: S.GuestJoin
	}),
	publicRound: r({
		method: 'GET',
		path: '/api/public/rounds/{token}',
		summary: 'Öffentliche Beteiligungsrunde',
		tag: 'Beteiligung',
		policy: 'public',
		query: Q.ReaderLanguage
	}),
	publicSubmission: r({
		method: 'POST',
		path: '/api/public/rounds/{token}/submissions',
		summary: 'Öffentlicher Beitrag',
		tag: 'Beteiligung',
		policy: 'public',
		status: 201,
		body: S.PublicSubmission
	}),
	publicProgress: r({
		method: 'GET',
		path: '/api/public/umsetzung/{token}',
		summary: 'Öffentliche Umsetzungsseite als JSON (ohne „nicht öffentliche“ Maßnahmen)',
		tag: 'Umsetzung',
		policy: 'public',
		query: Q.ReaderLanguage
	}),
	publicReport: r({
		method: 'GET',
		path: '/api/public/umsetzung/{token}/bericht.pdf',
		summary: 'Öffentlicher Umsetzungsbericht als PDF (seit dem Beschluss)',
		tag: 'Umsetzung',
		policy: 'public'
	}),
	calendarFeed: r({
		method: 'GET',
		path: '/api/kalender/{token}.ics',
		summary: 'Kalender-Abo (iCal) eines Mitglieds',
		tag: 'Zeitplan',
		policy: 'public'
	}),
	planImport: r({
		method: 'POST',
		path: '/api/plan-import',
		summary: 'Plan aus einer anderen Installation übernehmen',
		tag: T.plans,
		policy: 'plan.create',
		status: 201,
		query: Q.ImportOptions,
		body: S.TransferFile
	}),
	inviteAccept: r({
		method: 'POST',
		path: '/api/invites/{token}/accept',
		summary: 'Einladung als Konto annehmen',
		tag: T.members,
		policy: 'invite.accept',
		noToken: true
	})
};
