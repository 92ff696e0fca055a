import { describe, expect, it } from 'vitest';
import { examplePlan } from './fixtures';
import { checkOptionsForPlan, exportOptionsToParams, parseExportOptions } from './options';

const parse = (query: string) => parseExportOptions(new URLSearchParams(query));
const messageOf = (r: ReturnType<typeof parse>) => (r.ok ? null : r.error.message);

describe('parseExportOptions', () => {
	it('has defaults: Gesamtplan, portrait, draft from the plan status', () => {
		expect(parse('')).toEqual({
			ok: true,
			value: { type: 'gesamtplan', fields: [], orientation: 'portrait', versionLabel: '' }
		});
	});

	it('reads every option from query parameters', () => {
		const r = parse(
			'type=steckbriefe&fields=a1,b2&fields=c3&orientation=landscape&draft=false&versionLabel=%20Fassung%202%20&fundingNotice=Gef%C3%B6rdert%20von%20X&date=2026-09-30'
		);
		expect(r).toEqual({
			ok: true,
			value: {
				type: 'steckbriefe',
				fields: ['a1', 'b2', 'c3'],
				orientation: 'landscape',
				draft: false,
				versionLabel: 'Fassung 2',
				fundingNotice: 'Gefördert von X',
				date: '2026-09-30'
			}
		});
	});

	it('reads the same options from an object (dialog, CLI) and round-trips through params', () => {
		const r = parseExportOptions({ type: 'handlungsfelder', fields: ['f1'], draft: true });
		expect(r.ok && r.value).toMatchObject({ type: 'handlungsfelder', fields: ['f1'], draft: true });
		if (!r.ok) throw new Error();
		expect(parseExportOptions(exportOptionsToParams(r.value))).toEqual(r);
	});

	it.each([
		['format=docx', 'Die Option „format“ gibt es beim PDF-Export nicht.'],
		['type=broschuere', 'Unbekannte Dokumentart'],
		['type=handlungsfelder', 'Bitte wählen Sie mindestens ein Handlungsfeld aus.'],
		['type=zwischenbericht&fields=a', 'nur bei „handlungsfelder“ und „steckbriefe“'],
		['type=steckbriefe&fields=../../etc', 'keine gültige Handlungsfeld-ID'],
		['orientation=diagonal', 'Ausrichtung'],
		['draft=vielleicht', '„draft“ muss „true“ oder „false“ sein.'],
		['date=2026-02-30', 'gültiges Datum'],
		['date=morgen', 'gültiges Datum'],
		['versionLabel=' + 'x'.repeat(61), 'höchstens 60 Zeichen'],
		['versionLabel=a%0Ab', 'ungültige Zeichen'],
		['fundingNotice=', 'darf nicht leer sein'],
		['fundingNotice=' + 'x'.repeat(501), 'höchstens 500 Zeichen'],
		['type=gesamtplan&type=steckbriefe', 'nur einmal'],
		['timeline=ja', '„timeline“ muss „true“ oder „false“ sein.'],
		['openPoints=2', '„openPoints“ muss „true“ oder „false“ sein.'],
		['type=steckbriefe&timeline=true', 'bei den Maßnahmensteckbriefen nicht möglich']
	])('refuses %s with a German message', (query, message) => {
		const r = parse(query);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.code).toBe('invalid_export_option');
		expect(messageOf(r)).toContain(message);
	});

	it('reads the Gantt section and the annex of open points and round-trips them', () => {
		const r = parse('type=zwischenbericht&timeline=false&openPoints=true');
		expect(r.ok && r.value).toMatchObject({ timeline: false, openPoints: true });
		if (!r.ok) throw new Error();
		expect(parseExportOptions(exportOptionsToParams(r.value))).toEqual(r);
		const d = parseExportOptions({ type: 'gesamtplan', openPoints: true, timeline: true });
		expect(d.ok && d.value).toMatchObject({ openPoints: true, timeline: true });
		// not given: undefined, the layout decides by document type
		const none = parse('type=gesamtplan');
		expect(none.ok && 'timeline' in none.value).toBe(false);
	});

	it('refuses non-string values in objects', () => {
		expect(parseExportOptions({ type: 3 }).ok).toBe(false);
		expect(parseExportOptions({ fields: [1, 2] }).ok).toBe(false);
		expect(parseExportOptions(null as unknown as Record<string, unknown>).ok).toBe(false);
	});

	it('checks selected fields against the plan', () => {
		const plan = examplePlan();
		const known = parseExportOptions({ type: 'handlungsfelder', fields: [plan.fields[1].id] });
		if (!known.ok) throw new Error(known.error.message);
		expect(checkOptionsForPlan(plan, known.value).ok).toBe(true);
		const unknown = { ...known.value, fields: ['gibtsnicht'] };
		const r = checkOptionsForPlan(plan, unknown);
		expect(r.ok ? null : r.error.message).toBe(
			'Das Handlungsfeld „gibtsnicht“ gibt es in diesem Plan nicht.'
		);
	});
});
