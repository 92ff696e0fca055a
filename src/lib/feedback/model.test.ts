import { describe, expect, it } from 'vitest';
import {
	berlinLocalToIso,
	checkRoundDates,
	formatBerlin,
	isoToBerlinLocal,
	roundEndedAt,
	roundState,
	validateDecision,
	validateRound,
	validateSubmission
} from './model';

const round = {
	startsAt: '2026-03-01T08:00:00.000Z',
	endsAt: '2026-03-15T22:59:00.000Z',
	closedEarly: false,
	closedAt: null
};
const t = (iso: string) => Date.parse(iso);

describe('roundState', () => {
	it('is geplant before the start, offen in between, beendet from the deadline on', () => {
		expect(roundState(round, t('2026-03-01T07:59:59Z'))).toBe('geplant');
		expect(roundState(round, t('2026-03-01T08:00:00Z'))).toBe('offen');
		expect(roundState(round, t('2026-03-15T22:58:59Z'))).toBe('offen');
		expect(roundState(round, t('2026-03-15T22:59:00Z'))).toBe('beendet');
		expect(roundEndedAt(round, t('2026-03-10T00:00:00Z'))).toBeNull();
		expect(roundEndedAt(round, t('2026-04-01T00:00:00Z'))).toBe(round.endsAt);
	});

	it('is beendet once closed early, also before the deadline and before the start', () => {
		const closed = { ...round, closedEarly: true, closedAt: '2026-03-05T10:00:00.000Z' };
		expect(roundState(closed, t('2026-03-06T00:00:00Z'))).toBe('beendet');
		expect(roundState(closed, t('2026-02-01T00:00:00Z'))).toBe('beendet');
		expect(roundEndedAt(closed, t('2026-03-06T00:00:00Z'))).toBe(closed.closedAt);
	});
});

describe('Berlin times', () => {
	it('converts local Berlin times in winter and summer', () => {
		expect(berlinLocalToIso('2026-01-15T10:00')).toBe('2026-01-15T09:00:00.000Z');
		expect(berlinLocalToIso('2026-07-15T10:00')).toBe('2026-07-15T08:00:00.000Z');
		expect(isoToBerlinLocal('2026-07-15T08:00:00.000Z')).toBe('2026-07-15T10:00');
		expect(berlinLocalToIso('15.07.2026')).toBeNull();
		expect(formatBerlin('2026-07-15T08:00:00.000Z')).toBe('15.07.2026, 10:00 Uhr');
	});
});

describe('validateSubmission', () => {
	const ok = {
		kind: 'proposal_measure',
		targetId: 'feld-1',
		title: '  Sprachcafé  ',
		text: 'Jeden Donnerstag\r\nim Bürgerhaus',
		name: '',
		consent: true
	};

	it('accepts a proposal and trims it', () => {
		const r = validateSubmission(ok);
		expect(r).toEqual({
			ok: true,
			value: {
				kind: 'proposal_measure',
				targetId: 'feld-1',
				title: 'Sprachcafé',
				text: 'Jeden Donnerstag\nim Bürgerhaus',
				name: ''
			}
		});
	});

	it('refuses missing consent, unknown kinds, empty and too long texts with stable codes', () => {
		const code = (body: Record<string, unknown>) => {
			const r = validateSubmission({ ...ok, ...body });
			return r.ok ? 'ok' : r.code;
		};
		expect(code({ consent: false })).toBe('consent_required');
		expect(code({ consent: 'true' })).toBe('consent_required');
		expect(code({ kind: 'wish' })).toBe('invalid_kind');
		expect(code({ targetId: '' })).toBe('invalid_target');
		expect(code({ title: '   ' })).toBe('title_required');
		expect(code({ title: 'x'.repeat(201) })).toBe('title_too_long');
		expect(code({ title: 'x'.repeat(200) })).toBe('ok');
		expect(code({ text: '' })).toBe('text_required');
		expect(code({ text: 'ä'.repeat(5000) })).toBe('ok');
		expect(code({ text: 'ä'.repeat(5001) })).toBe('text_too_long');
		expect(code({ name: 'n'.repeat(81) })).toBe('name_too_long');
		expect(code({ text: 'a\u0000b' })).toBe('invalid_value');
		expect(code({ title: 42 })).toBe('invalid_value');
	});

	it('says how long the text is', () => {
		const r = validateSubmission({ ...ok, text: 'a'.repeat(6000) });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain('5.000');
	});
});

describe('validateRound', () => {
	it('needs a title and dates; the deadline after the start', () => {
		const r = validateRound(
			{
				title: 'Runde 1',
				fieldIds: ['a', 'a', 'b'],
				startsAt: round.startsAt,
				endsAt: round.endsAt
			},
			false
		);
		expect(r.ok && r.value.fieldIds).toEqual(['a', 'b']);
		expect(
			validateRound({ title: '', startsAt: round.startsAt, endsAt: round.endsAt }, false)
		).toMatchObject({
			ok: false,
			code: 'title_required'
		});
		expect(
			validateRound({ title: 'x', startsAt: 'morgen', endsAt: round.endsAt }, false)
		).toMatchObject({
			ok: false,
			code: 'invalid_dates'
		});
		expect(
			validateRound(
				{ title: 'x', fieldIds: ['../x'], startsAt: round.startsAt, endsAt: round.endsAt },
				false
			)
		).toMatchObject({ ok: false, code: 'invalid_fields' });
		expect(checkRoundDates(round.endsAt, round.startsAt).ok).toBe(false);
		expect(validateRound({ endsAt: round.endsAt }, true)).toEqual({
			ok: true,
			value: { endsAt: round.endsAt }
		});
	});
});

describe('validateDecision', () => {
	it('requires a reason for a decision and allows undoing it', () => {
		expect(validateDecision('adopted', '')).toMatchObject({ ok: false, code: 'reason_required' });
		expect(validateDecision('maybe', 'x')).toMatchObject({ ok: false, code: 'invalid_decision' });
		expect(validateDecision('partly_adopted', ' Teilweise ')).toEqual({
			ok: true,
			value: { decision: 'partly_adopted', reason: 'Teilweise' }
		});
		expect(validateDecision(null, '')).toEqual({ ok: true, value: { decision: null, reason: '' } });
	});
});
