/**
 * Write scopes and shape rules for document updates from clients (issue 12, items 2 and 13).
 * An update is checked *before* it is applied, by decoding it and locating every new struct and
 * every deletion in the plan's layout (docs/data-model.md): nothing refused ever reaches the
 * Y.Doc, the store or other peers. No scratch copy of the document is made, so the cost is
 * proportional to the update, not to the plan (lookups of existing structs are binary searches).
 *
 * - scope 'items' (editors, guests with edit rights): items, their texts and links; no `meta`.
 * - scope 'all' (owner): also `meta` (title, status, funding notice, schema version …).
 * - structure lock (a session, issue 13): no new, deleted or moved items; texts and values pass.
 * - translators (members below editor with a translator assignment, issue 15): only the entries
 *   of an item's `tr` map for their languages (`<lang>.<field>` texts and `<lang>.<field>@src`).
 * - everyone: only the roots `meta` and `items`, only the fields of each item type (schema.ts),
 *   translations only in an item's `tr` map, for known languages and the type's text fields
 *   (at most MAX_TRANSLATION_LENGTH, no bidi controls in titles; translations.ts),
 *   values as the schema allows, plain text (no embeds/formats) of at most MAX_TEXT_LENGTH.
 * An update that needs structs the server has not seen yet is reported as `missing`; the room
 * holds it until the rest arrives (a client's edit can overtake its own offline changes).
 * This file walks the update (where each struct goes, who may write there); the value rules
 * themselves live in doc-values.ts.
 */
import * as Y from 'yjs';
import { isValidPlanId } from '../../src/lib/domain/ids';
import { STRUCTURE_KEYS } from '../../src/lib/sync/structure-steps';
import { MAX_TEXT_LENGTH, isItemType } from '../../src/lib/domain/schema';
import type { ItemType } from '../../src/lib/domain/types';
import {
	MAX_TRANSLATION_LENGTH,
	TR_KEY,
	hasBidiControls,
	parseTranslationKey
} from '../../src/lib/domain/translations';
import {
	ADOPTION_ONLY,
	Refusal,
	checkItemEntry,
	checkTranslationEntry,
	metaValueOk,
	plainValue,
	shape,
	type Verdict
} from './doc-values';

export type WriteScope = 'items' | 'all';

export { UpdateRefused, type Verdict } from './doc-values';

type Target =
	| { kind: 'root'; name: string }
	| { kind: 'item'; id: string }
	| {
			kind: 'text';
			key: string;
			type: Y.Text | null;
			id: string;
			field: string;
			/** Set for translations (item `tr` map): shorter cap, no bidi controls in titles. */
			lang?: string;
	  }
	| { kind: 'trmap'; id: string }
	| { kind: 'links'; id: string; type: Y.Map<unknown> | null }
	| { kind: 'gc' }
	| { kind: 'invalid' };

interface Located {
	target: Target;
	sub: string | null;
}

class Missing extends Error {}

/** Item entries that make the plan's structure: where an item hangs and in which order. */

const structureRefusal = () =>
	new Refusal(
		'scope',
		'Die Planstruktur ist während der Sitzung gesperrt: Texte dürfen Sie ändern, Elemente aber nicht anlegen, löschen oder verschieben.'
	);

const translatorRefusal = () =>
	new Refusal('scope', 'Sie dürfen nur die Übersetzungen in Ihren Sprachen ändern');

/** Container targets of integrated structs never change: cached across updates. */
const containerCache = new WeakMap<Y.Item, Target>();

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

