/**
 * The Sitzungsprotokoll as PDF (issue 13, item 7): a ProtocolModel → laid-out blocks, then the same paginator and renderer as the council PDF
 * (cover, contents, DejaVu fonts, header/footer, "ENTWURF" until the protocol is final).
 */
import type { jsPDF as JsPdfClass } from 'jspdf';
import type { ProtocolEntry, ProtocolModel } from '../contract/minutes';
import type { Block, KeyValueRow } from './blocks';
import type { LaidOutDocument } from './layout';
import { paginate } from './paginate';
import { createPdf, renderPdf, type FontBytes } from './render';
import { EMPTY_VALUE, UNTITLED, cleanLine, cleanText } from './text';
import { pdfFileName, type ExportedPdf } from './index';

export const PROTOCOL_TYPE_LABEL = 'Sitzungsprotokoll';

type Clean = (s: string) => string;

function heading(number: string, text: string): Block {
	return { kind: 'heading', level: 1, number, text, toc: true, visible: true };
}

function entryGrid(entries: ProtocolEntry[], task: boolean, line: Clean, text: Clean): Block {
	return task
		? {
				kind: 'grid',
				columns: [
					{ title: 'Nr.', width: 0.06 },
					{ title: 'Aufgabe', width: 0.38 },
					{ title: 'Wer', width: 0.18 },
					{ title: 'Bis wann', width: 0.15 },
					{ title: 'Bezug im Plan', width: 0.23 }
				],
				rows: entries.map((e, i) => ({
					cells: [
						String(i + 1),
						text(e.text),
						line(e.assignee) || EMPTY_VALUE,
						e.due || EMPTY_VALUE,
						line(e.item) || EMPTY_VALUE
					]
				}))
			}
		: {
				kind: 'grid',
				columns: [
					{ title: 'Nr.', width: 0.06 },
					{ title: 'Text', width: 0.64 },
					{ title: 'Bezug im Plan', width: 0.3 }
				],
				rows: entries.map((e, i) => ({
					cells: [String(i + 1), text(e.text), line(e.item) || EMPTY_VALUE]
				}))
			};
}

