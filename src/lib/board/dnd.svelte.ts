/**
 * HTML drag and drop for board items. `draggableItem` marks a card as draggable; `dropTarget`
 * accepts one item type and reports whether the drop landed before or after the target (or into
 * a list). The keyboard alternative lives in the card menus and Alt+Arrow shortcuts.
 */
import type { ItemType } from '$lib/domain';

class DragState {
	current = $state<{ id: string; type: ItemType } | null>(null);
}

export const drag = new DragState();

const MIME = 'application/x-mitplan-item';

/** `disabled`: read-only roles cannot move anything. */
type DraggableParams = { id: string; type: ItemType; disabled?: boolean };

export function draggableItem(node: HTMLElement, params: DraggableParams) {
	let p = params;
	node.draggable = !p.disabled;
	const start = (event: DragEvent) => {
		if (p.disabled) {
			event.preventDefault();
			return;
		}
		// inner controls keep their own behaviour (text selection in buttons etc.)
		if (!event.dataTransfer) return;
		event.stopPropagation();
		event.dataTransfer.effectAllowed = 'move';
		event.dataTransfer.setData(MIME, p.id);
		event.dataTransfer.setData('text/plain', p.id);
		drag.current = { id: p.id, type: p.type };
		requestAnimationFrame(() => node.classList.add('is-dragging'));
	};
	const end = () => {
		drag.current = null;
		node.classList.remove('is-dragging');
		for (const el of document.querySelectorAll('.drop-before, .drop-after, .drop-into')) {
			el.classList.remove('drop-before', 'drop-after', 'drop-into');
		}
	};
	node.addEventListener('dragstart', start);
	node.addEventListener('dragend', end);
	return {
		update(next: DraggableParams) {
			p = next;
			node.draggable = !p.disabled;
		},
		destroy() {
			node.removeEventListener('dragstart', start);
			node.removeEventListener('dragend', end);
		}
	};
}

export interface DropParams {
	accepts: ItemType;
	/** The item this target represents (drop before/after it), or null for a list (drop into). */
	itemId: string | null;
	axis?: 'x' | 'y';
	ondrop: (draggedId: string, after: boolean) => void;
}

export function dropTarget(node: HTMLElement, params: DropParams) {
	let p = params;
	const clear = () => node.classList.remove('drop-before', 'drop-after', 'drop-into');
	const accepts = () => {
		const d = drag.current;
		return d !== null && d.type === p.accepts && d.id !== p.itemId;
	};
	const isAfter = (event: DragEvent) => {
		if (p.itemId === null) return true;
		const r = node.getBoundingClientRect();
		return p.axis === 'x'
			? event.clientX > r.left + r.width / 2
			: event.clientY > r.top + r.height / 2;
	};
	const over = (event: DragEvent) => {
		if (!accepts()) return;
		event.preventDefault();
		event.stopPropagation();
		if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
		const after = isAfter(event);
		clear();
		node.classList.add(p.itemId === null ? 'drop-into' : after ? 'drop-after' : 'drop-before');
	};
	const leave = (event: DragEvent) => {
		if (event.relatedTarget instanceof Node && node.contains(event.relatedTarget)) return;
		clear();
	};
	const drop = (event: DragEvent) => {
		if (!accepts()) return;
		event.preventDefault();
		event.stopPropagation();
		const id = drag.current!.id;
		const after = isAfter(event);
		clear();
		drag.current = null;
		p.ondrop(id, after);
	};
	node.addEventListener('dragover', over);
	node.addEventListener('dragleave', leave);
	node.addEventListener('drop', drop);
	return {
		update(next: DropParams) {
			p = next;
		},
		destroy() {
			node.removeEventListener('dragover', over);
			node.removeEventListener('dragleave', leave);
			node.removeEventListener('drop', drop);
		}
	};
}
