/**
 * Test data for the Sitzungsprotokoll (model and PDF tests): one ended session with agenda runs,
 * attendance, a written-back vote, history entries inside and outside the session, entries.
 */
import type { Meeting, MeetingLive } from '../contract/meetings';
import type { MinutesRecord } from '../contract/minutes';
import type { VoteView } from '../contract/votes';
import type { HistoryEntry } from '../versions/types';
import type { ProtocolInput } from './minutes-model';
import { emptyLive } from './model';

const T0 = Date.parse('2027-03-12T17:00:00.000Z'); // 18:00 in Berlin
export const AT = (min: number) => T0 + min * 60_000;
const iso = (min: number) => new Date(AT(min)).toISOString();

export function protocolInput(over: Partial<ProtocolInput> = {}): ProtocolInput {
	const meeting: Meeting = {
		id: 'sitzung-abcdef',
		planId: 'plan-1',
		title: 'AG Bildung',
		date: '2027-03-12',
		time: '18:00',
		room: 'Rathaus, Saal 2',
		videoLink: '',
		fieldId: null,
		agenda: [
			{ id: 's1', title: 'Begrüßung', minutes: 10 },
			{ id: 's2', title: 'Priorisierung', minutes: 30 },
			{ id: 's3', title: 'Verschiedenes', minutes: 5 }
		],
		facilitatorId: 'u-mod',
		facilitatorName: 'Mona Moderation',
		status: 'beendet',
		createdAt: iso(-1000),
		createdBy: 'u-owner',
		startedAt: iso(0),
		endedAt: iso(50)
	};
	const live: MeetingLive = {
		...emptyLive(),
		status: 'beendet',
		stepIndex: 1,
		steps: [
			{ stepId: 's1', title: 'Begrüßung', startedAt: AT(0), endedAt: AT(12) },
			{ stepId: 's2', title: 'Priorisierung', startedAt: AT(12), endedAt: AT(50) }
		]
	};
	const record: MinutesRecord = {
		entries: [
			{
				id: 'e1',
				kind: 'decision',
				text: 'Das Sprachcafé startet im Mai.',
				itemId: 'm1',
				assigneeId: null,
				assigneeName: '',
				dueDate: '',
				createdAt: iso(20),
				createdBy: { id: 'u-mod', name: 'Mona Moderation' },
				updatedAt: iso(20)
			},
			{
				id: 'e2',
				kind: 'task',
				text: 'Räume anfragen',
				itemId: null,
				assigneeId: 'u-emil',
				assigneeName: 'Emil Editor',
				dueDate: '2027-04-01',
				createdAt: iso(30),
				createdBy: { id: 'u-mod', name: 'Mona Moderation' },
				updatedAt: iso(30)
			},
			{
				id: 'e3',
				kind: 'question',
				text: 'Wer finanziert die Kinderbetreuung?',
				itemId: 'gone',
				assigneeId: null,
				assigneeName: '',
				dueDate: '',
				createdAt: iso(40),
				createdBy: { id: 'u-mod', name: 'Mona Moderation' },
				updatedAt: iso(40)
			}
		],
		noteTakerIds: [],
		commentDays: 7,
		comments: [
			{
				id: 'k1',
				text: 'Bitte Ort ergänzen.',
				by: { id: 'u-vera', name: 'Vera Viewer' },
				at: iso(60)
			}
		],
		delivered: {}
	};
	const vote: VoteView = {
		id: 'v1',
		planId: 'plan-1',
		sessionId: meeting.id,
		title: 'Prioritäten Bildung',
		targets: [
			{ itemId: 'm1', type: 'measure', title: 'Sprachcafé', fieldTitle: 'Bildung' },
			{ itemId: 'm2', type: 'measure', title: 'Lernpaten', fieldTitle: 'Bildung' }
		],
		dotsPerPerson: 3,
		maxPerItem: 3,
		hideResults: false,
		viewersMayVote: true,
		endsAt: null,
		status: 'closed',
		createdAt: iso(15),
		createdBy: { id: 'u-mod', name: 'Mona Moderation', kind: 'user' },
		closedAt: iso(25),
		closedBy: { id: 'u-mod', name: 'Mona Moderation', kind: 'user' },
		voterCount: 4,
		dotsOnline: 9,
		dotsRoom: 3,
		results: [
			{
				itemId: 'm1',
				type: 'measure',
				title: 'Sprachcafé',
				fieldTitle: 'Bildung',
				online: 6,
				room: 3,
				total: 9,
				voters: 3,
				rank: 1
			},
			{
				itemId: 'm2',
				type: 'measure',
				title: 'Lernpaten',
				fieldTitle: 'Bildung',
				online: 3,
				room: 0,
				total: 3,
				voters: 2,
				rank: 2
			}
		],
		handCountLog: [],
		applications: [
			{
				at: iso(26),
				by: { id: 'u-mod', name: 'Mona Moderation', kind: 'user' },
				priorities: { m1: 'hoch' },
				skipped: []
			}
		],
		serverNow: iso(60)
	};
	const history: HistoryEntry[] = [
		{
			id: 'h-before',
			at: iso(-30),
			since: iso(-30),
			actor: { id: 'u-emil', name: 'Emil Editor', kind: 'user' },
			itemId: 'm2',
			itemType: 'measure',
			action: 'changed',
			fields: ['title'],
			note: undefined
		},
		{
			id: 'h-in',
			at: iso(26),
			since: iso(26),
			actor: { id: 'u-mod', name: 'Mona Moderation', kind: 'user' },
			itemId: 'm1',
			itemType: 'measure',
			action: 'changed',
			fields: ['priority'],
			note: 'aus der Abstimmung „Prioritäten Bildung“'
		}
	];
	return {
		meeting,
		live,
		attendance: {
			online: [
				{ principalId: 'u-vera', name: 'Vera Viewer', kind: 'user', from: AT(1), to: AT(20) },
				{ principalId: 'u-vera', name: 'Vera Viewer', kind: 'user', from: AT(22), to: null },
				{ principalId: 'g-1', name: 'Gül Gast', kind: 'guest', from: AT(5), to: AT(40) }
			],
			inRoom: [{ id: 'p1', name: 'Paul Papier', organisation: 'Elternbeirat' }],
			headCount: 3
		},
		record,
		planTitle: 'Integrationskonzept Musterstadt',
		municipality: 'Musterstadt',
		items: new Map([
			['m1', { type: 'measure', title: 'Sprachcafé' }],
			['m2', { type: 'measure', title: 'Lernpaten' }]
		]),
		votes: [vote],
		history,
		ideas: null,
		noteTakerNames: ['Emil Editor'],
		now: AT(60),
		timeZone: 'Europe/Berlin',
		...over
	};
}