/** The protocol's blocks (sections numbered in order; empty sections say so). */
export function protocolBlocks(p: ProtocolModel, line: Clean, text: Clean): Block[] {
	const blocks: Block[] = [];
	let n = 0;
	const section = (title: string) => blocks.push(heading(String(++n), title));
	const none = (t: string) => blocks.push({ kind: 'paragraph', style: 'muted', text: t });

	section('Sitzung');
	const head: KeyValueRow[] = [
		{ label: 'Plan', value: line(p.planTitle) || UNTITLED },
		{ label: 'Datum', value: p.dateLabel },
		{ label: 'Zeit', value: p.timeLabel || EMPTY_VALUE },
		{ label: 'Ort', value: line(p.room) || EMPTY_VALUE }
	];
	if (p.videoLink) head.push({ label: 'Video', value: line(p.videoLink) });
	head.push({ label: 'Moderation', value: line(p.facilitator) });
	if (p.noteTakers.length > 0)
		head.push({ label: 'Protokoll', value: p.noteTakers.map(line).join(', ') });
	head.push({
		label: 'Stand',
		value: `${p.phaseLabel}${p.phase === 'kommentierung' ? ` (Kommentare ${p.commentsUntilLabel})` : ''}`
	});
	blocks.push({ kind: 'table', rows: head });

	section('Anwesenheit');
	const a = p.attendance;
	blocks.push({
		kind: 'paragraph',
		text: `${a.total} ${a.total === 1 ? 'Person' : 'Personen'}: ${a.online.length} online verbunden, ${a.inRoom.length} im Raum namentlich eingetragen${a.headCount > 0 ? `, ${a.headCount} weitere im Raum` : ''}.`
	});
	if (a.online.length + a.inRoom.length > 0)
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: 'Name', width: 0.45 },
				{ title: 'Teilnahme', width: 0.25 },
				{ title: 'Zeit / Organisation', width: 0.3 }
			],
			rows: [
				...a.online.map((o) => ({
					cells: [line(o.name), o.guest ? 'online (Gast)' : 'online', o.times]
				})),
				...a.inRoom.map((r) => ({
					cells: [line(r.name), 'im Raum', line(r.organisation) || EMPTY_VALUE]
				}))
			]
		});

	section('Tagesordnung');
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: 'Nr.', width: 0.06 },
			{ title: 'Punkt', width: 0.46 },
			{ title: 'Geplant', width: 0.14 },
			{ title: 'Tatsächlich', width: 0.34 }
		],
		rows: p.agenda.map((s, i) => ({
			cells: [String(i + 1), line(s.title) || UNTITLED, s.planned, s.actual]
		}))
	});

	if (p.ideas !== null) {
		section('Ideen');
		if (p.ideas.length === 0) none('In dieser Sitzung wurden keine Ideen gesammelt.');
		else
			blocks.push({
				kind: 'grid',
				columns: [
					{ title: 'Idee', width: 0.6 },
					{ title: 'Was daraus wurde', width: 0.4 }
				],
				rows: p.ideas.map((i) => ({ cells: [text(i.text), line(i.outcome) || EMPTY_VALUE] }))
			});
	}

	section('Abstimmungen');
	if (p.votes.length === 0) none('In dieser Sitzung gab es keine Abstimmung.');
	for (const v of p.votes) {
		blocks.push({ kind: 'spacer', height: 2 });
		blocks.push({
			kind: 'label',
			text: `${line(v.title) || UNTITLED} (${v.status}, ${v.voters} ${v.voters === 1 ? 'Person hat' : 'Personen haben'} abgestimmt)`
		});
		if (v.results.length === 0) none('Ergebnis noch verborgen oder keine Punkte vergeben.');
		else
			blocks.push({
				kind: 'grid',
				columns: [
					{ title: 'Rang', width: 0.08 },
					{ title: 'Maßnahme / Ziel', width: 0.56 },
					{ title: 'Punkte', width: 0.12, align: 'right' },
					{ title: 'online / im Raum', width: 0.24 }
				],
				rows: v.results.map((r) => ({
					cells: [
						`${r.rank}.`,
						line(r.title) || UNTITLED,
						String(r.total),
						`${r.online} / ${r.room}`
					]
				}))
			});
		if (v.priorities.length > 0)
			blocks.push({
				kind: 'paragraph',
				text: `In den Plan übernommene Prioritäten: ${v.priorities.map(line).join('; ')}.`
			});
	}

	section('Beschlüsse');
	if (p.decisions.length === 0) none('Keine Beschlüsse.');
	else blocks.push(entryGrid(p.decisions, false, line, text));

	section('Aufgaben');
	if (p.tasks.length === 0) none('Keine Aufgaben.');
	else blocks.push(entryGrid(p.tasks, true, line, text));

	section('Offene Fragen');
	if (p.questions.length === 0) none('Keine offenen Fragen.');
	else blocks.push(entryGrid(p.questions, false, line, text));

	section('Planänderungen während der Sitzung');
	if (p.changes.length === 0) none('Während der Sitzung wurde der Plan nicht geändert.');
	else
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: 'Zeit', width: 0.1 },
				{ title: 'Wer', width: 0.22 },
				{ title: 'Element', width: 0.38 },
				{ title: 'Änderung', width: 0.3 }
			],
			rows: p.changes.map((c) => ({
				cells: [c.time, line(c.who), line(c.item), line(c.what)]
			}))
		});

	section('Kommentare');
	if (p.phase === 'entwurf') none('Kommentare sind nach dem Ende der Sitzung möglich.');
	else if (p.comments.length === 0) none('Keine Kommentare.');
	else
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: 'Von', width: 0.25 },
				{ title: 'Kommentar', width: 0.75 }
			],
			rows: p.comments.map((c) => ({ cells: [`${line(c.who)}\n${c.at}`, text(c.text)] }))
		});
	return blocks;
}

/** The protocol laid out like a plan document (cover, contents, sections). */
export function layoutProtocol(
	p: ProtocolModel,
	hasGlyph?: (cp: number) => boolean
): LaidOutDocument {
	const line = (s: string) => cleanLine(s, hasGlyph);
	const text = (s: string) => cleanText(s, hasGlyph);
	const title = line(p.title) || UNTITLED;
	const planTitle = line(p.planTitle) || UNTITLED;
	const municipality = line(p.municipality);
	return {
		title,
		typeLabel: PROTOCOL_TYPE_LABEL,
		municipality: [planTitle, municipality].filter(Boolean).join(' · '),
		statusLabel: p.phaseLabel,
		dateLabel: p.dateLabel,
		versionLabel: '',
		fundingNotice: '',
		draft: p.phase !== 'endgueltig',
		orientation: 'portrait',
		tocDepth: 1,
		blocks: protocolBlocks(p, line, text),
		metadata: {
			title: `${title} – ${PROTOCOL_TYPE_LABEL}`,
			subject: [PROTOCOL_TYPE_LABEL, planTitle].join(', '),
			author: municipality || 'Mitplan',
			keywords: 'Sitzungsprotokoll, Beschlüsse, Aufgaben, Mitplan'
		}
	};
}

export function exportProtocolPdf(
	p: ProtocolModel,
	env: { jsPDF: typeof JsPdfClass; fonts: FontBytes }
): ExportedPdf {
	const { pdf, metrics } = createPdf(env.jsPDF, env.fonts, 'portrait');
	const laid = layoutProtocol(p, (cp) => metrics.hasGlyph(cp, 'normal'));
	const doc = paginate(laid, metrics);
	const bytes = renderPdf(pdf, metrics, { doc, metadata: laid.metadata });
	return {
		bytes,
		pageCount: doc.pages.length,
		fileName: pdfFileName(`${p.title} ${p.dateLabel.replace(/^\w+, /, '')}`, 'protokoll')
	};
}
