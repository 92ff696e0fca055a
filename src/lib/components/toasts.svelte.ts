export interface ToastAction {
	label: string;
	run: () => void;
}

export interface Toast {
	id: number;
	message: string;
	kind: 'info' | 'success' | 'error';
	action?: ToastAction;
}

/** Short-lived notifications at the bottom of the screen (rendered by Toasts.svelte). */
class Toasts {
	items = $state<Toast[]>([]);
	#next = 1;

	show(
		message: string,
		options: { kind?: Toast['kind']; action?: ToastAction; timeout?: number } = {}
	): number {
		const id = this.#next++;
		this.items = [
			...this.items.slice(-3),
			{ id, message, kind: options.kind ?? 'info', action: options.action }
		];
		const timeout = options.timeout ?? (options.action ? 8000 : 5000);
		if (timeout > 0) setTimeout(() => this.dismiss(id), timeout);
		return id;
	}

	error(message: string): number {
		return this.show(message, { kind: 'error', timeout: 8000 });
	}

	dismiss(id: number): void {
		this.items = this.items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
