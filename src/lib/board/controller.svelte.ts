/**
 * UI-level actions of the board on top of a PlanClient: create, delete with undo, moves (mouse
 * and keyboard) with screen-reader announcements, the open detail panel and focus management.
 * Shared with all board components through context (getBoard()).
 */
import { getContext, setContext, tick } from 'svelte';
import { createItem, deleteItem, moveItem, type ItemType, type Result } from '$lib/domain';
import { LOCAL_ORIGIN, type PlanClient } from '$lib/sync/client.svelte';
import { announcer } from '$lib/components/announcer.svelte';
import { toasts } from '$lib/components/toasts.svelte';
import { m } from '$lib/i18n';
import { buildIndex, displayTitle, type IndexEntry } from './plan-index';
import { typeLabel } from './labels';

const KEY = Symbol('mitplan.board');

const CHILD_TYPE: Partial<Record<ItemType, ItemType>> = { field: 'goal', goal: 'measure' };

/** "Maßnahme „Familienzentrum“" */
export function itemName(entry: Pick<IndexEntry, 'type' | 'item'>): string {
	return m.board_item_name({ type: typeLabel(entry.type), title: displayTitle(entry.item) });
}

export class BoardController {
	readonly client: PlanClient;
	index = $derived.by(() => buildIndex(this.client.plan));
	/** Item whose detail panel is open. */
	detailId = $state<string | null>(null);
	/** The new item whose title is being asked for (see create()), or null. */
	creating = $state<{ type: ItemType; parentId: string | null; afterId?: string } | null>(null);
	/** Item for which the "Verschieben nach …" dialog is open. */
	moveId = $state<string | null>(null);
	/** Goals whose measure list shows all measures (instead of the first ones). */
	expanded = $state<Record<string, boolean>>({});
	/** Goals whose measure list is collapsed. */
	collapsed = $state<Record<string, boolean>>({});
	/**
	 * Reviewer and viewer roles: nothing can be added, moved, deleted or typed (the server would
	 * drop such changes anyway). Set by the board from the plan role.
	 */
	readOnly = $state(false);
	/**
	 * A read-only member named translator (issue 15): the translations of these languages stay
	 * editable in the detail panel (the sync server lets nothing else through).
	 */
	translates = $state<string[]>([]);
	/**
	 * A running session locked the structure for this person (src/lib/meetings/board-lock):
	 * texts stay editable, but adding, moving and deleting would be refused by the sync server
	 * (close 4422), so the board does not offer it.
	 */
	structureLocked = $state(false);

	/** Nothing may be added, moved or deleted (read-only role or a session's structure lock). */
	get structureFrozen(): boolean {
		return this.readOnly || this.structureLocked;
	}

	constructor(client: PlanClient) {
		this.client = client;
	}

	entry(id: string | null): IndexEntry | null {
		return id ? (this.index.get(id) ?? null) : null;
	}