class Checker {
	private readonly byClient = new Map<number, Struct[]>();
	private readonly located = new Map<Struct, Located>();
	private readonly items: Y.Map<unknown>;
	/** Item types set by this update (new items). */
	private readonly newTypes = new Map<string, ItemType>();
	private readonly textGrowth = new Map<
		string,
		{ type: Y.Text | null; growth: number; max: number }
	>();
	private readonly newKeys = new Set<string>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly decoded: { structs: Struct[]; ds: DeleteSet },
		private readonly scope: WriteScope,
		private readonly maxTextLength: number,
		/** A session locked the structure: no new, deleted or moved items (texts still allowed). */
		private readonly structureLocked = false,
		/** A translator: only `tr` entries of these languages (null: no such restriction). */
		private readonly translateOnly: ReadonlySet<string> | null = null
	) {
		this.items = doc.getMap('items');
		for (const s of decoded.structs) {
			const list = this.byClient.get(s.id.client);
			if (list) list.push(s);
			else this.byClient.set(s.id.client, [s]);
		}
	}

	/** The struct holding `id`: integrated in the doc, or part of this update. */
	private find(id: Y.ID): Y.Item | Y.GC {
		if (id.clock < Y.getState(this.doc.store, id.client)) return Y.getItem(this.doc.store, id);
		const list = this.byClient.get(id.client);
		if (list) {
			let lo = 0;
			let hi = list.length - 1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				const s = list[mid];
				if (id.clock < s.id.clock) hi = mid - 1;
				else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
				else if (s instanceof Y.Skip) break;
				else return s;
			}
		}
		throw new Missing();
	}

	/** Where the struct `item` lives: its parent type's target and its map key. */
	private locate(item: Y.Item): Located {
		const chain: Y.Item[] = [];
		let current: Y.Item = item;
		let found: Located | undefined;
		for (;;) {
			const known = this.located.get(current);
			if (known) {
				found = known;
				break;
			}
			const parent = current.parent as unknown;
			if (parent instanceof Y.AbstractType) {
				const type = parent as Y.AbstractType<unknown>;
				const target: Target =
					type._item === null
						? { kind: 'root', name: Y.findRootTypeKey(type) }
						: this.container(type._item);
				found = { target, sub: current.parentSub };
				break;
			}
			if (typeof parent === 'string') {
				found = { target: { kind: 'root', name: parent }, sub: current.parentSub };
				break;
			}
			if (parent instanceof Y.ID) {
				const holder = this.find(parent);
				const target: Target = holder instanceof Y.Item ? this.container(holder) : { kind: 'gc' };
				found = { target, sub: current.parentSub };
				break;
			}
			// No parent info: the same parent (and key) as its left or right neighbour.
			chain.push(current);
			const neighbour = current.origin ?? current.rightOrigin;
			if (!neighbour) throw shape('Änderung ohne Ort im Dokument');
			const next = this.find(neighbour);
			if (!(next instanceof Y.Item)) {
				found = { target: { kind: 'gc' }, sub: null };
				break;
			}
			current = next;
		}
		this.located.set(current, found);
		for (const c of chain) this.located.set(c, found);
		return found;
	}

	/** What the nested type held by `holder` is in the plan layout. */
	private container(holder: Y.Item): Target {
		const cached = containerCache.get(holder);
		if (cached) return cached;
		const integrated = holder.parent instanceof Y.AbstractType;
		const content = holder.content;
		let target: Target = { kind: 'invalid' };
		if (content instanceof Y.ContentType) {
			const type = content.type;
			const { target: parent, sub } = this.locate(holder);
			if (parent.kind === 'gc') target = parent;
			else if (parent.kind === 'root' && parent.name === 'items' && sub !== null) {
				if (type instanceof Y.Map) target = { kind: 'item', id: sub };
			} else if (parent.kind === 'item' && sub !== null) {
				if (type instanceof Y.Text) {
					target = {
						kind: 'text',
						key: `${holder.id.client}:${holder.id.clock}`,
						type: integrated ? type : null,
						id: parent.id,
						field: sub
					};
				} else if (type instanceof Y.Map && sub === 'principleIds') {
					target = { kind: 'links', id: parent.id, type: integrated ? type : null };
				} else if (type instanceof Y.Map && sub === TR_KEY) {
					target = { kind: 'trmap', id: parent.id };
				}
			} else if (parent.kind === 'trmap' && sub !== null && type instanceof Y.Text) {
				const parsed = parseTranslationKey(sub);
				if (parsed && !parsed.src) {
					target = {
						kind: 'text',
						key: `${holder.id.client}:${holder.id.clock}`,
						type: integrated ? type : null,
						id: parent.id,
						field: parsed.field,
						lang: parsed.lang
					};
				}
			}
		}
		if (integrated) containerCache.set(holder, target);
		return target;
	}

	private typeOf(id: string): ItemType | undefined {
		const set = this.newTypes.get(id);
		if (set) return set;
		const m = this.items.get(id);
		const type = m instanceof Y.Map ? m.get('type') : undefined;
		return isItemType(type) ? type : undefined;
	}

	/** The `type` an item already has in the document (undefined for a new item). */
	private existingType(id: string): unknown {
		const existing = this.items.get(id);
		return existing instanceof Y.Map ? existing.get('type') : undefined;
	}

	private isNew(s: Struct): boolean {
		return s.id.clock + s.length > Y.getState(this.doc.store, s.id.client);
	}

	run(): { deletionOnly: boolean; newEntries: number } {
		const fresh: Y.Item[] = [];
		const expected = new Map<number, number>();
		for (const s of this.decoded.structs) {
			const client = s.id.client;
			const next = expected.get(client) ?? Y.getState(this.doc.store, client);
			if (s instanceof Y.Skip || s.id.clock > next) throw new Missing(); // a gap
			expected.set(client, Math.max(next, s.id.clock + s.length));
			if (!this.isNew(s) || s instanceof Y.GC) continue;
			fresh.push(s);
		}
		// First pass: where everything goes, and the types of new items.
		for (const s of fresh) {
			const { target, sub } = this.locate(s);
			if (target.kind === 'item' && sub === 'type' && s.content instanceof Y.ContentAny) {
				const value = s.content.arr[0];
				if (isItemType(value)) this.newTypes.set(target.id, value);
			}
		}
		for (const s of fresh) this.checkInsert(s);
		this.checkDeletions(expected);
		for (const { type, growth, max } of this.textGrowth.values()) {
			if (growth > 0 && (type?.length ?? 0) + growth > max) {
				throw new Refusal(
					'too_large',
					`Text zu lang (höchstens ${max.toLocaleString('de-DE')} Zeichen)`
				);
			}
		}
		return { deletionOnly: fresh.length === 0, newEntries: this.newKeys.size };
	}

	/** Translators may only touch `tr` entries (and their texts) of their languages. */
	private translatorMay(target: Target, sub: string | null): boolean {
		const langs = this.translateOnly;
		if (!langs) return true;
		if (target.kind === 'gc') return true;
		if (target.kind === 'text') return target.lang !== undefined && langs.has(target.lang);
		if (target.kind === 'trmap' && sub !== null) {
			const parsed = parseTranslationKey(sub);
			return parsed !== null && langs.has(parsed.lang);
		}
		return false;
	}

	private checkInsert(s: Y.Item): void {
		const { target, sub } = this.locate(s);
		if (!this.translatorMay(target, sub)) throw translatorRefusal();
		const deleted = s.content instanceof Y.ContentDeleted || Y.isDeleted(this.decoded.ds, s.id);
		switch (target.kind) {
			case 'gc':
				return;
			case 'invalid':
				throw shape('Unbekannte Stelle im Dokument');
			case 'root':
				if (target.name === 'meta') {
					if (this.scope !== 'all') {
						throw new Refusal('scope', 'Planeinstellungen darf nur die Prozesssteuerung ändern');
					}
					if (sub === null) throw shape('Ungültige Plandaten');
					if (s.content instanceof Y.ContentDeleted) return;
					const value = plainValue(s, sub);
					if (!metaValueOk(sub, value)) throw shape(`Ungültiger Wert für „${sub}“`);
					if (sub === 'status' && value === 'beschlossen' && !deleted) {
						throw new Refusal('scope', ADOPTION_ONLY);
					}
					return;
				}
				if (target.name === 'items') {
					if (this.structureLocked) throw structureRefusal();
					if (sub === null || !isValidPlanId(sub)) throw shape('Ungültige Element-ID');
					if (s.content instanceof Y.ContentDeleted) return;
					if (!(s.content instanceof Y.ContentType) || !(s.content.type instanceof Y.Map)) {
						throw shape('Ein Element muss eine Y.Map sein');
					}
					if (!deleted && !this.items.has(sub)) this.newKeys.add(`items/${sub}`);
					return;
				}
				throw shape(`Unbekannter Bereich „${target.name.slice(0, 40)}“`);
			case 'item':
				if (this.structureLocked && sub !== null && STRUCTURE_KEYS.has(sub)) {
					throw structureRefusal();
				}
				return checkItemEntry(s, this.typeOf(target.id), sub, this.existingType(target.id));
			case 'text': {
				if (sub !== null) throw shape('Texte haben keine Attribute');
				if (s.content instanceof Y.ContentDeleted) return;
				if (!(s.content instanceof Y.ContentString)) throw shape('Nur reiner Text ist erlaubt');
				if (deleted) return;
				if (target.lang && target.field === 'title' && hasBidiControls(s.content.str)) {
					throw shape('Steuerzeichen für die Schreibrichtung sind in Titeln nicht erlaubt');
				}
				const entry = this.textGrowth.get(target.key) ?? this.growthEntry(target);
				entry.growth += s.length;
				this.textGrowth.set(target.key, entry);
				return;
			}
			case 'trmap':
				return checkTranslationEntry(s, this.typeOf(target.id), sub);
			case 'links':
				if (sub === null || !isValidPlanId(sub)) throw shape('Ungültige Verknüpfung');
				if (s.content instanceof Y.ContentDeleted) return;
				if (plainValue(s, 'principleIds') !== true) throw shape('Ungültige Verknüpfung');
				if (!deleted && !target.type?.has(sub)) this.newKeys.add(`links/${target.id}/${sub}`);
				return;
		}
	}

	private growthEntry(target: { type: Y.Text | null; lang?: string }) {
		const max = target.lang
			? Math.min(this.maxTextLength, MAX_TRANSLATION_LENGTH)
			: this.maxTextLength;
		return { type: target.type, growth: 0, max };
	}

	/** Deletions of integrated structs: `meta` only for the owner; text removals count. */
	private checkDeletions(expected: Map<number, number>): void {
		for (const [client, ranges] of this.decoded.ds.clients) {
			const state = Y.getState(this.doc.store, client);
			const structs = this.doc.store.clients.get(client);
			for (const { clock, len } of ranges) {
				const end = clock + len;
				if (end > Math.max(state, expected.get(client) ?? 0)) throw new Missing();
				if (!structs || clock >= state) continue;
				let i = Y.findIndexSS(structs, clock);
				for (; i < structs.length && structs[i].id.clock < end; i++) {
					const s = structs[i];
					if (!(s instanceof Y.Item) || s.deleted) continue;
					const { target, sub } = this.locate(s);
					if (!this.translatorMay(target, sub)) throw translatorRefusal();
					if (target.kind === 'root' && target.name === 'meta' && this.scope !== 'all') {
						throw new Refusal('scope', 'Planeinstellungen darf nur die Prozesssteuerung ändern');
					}
					if (this.structureLocked && target.kind === 'root' && target.name === 'items') {
						throw structureRefusal();
					}
					if (target.kind === 'text' && s.countable) {
						const from = Math.max(clock, s.id.clock);
						const to = Math.min(end, s.id.clock + s.length);
						const entry = this.textGrowth.get(target.key) ?? this.growthEntry(target);
						entry.growth -= to - from;
						this.textGrowth.set(target.key, entry);
					}
				}
			}
		}
	}
}

