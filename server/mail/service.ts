/**
 * The mail service: the one seam other parts call to send a mail (`notify`), the preferences
 * API, and the outbox that sends. Without SMTP_URL it only keeps preferences and drops mail.
 *
 * `notify` never blocks or fails its caller: it resolves the recipient, checks the person's
 * preferences, renders the German mail and queues it in the background (errors are logged).
 */
import type { ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { MailSettingsService, MailSettingsView } from '../../src/lib/contract/mail';
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

export interface MailService extends MailSettingsService {
	readonly enabled: boolean;
	/** Queues the mail in the background if the recipient wants this kind. Never throws. */
	notify(target: MailTarget, message: MailMessage): void;
	/** Like notify, awaited: true when queued, false when not wanted/not possible. */
	send(target: MailTarget, message: MailMessage): Promise<boolean>;
	/** Resolves when every notify started so far has been queued (tests, shutdown). */
	settled(): Promise<void>;
	readonly outbox: Outbox | null;
	close(): Promise<void>;
}

export interface MailServiceDeps {
	kv: KvStore;
	access: Pick<AccessService, 'getUser' | 'findUserByEmail'>;
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

	async function send(target: MailTarget, message: MailMessage): Promise<boolean> {
		if (!outbox) return false;
		const user =
			'userId' in target
				? await access.getUser(target.userId)
				: await access.findUserByEmail(target.email);
		if ('userId' in target && (!user || user.disabled)) return false;
		if (user?.disabled) return false;
		if (user && message.category !== 'account') {
			const wanted = await prefs.read(user.id);
			if (!wanted[message.category]) return false;
		}
		const to = user?.email ?? ('email' in target ? target.email : '');
		if (!to) return false;
		await outbox.enqueue({ to, kind: message.category, ...renderMail(message, origin) });
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
		notify(target, message) {
			const p = send(target, message)
				.catch((error) => {
					log.warn('[mail] not queued', { kind: message.category, error });
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