	#report<T>(result: Result<T>): result is { ok: true; value: T } {
		if (!result.ok) {
			toasts.error(result.error.message);
			announcer.say(result.error.message, 'assertive');
		}
		return result.ok;
	}

	/**
	 * Ask for the title of a new item (NewItemDialog). Nothing is written to the plan until
	 * confirmCreate(): an item exists only once it has a title.
	 */
	create(type: ItemType, parentId: string | null = null, afterId?: string) {
		if (this.structureFrozen) return;
		this.creating = { type, parentId, afterId };
	}

	/** The new-item dialog was closed without creating (Escape, ×, Abbrechen). */
	cancelCreate() {
		this.creating = null;
	}

	/**
	 * Create the requested item with `title` at the end of its list (or after `afterId`) and
	 * open its detail panel. Returns an error message, or null when it was created.
	 */
	confirmCreate(title: string): string | null {
		const request = this.creating;
		if (!request || this.structureFrozen) return null;
		const { type, parentId, afterId } = request;
		const result = this.client.step(() =>
			createItem(this.client.doc, { type, parentId, afterId, values: { title } }, LOCAL_ORIGIN)
		);
		if (!result.ok) return result.error.message;
		this.creating = null;
		this.client.flush();
		this.detailId = result.value;
		announcer.say(m.board_created({ type: typeLabel(type), title }));
		return null;
	}

	open(id: string) {
		this.detailId = id;
	}

	/** Delete an item (with its children) and offer to undo it. */
	remove(id: string) {
		if (this.structureFrozen) return;
		this.client.flush(); // decide on the current plan, not the last rendered frame
		const entry = this.entry(id);
		if (!entry) return;
		const name = itemName(entry);
		const childType = CHILD_TYPE[entry.type];
		const item = entry.item;
		const children =
			item.type === 'field' ? item.goals.length : item.type === 'goal' ? item.measures.length : 0;
		// where the focus goes afterwards: the next sibling, else the previous, else the parent
		const fallback =
			entry.siblings[entry.position + 1] ?? entry.siblings[entry.position - 1] ?? entry.parentId;
		if (this.detailId === id) this.detailId = null;
		const result = this.client.step(() => deleteItem(this.client.doc, id, LOCAL_ORIGIN));
		if (!this.#report(result)) return;
		const stackItem = this.client.undoManager.undoStack.at(-1);
		const withChildren =
			childType === 'goal'
				? m.board_with_goals({ count: children })
				: m.board_with_measures({ count: children });
		const message =
			children && childType
				? m.board_deleted_with({ name, children: withChildren })
				: m.board_deleted({ name });
		toasts.show(message, {
			action: {
				label: m.board_undo(),
				run: () => {
					const um = this.client.undoManager;
					if (um.undoStack.at(-1) === stackItem) {
						um.undo();
						this.client.flush();
						announcer.say(m.board_restored({ name }));
						void this.focusItem(id, true);
					} else {
						toasts.show(m.board_undo_delete_gone());
					}
				}
			}
		});
		announcer.say(m.board_deleted_announce({ message }));
		this.client.flush();
		if (fallback) void this.focusItem(fallback);
	}

	/**
	 * Keyboard move on a card's title button: Alt+↑/↓ (and Alt+←/→ for the horizontal field
	 * columns) moves the item among its siblings.
	 */
	moveKeydown(event: KeyboardEvent, id: string, horizontal = false) {
		if (!event.altKey || this.structureFrozen) return;
		const back = event.key === 'ArrowUp' || (horizontal && event.key === 'ArrowLeft');
		const forward = event.key === 'ArrowDown' || (horizontal && event.key === 'ArrowRight');
		if (!back && !forward) return;
		event.preventDefault();
		this.moveBy(id, back ? -1 : 1);
	}

	/** Move within the siblings by `delta` (−1 up, +1 down). */
	moveBy(id: string, delta: number) {
		this.client.flush();
		const entry = this.entry(id);
		if (!entry) return;
		const target = entry.position + delta;
		if (target < 0 || target >= entry.siblings.length) {
			announcer.say(
				delta < 0
					? m.board_already_top({ name: itemName(entry) })
					: m.board_already_bottom({ name: itemName(entry) })
			);
			return;
		}
		this.moveTo(id, entry.parentId, target);
	}

	/** Move to position `index` (among the other siblings) under `parentId`. */
	moveTo(id: string, parentId: string | null, index: number) {
		if (this.structureFrozen) return;
		const entry = this.entry(id);
		if (!entry) return;
		const result = this.client.step(() =>
			moveItem(this.client.doc, id, { parentId, index }, LOCAL_ORIGIN)
		);
		if (!this.#report(result)) return;
		this.client.flush();
		const moved = this.entry(id);
		if (moved) {
			const parent = this.entry(moved.parentId);
			const where = {
				name: itemName(moved),
				position: moved.position + 1,
				count: moved.siblings.length
			};
			announcer.say(
				parent ? m.board_moved_into({ ...where, parent: itemName(parent) }) : m.board_moved(where)
			);
		}
		void this.focusItem(id, true);
	}

	/** Drop `draggedId` before/after `targetId`, or at the end of `parentId`'s list. */
	drop(draggedId: string, parentId: string | null, targetId: string | null, after: boolean) {
		this.client.flush();
		const dragged = this.entry(draggedId);
		if (!dragged) return;
		let index: number;
		if (targetId === null) {
			const parent = this.entry(parentId);
			const list = parent ? this.childIds(parentId!, dragged.type) : dragged.siblings;
			index = list.filter((s) => s !== draggedId).length;
		} else {
			const target = this.entry(targetId);
			if (!target) return;
			const others = target.siblings.filter((s) => s !== draggedId);
			index = others.indexOf(targetId) + (after ? 1 : 0);
		}
		this.moveTo(draggedId, parentId, index);
	}

	childIds(parentId: string, type: ItemType): string[] {
		const parent = this.entry(parentId);
		if (!parent) return [];
		const item = parent.item;
		if (type === 'goal' && item.type === 'field') return item.goals.map((g) => g.id);
		if (type === 'measure' && item.type === 'goal') return item.measures.map((m) => m.id);
		return [];
	}

	/**
	 * While a session locks the structure, undo and redo still work for texts and values; a step
	 * that would add, delete or move items is refused with a message (the server would refuse it).
	 */
	private lockedStep(structural: boolean): boolean {
		if (!this.structureLocked || !structural) return false;
		announcer.say(m.board_structure_locked_step(), 'assertive');
		return true;
	}

	undo() {
		if (this.readOnly || this.lockedStep(this.client.undoStructural)) return;
		if (this.client.undo()) {
			this.client.flush();
			announcer.say(m.board_undone());
		} else announcer.say(m.board_nothing_to_undo());
	}

	redo() {
		if (this.readOnly || this.lockedStep(this.client.redoStructural)) return;
		if (this.client.redo()) {
			this.client.flush();
			announcer.say(m.board_redone());
		} else announcer.say(m.board_nothing_to_redo());
	}

	/**
	 * Focus the main button of an item's card after the board re-rendered; with `flash`, also
	 * highlight the card for a moment (focus rings are not shown after mouse clicks).
	 */
	async focusItem(id: string, flash = false) {
		const el = await this.revealItem(id);
		el?.focus();
		el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
		const card = el?.closest<HTMLElement>('[data-item-id]');
		if (flash && card) flashCard(card);
	}

	/**
	 * After the board re-rendered: shows an item's card (a measure behind "weitere anzeigen" or in
	 * a collapsed goal too) and returns its main button, without moving the focus.
	 */
	async revealItem(id: string): Promise<HTMLElement | null> {
		await tick();
		const goal = this.entry(id);
		// a measure hidden behind "weitere anzeigen" / a collapsed goal: show it first
		if (goal?.type === 'measure' && goal.parentId) {
			if (this.collapsed[goal.parentId]) this.collapsed[goal.parentId] = false;
			if (goal.position >= MEASURE_PREVIEW) this.expanded[goal.parentId] = true;
			await tick();
		}
		return document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"] .card-open`);
	}
}

/** Highlights a card for a moment (restarts when called again right away). */
export function flashCard(card: HTMLElement) {
	card.classList.remove('card-flash');
	void card.offsetWidth; // restart the animation when moved again right away
	card.classList.add('card-flash');
	card.addEventListener('animationend', () => card.classList.remove('card-flash'), {
		once: true
	});
}

/** Measures shown per goal before "Alle anzeigen". */
export const MEASURE_PREVIEW = 12;

export function setBoard(controller: BoardController) {
	setContext(KEY, controller);
}

export function getBoard(): BoardController {
	return getContext<BoardController>(KEY);
}
