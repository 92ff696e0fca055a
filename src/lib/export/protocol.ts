/**
 * The Sitzungsprotokoll as PDF (issue 13, item 7): a ProtocolModel → laid-out blocks, then the same paginator and renderer as the council PDF
 * (cover, contents, DejaVu fonts, header/footer, "ENTWURF" until the protocol is final). Labels
 * in the model's language (`locale`, messages/meetings `meetings_pdf_…`); typed content as typed.
 */
import type { jsPDF as JsPdfClass } from 'jspdf';
import type { ProtocolEntry, ProtocolModel } from '../contract/minutes';
import type { Block, KeyValueRow } from './blocks';
import type { LaidOutDocument } from './layout';
import { paginate } from './paginate';
import { createPdf, renderPdf, type FontBytes } from './render';
import { EMPTY_VALUE, UNTITLED, cleanLine, cleanText } from './text';
import { pdfFileName, type ExportedPdf } from './index';
import type { InterfaceLocale } from '../contract/languages';
import * as t from '../paraglide/messages/_index.js';

/** "Sitzungsprotokoll" / "Meeting minutes" (cover, metadata). */
export const protocolTypeLabel = (locale: InterfaceLocale = 'de') =>
	t.meetings_pdf_type({}, { locale });

type Clean = (s: string) => string;
type Say = (word: (inputs: object, options: { locale: InterfaceLocale }) => string) => string;

function heading(number: string, text: string): Block {
	return { kind: 'heading', level: 1, number, text, toc: true, visible: true };
}

function entryGrid(
	entries: ProtocolEntry[],
	task: boolean,
	line: Clean,
	text: Clean,
	say: Say
): Block {
	return task
		? {
				kind: 'grid',
				columns: [
					{ title: say(t.meetings_pdf_no), width: 0.06 },
					{ title: say(t.meetings_pdf_task), width: 0.38 },
					{ title: say(t.meetings_pdf_who), width: 0.18 },
					{ title: say(t.meetings_pdf_due), width: 0.15 },
					{ title: say(t.meetings_pdf_item), width: 0.23 }
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
					{ title: say(t.meetings_pdf_no), width: 0.06 },
					{ title: say(t.meetings_pdf_text), width: 0.64 },
					{ title: say(t.meetings_pdf_item), width: 0.3 }
				],
				rows: entries.map((e, i) => ({
					cells: [String(i + 1), text(e.text), line(e.item) || EMPTY_VALUE]
				}))
			};
}

