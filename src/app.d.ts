import type { MitplanBackend } from '$lib/server/backend';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			backend: MitplanBackend;
		}
	}
}

export {};
