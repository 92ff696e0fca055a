import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideOptions } from './scripts/paraglide-options.mjs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * Development: attaches the same backend as production (server/core.ts) to Vite's dev server, so
 * `npm run dev` serves the /sync websocket and the JSON API from one process like `npm start`.
 * The backend is loaded through Vite's SSR loader; it registers itself under a global symbol
 * that SvelteKit's hooks read (src/lib/server/backend.ts), so there is one registry either way.
 */
function mitplanBackend(): Plugin {
	return {
		name: 'mitplan-backend',
		apply: 'serve',
		async configureServer(server) {
			if (process.env.VITEST) return; // tests start their own servers
			const { loadConfig } = (await server.ssrLoadModule(
				'/server/config.ts'
			)) as typeof import('./server/config');
			const { createCore } = (await server.ssrLoadModule(
				'/server/core.ts'
			)) as typeof import('./server/core');
			const core = await createCore(loadConfig());
			// socket.io wraps the dev server's request listener, so its long-polling requests
			// reach it before SvelteKit; its upgrades are taken by its own listener.
			if (server.httpServer)
				await core.attachRealtime(server.httpServer as import('node:http').Server);
			server.httpServer?.on('upgrade', (req, socket, head) =>
				core.handleUpgrade(req, socket, head)
			);
			server.httpServer?.on('close', () => void core.close());
		}
	};
}

export default defineConfig({
	plugins: [
		mitplanBackend(),
		// Interface languages (README, „Sprachen“): messages/<locale>.json compiled into
		// tree-shakable functions in src/lib/paraglide.
		paraglideVitePlugin(paraglideOptions),
		sveltekit()
	],
	// The footer shows it (src/lib/version.ts); the server bundle gets the same (scripts/build-server.mjs).
	define: { __MITPLAN_VERSION__: JSON.stringify(version) },
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'node_modules/**', 'build/**'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 30_000
	}
});