/** The protocol's blocks in the model's language (sections numbered in order; empty sections say so). */
export function protocolBlocks(p: ProtocolModel, line: Clean, text: Clean): Block[] {
	const o = { locale: p.locale ?? 'de' };
	const say: Say = (word) => word({}, o);
	const blocks: Block[] = [];
	let n = 0;
	const section = (title: string) => blocks.push(heading(String(++n), title));
	const none = (t: string) => blocks.push({ kind: 'paragraph', style: 'muted', text: t });

	section(say(t.meetings_pdf_session));
	const head: KeyValueRow[] = [
		{ label: say(t.meetings_pdf_plan), value: line(p.planTitle) || UNTITLED },
		{ label: say(t.meetings_pdf_date), value: p.dateLabel },
		{ label: say(t.meetings_pdf_time), value: p.timeLabel || EMPTY_VALUE },
		{ label: say(t.meetings_pdf_place), value: line(p.room) || EMPTY_VALUE }
	];
	if (p.videoLink) head.push({ label: say(t.meetings_pdf_video), value: line(p.videoLink) });
	head.push({ label: say(t.meetings_pdf_facilitation), value: line(p.facilitator) });
	if (p.noteTakers.length > 0)
		head.push({ label: say(t.meetings_pdf_note_takers), value: p.noteTakers.map(line).join(', ') });
	head.push({
		label: say(t.meetings_pdf_state),
		value:
			p.phase === 'kommentierung'
				? t.meetings_pdf_state_comments({ phase: p.phaseLabel, until: p.commentsUntilLabel }, o)
				: p.phaseLabel
	});
	blocks.push({ kind: 'table', rows: head });

	section(say(t.meetings_pdf_attendance));
	const a = p.attendance;
	blocks.push({
		kind: 'paragraph',
		text: (a.total === 1 ? t.meetings_headcount_line_one : t.meetings_headcount_line)(
			{
				total: a.total,
				online: a.online.length,
				room: a.inRoom.length,
				more: a.headCount > 0 ? t.meetings_headcount_more({ count: a.headCount }, o) : ''
			},
			o
		)
	});
	if (a.online.length + a.inRoom.length > 0)
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: say(t.meetings_pdf_name), width: 0.45 },
				{ title: say(t.meetings_pdf_participation), width: 0.25 },
				{ title: say(t.meetings_pdf_time_org), width: 0.3 }
			],
			rows: [
				...a.online.map((o) => ({
					cells: [
						line(o.name),
						say(o.guest ? t.meetings_pdf_online_guest : t.meetings_pdf_online),
						o.times
					]
				})),
				...a.inRoom.map((r) => ({
					cells: [line(r.name), say(t.meetings_pdf_in_room), line(r.organisation) || EMPTY_VALUE]
				}))
			]
		});

	section(say(t.meetings_pdf_agenda));
	blocks.push({
		kind: 'grid',
		columns: [
			{ title: say(t.meetings_pdf_no), width: 0.06 },
			{ title: say(t.meetings_pdf_point), width: 0.46 },
			{ title: say(t.meetings_pdf_planned), width: 0.14 },
			{ title: say(t.meetings_pdf_actual), width: 0.34 }
		],
		rows: p.agenda.map((s, i) => ({
			cells: [String(i + 1), line(s.title) || UNTITLED, s.planned, s.actual]
		}))
	});

	if (p.ideas !== null) {
		section(say(t.meetings_pdf_ideas));
		if (p.ideas.length === 0) none(say(t.meetings_pdf_no_ideas));
		else
			blocks.push({
				kind: 'grid',
				columns: [
					{ title: say(t.meetings_pdf_idea), width: 0.6 },
					{ title: say(t.meetings_pdf_idea_outcome), width: 0.4 }
				],
				rows: p.ideas.map((i) => ({ cells: [text(i.text), line(i.outcome) || EMPTY_VALUE] }))
			});
	}

	section(say(t.meetings_pdf_votes));
	if (p.votes.length === 0) none(say(t.meetings_pdf_no_votes));
	for (const v of p.votes) {
		blocks.push({ kind: 'spacer', height: 2 });
		blocks.push({
			kind: 'label',
			text: (v.voters === 1 ? t.meetings_pdf_vote_head_one : t.meetings_pdf_vote_head)(
				{ title: line(v.title) || UNTITLED, status: v.status, voters: v.voters },
				o
			)
		});
		if (v.results.length === 0) none(say(t.meetings_pdf_vote_hidden));
		else
			blocks.push({
				kind: 'grid',
				columns: [
					{ title: say(t.meetings_pdf_rank), width: 0.08 },
					{ title: say(t.meetings_pdf_target), width: 0.56 },
					{ title: say(t.meetings_pdf_points), width: 0.12, align: 'right' },
					{ title: say(t.meetings_pdf_split), width: 0.24 }
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
				text: t.meetings_pdf_priorities({ list: v.priorities.map(line).join('; ') }, o)
			});
	}

	section(say(t.meetings_pdf_decisions));
	if (p.decisions.length === 0) none(say(t.meetings_pdf_no_decisions));
	else blocks.push(entryGrid(p.decisions, false, line, text, say));

	section(say(t.meetings_pdf_tasks));
	if (p.tasks.length === 0) none(say(t.meetings_pdf_no_tasks));
	else blocks.push(entryGrid(p.tasks, true, line, text, say));

	section(say(t.meetings_pdf_questions));
	if (p.questions.length === 0) none(say(t.meetings_pdf_no_questions));
	else blocks.push(entryGrid(p.questions, false, line, text, say));

	section(say(t.meetings_pdf_changes));
	if (p.changes.length === 0) none(say(t.meetings_pdf_no_changes));
	else
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: say(t.meetings_pdf_time), width: 0.1 },
				{ title: say(t.meetings_pdf_who), width: 0.22 },
				{ title: say(t.meetings_pdf_element), width: 0.38 },
				{ title: say(t.meetings_pdf_change), width: 0.3 }
			],
			rows: p.changes.map((c) => ({
				cells: [c.time, line(c.who), line(c.item), line(c.what)]
			}))
		});

	section(say(t.meetings_pdf_comments));
	if (p.phase === 'entwurf') none(say(t.meetings_pdf_comments_later));
	else if (p.comments.length === 0) none(say(t.meetings_pdf_no_comments));
	else
		blocks.push({
			kind: 'grid',
			columns: [
				{ title: say(t.meetings_pdf_from), width: 0.25 },
				{ title: say(t.meetings_pdf_comment), width: 0.75 }
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
	const o = { locale: p.locale ?? 'de' };
	const typeLabel = protocolTypeLabel(o.locale);
	return {
		title,
		typeLabel,
		municipality: [planTitle, municipality].filter(Boolean).join(' · '),
		statusLabel: p.phaseLabel,
		dateLabel: p.dateLabel,
		versionLabel: '',
		fundingNotice: '',
		draft: p.phase !== 'endgueltig',
		orientation: 'portrait',
		tocDepth: 1,
		blocks: protocolBlocks(p, line, text),
		locale: o.locale,
		metadata: {
			title: `${title} – ${typeLabel}`,
			subject: [typeLabel, planTitle].join(', '),
			author: municipality || 'Mitplan',
			keywords: t.meetings_pdf_keywords({}, o)
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
	const bytes = renderPdf(pdf, metrics, {
		doc,
		metadata: laid.metadata,
		locale: laid.locale
	});
	return {
		bytes,
		pageCount: doc.pages.length,
		fileName: pdfFileName(
			`${p.title} ${p.dateLabel.replace(/^\p{L}+,? /u, '')}`,
			t.meetings_pdf_file({}, { locale: p.locale ?? 'de' })
		)
	};
}
