/**
 * The mail service: the one seam other parts call to send a mail (`notify`), the preferences
 * API, and the outbox that sends. Without SMTP_URL it only keeps preferences and drops mail.
 *
 * `notify` never blocks or fails its caller: it resolves the recipient, checks the person's
 * preferences, renders the mail in the recipient's language and queues it in the background
 * (errors are logged). Language: the account's interface language (acct:lang, server/i18n),
 * else German; an address without account gets `fallbackLocale` (invitations: the inviting
 * person's language), else German.
 */
import type { ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { MailSettingsService, MailSettingsView } from '../../src/lib/contract/mail';
import type { InterfaceLocale, LanguagePreferenceService } from '../../src/lib/contract/languages';
import type { AccessService } from '../auth/types';
import type { Logger } from '../log';
import type { KvStore } from '../storage/kv';
import { isKvError } from '../storage/kv';
import { createOutbox, type Outbox } from './outbox';
import { createPreferences, parsePatch } from './preferences';
import { renderMail, type MailMessage } from './render';
import type { MailTransport } from './transport';

/** Who gets it: an account (its address, if enabled) or an address (an account's preferences apply). */
export type MailTarget = { userId: string } | { email: string };

/** A mail in one language, or the mail for a language (rendered once the recipient is known). */
export type MailContent = MailMessage | ((locale: InterfaceLocale) => MailMessage);

export interface MailOptions {
	/** Language for an address without account (default German). */
	fallbackLocale?: InterfaceLocale;
}

export interface MailService extends MailSettingsService {
	readonly enabled: boolean;
	/** Queues the mail in the background if the recipient wants this kind. Never throws. */
	notify(target: MailTarget, content: MailContent, options?: MailOptions): void;
	/** Like notify, awaited: true when queued, false when not wanted/not possible. */
	send(target: MailTarget, content: MailContent, options?: MailOptions): Promise<boolean>;
	/** Resolves when every notify started so far has been queued (tests, shutdown). */
	settled(): Promise<void>;
	readonly outbox: Outbox | null;
	close(): Promise<void>;
}

export interface MailServiceDeps {
	kv: KvStore;
	access: Pick<AccessService, 'getUser' | 'findUserByEmail'>;
	/** Each account's interface language (server/i18n/preferences.ts); without it: German. */
	languages?: Pick<LanguagePreferenceService, 'get'>;
	log: Logger;
	instanceId: string;
	/** ORIGIN: the base of every link. */
	origin: string | undefined;
	settings:
		| { from: string; maxAttempts: number; retryBaseMs: number; transport: MailTransport }
		| undefined;
	/** Worker poll interval (tests). */
	pollMs?: number;
}

export function createMailService(deps: MailServiceDeps): MailService {
	const { kv, access, log } = deps;
	const prefs = createPreferences(kv);
	const outbox =
		deps.settings && deps.origin
			? createOutbox({
					kv,
					log,
					instanceId: deps.instanceId,
					transport: deps.settings.transport,
					from: deps.settings.from,
					maxAttempts: deps.settings.maxAttempts,
					retryBaseMs: deps.settings.retryBaseMs,
					pollMs: deps.pollMs
				})
			: null;
	const origin = deps.origin ?? '';
	const pending = new Set<Promise<unknown>>();

	async function send(
		target: MailTarget,
		content: MailContent,
		options: MailOptions = {}
	): Promise<boolean> {
		if (!outbox) return false;
		const user =
			'userId' in target
				? await access.getUser(target.userId)
				: await access.findUserByEmail(target.email);
		if ('userId' in target && (!user || user.disabled)) return false;
		if (user?.disabled) return false;
		const locale: InterfaceLocale = user
			? ((await deps.languages?.get(user.id).catch(() => null)) ?? 'de')
			: (options.fallbackLocale ?? 'de');
		const message = typeof content === 'function' ? content(locale) : content;
		if (user && message.category !== 'account') {
			const wanted = await prefs.read(user.id);
			if (!wanted[message.category]) return false;
		}
		const to = user?.email ?? ('email' in target ? target.email : '');
		if (!to) return false;
		await outbox.enqueue({ to, kind: message.category, ...renderMail(message, origin, locale) });
		return true;
	}

	async function run<T>(what: string, fn: () => Promise<T>): Promise<ApiResult<T>> {
		try {
			return { ok: true, value: await fn() };
		} catch (error) {
			if (isKvError(error)) log.warn(`[mail] ${what}: storage unavailable`, { error });
			else log.error(`[mail] ${what} failed`, { error });
			return { ok: false, error: PLAN_ERRORS.unavailable() };
		}
	}

	const view = async (userId: string): Promise<MailSettingsView> => ({
		enabled: outbox !== null,
		preferences: await prefs.read(userId)
	});

	return {
		enabled: outbox !== null,
		outbox,
		send,
		notify(target, content, options) {
			const p = send(target, content, options)
				.catch((error) => {
					const kind = typeof content === 'function' ? undefined : content.category;
					log.warn('[mail] not queued', { kind, error });
					return false;
				})
				.finally(() => pending.delete(p));
			pending.add(p);
		},
		async settled() {
			while (pending.size > 0) await Promise.all([...pending]);
		},
		getSettings: (userId) => run('read settings', () => view(userId)),
		async setPreferences(userId, input) {
			const patch = parsePatch(input);
			if (!patch) {
				return {
					ok: false,
					error: {
						status: 400,
						code: 'invalid_input',
						message:
							'Erwartet wird z. B. {"mention": false}: nur bekannte E-Mail-Arten, jeweils true oder false.'
					}
				};
			}
			return run('save settings', async () => {
				await prefs.update(userId, patch);
				return view(userId);
			});
		},
		async close() {
			await this.settled();
			await outbox?.close();
		}
	};
}