/**
 * Checks a client's update against the writer's scope and the plan layout. `decoded` may be
 * passed when the caller already decoded the update (the protocol parser does).
 */
export function checkUpdate(
	doc: Y.Doc,
	update: Uint8Array,
	scope: WriteScope,
	options: {
		maxTextLength?: number;
		decoded?: ReturnType<typeof Y.decodeUpdate>;
		/** A session locked the plan's structure for this writer (server/meetings). */
		structureLocked?: boolean;
		/**
		 * The writer is a translator (not an editor): only `tr` entries of these languages.
		 * Ignored for scope 'all'.
		 */
		translateOnly?: readonly string[];
	} = {}
): Verdict {
	const decoded = options.decoded ?? Y.decodeUpdate(update);
	try {
		const checker = new Checker(
			doc,
			decoded as { structs: Struct[]; ds: DeleteSet },
			scope,
			options.maxTextLength ?? MAX_TEXT_LENGTH,
			options.structureLocked ?? false,
			options.translateOnly && scope !== 'all' ? new Set(options.translateOnly) : null
		);
		return { ok: true, ...checker.run() };
	} catch (error) {
		if (error instanceof Missing) return { ok: false, kind: 'missing' };
		if (error instanceof Refusal) return { ok: false, kind: error.kind, reason: error.message };
		throw error;
	}
}
