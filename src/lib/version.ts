/** Mitplan's version (package.json), built in by Vite (vite.config.ts `define`). */
declare const __MITPLAN_VERSION__: string | undefined;

export const APP_VERSION: string =
	typeof __MITPLAN_VERSION__ === 'string' ? __MITPLAN_VERSION__ : 'unbekannt';
