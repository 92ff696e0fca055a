/** The idea wall's pure rules: validation with German messages, the public view, merging pushes. */
import { describe, expect, it } from 'vitest';
import type { IdeaRecord, IdeaView } from '../../contract/ideas';
import {
	IDEA_LIMITS,
	clusterDescription,
	clusterTitle,
	germanDate,
	ideaView,
	mergeIdeas,
	validateIdeaEdit,
	validateNewIdea
} from './model';

const ok = { clientId: 'c-12345678', text: '  Schulhof öffnen  ' };

describe('validateNewIdea', () => {
	it('trims the text and defaults anonymous and field', () => {
		expect(validateNewIdea(ok)).toEqual({
			ok: true,
			value: { clientId: 'c-12345678', text: 'Schulhof öffnen', anonymous: false, fieldId: null }
		});
		const anon = validateNewIdea({ ...ok, anonymous: true, fieldId: 'feld-1' });
		expect(anon.ok && anon.value).toMatchObject({ anonymous: true, fieldId: 'feld-1' });
	});

	it('refuses an idea of 100,000 characters with a clear German message', () => {
		const r = validateNewIdea({ ...ok, text: 'x'.repeat(100_000) });
		expect(r).toEqual({
			ok: false,
			field: 'text',
			message: `Die Idee ist zu lang (100.000 Zeichen, höchstens ${IDEA_LIMITS.text}).`
		});
	});

	it('accepts exactly the limit and refuses one more', () => {
		expect(validateNewIdea({ ...ok, text: 'a'.repeat(IDEA_LIMITS.text) }).ok).toBe(true);
		expect(validateNewIdea({ ...ok, text: 'a'.repeat(IDEA_LIMITS.text + 1) }).ok).toBe(false);
	});

	it('refuses empty texts, control characters, bad client ids and flags', () => {
		const empty = validateNewIdea({ ...ok, text: '   ' });
		expect(!empty.ok && empty.message).toBe(
			'Bitte schreiben Sie Ihre Idee auf (ein kurzer Satz genügt).'
		);
		const ctrl = validateNewIdea({ ...ok, text: 'a\u0007b' });
		expect(!ctrl.ok && ctrl.message).toBe('Die Idee darf keine Steuerzeichen enthalten.');
		const number = validateNewIdea({ ...ok, text: 42 });
		expect(!number.ok && number.field).toBe('text');
		for (const clientId of [undefined, 'kurz', 'a/b/c/d/e/f', 'x'.repeat(65)]) {
			const r = validateNewIdea({ ...ok, clientId });
			expect(!r.ok && r.field).toBe('clientId');
		}
		const flag = validateNewIdea({ ...ok, anonymous: 'ja' });
		expect(!flag.ok && flag.field).toBe('anonymous');
		const field = validateNewIdea({ ...ok, fieldId: '../x' });
		expect(!field.ok && field.field).toBe('fieldId');
	});
});

describe('validateIdeaEdit', () => {
	it('takes text, hidden and clusterId and refuses nothing to do', () => {
		expect(validateIdeaEdit({ text: ' Neu ', hidden: true, clusterId: null })).toEqual({
			ok: true,
			value: { text: 'Neu', hidden: true, clusterId: null }
		});
		expect(validateIdeaEdit({}).ok).toBe(false);
		expect(validateIdeaEdit({ hidden: 'ja' }).ok).toBe(false);
		expect(validateIdeaEdit({ clusterId: 7 }).ok).toBe(false);
		expect(validateIdeaEdit({ text: 'y'.repeat(501) }).ok).toBe(false);
	});

	it('checks cluster titles', () => {
		expect(clusterTitle(' Schulhof ')).toEqual({ ok: true, value: 'Schulhof' });
		expect(clusterTitle('').ok).toBe(false);
		expect(clusterTitle('t'.repeat(121)).ok).toBe(false);
	});
});

describe('views', () => {
	const record: IdeaRecord = {
		id: 'idee-abcdefghijkl',
		planId: 'p',
		sessionId: 'sitzung-abcdef',
		clientId: 'c-12345678',
		text: 'Trinkbrunnen',
		anonymous: true,
		author: { id: 'u1', name: 'Anna', kind: 'user' },
		fieldId: null,
		clusterId: null,
		hidden: false,
		outcome: null,
		createdAt: '2027-03-12T18:00:00.000Z',
		rev: 1
	};

	it('never shows the author of an anonymous idea', () => {
		const v = ideaView(record);
		expect(v.authorName).toBeNull();
		expect(JSON.stringify(v)).not.toContain('Anna');
		expect(JSON.stringify(v)).not.toContain('u1');
		expect(ideaView({ ...record, anonymous: false }).authorName).toBe('Anna');
	});

	it('merges pushes: newer revisions win, oldest first', () => {
		const a = ideaView(record);
		const b: IdeaView = { ...a, id: 'idee-b', createdAt: '2027-03-12T17:00:00.000Z' };
		const merged = mergeIdeas([a], [b, { ...a, rev: 0, text: 'alt' }]);
		expect(merged.map((i) => i.id)).toEqual(['idee-b', a.id]);
		expect(merged[1].text).toBe('Trinkbrunnen');
		expect(mergeIdeas(merged, [{ ...a, rev: 2, text: 'neu' }])[1].text).toBe('neu');
	});

	it('writes the German date and the cluster description', () => {
		expect(germanDate('2027-03-12')).toBe('12.03.2027');
		expect(clusterDescription({ title: 'T' }, [{ text: 'A' }, { text: 'B' }], 1000)).toBe(
			'Ideen aus der Sitzung:\n– A\n– B'
		);
		expect(clusterDescription({ title: 'T' }, [{ text: 'A'.repeat(50) }], 20)).toHaveLength(20);
		// written into the plan in the language of the person taking the cluster over
		expect(clusterDescription({ title: 'T' }, [{ text: 'A' }, { text: 'B' }], 1000, 'en')).toBe(
			'Ideas from the session:\n– A\n– B'
		);
	});
});
