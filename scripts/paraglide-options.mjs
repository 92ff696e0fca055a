// One place for the Paraglide compiler options (interface languages, README „Sprachen“): used by
// the Vite plugin (vite.config.ts) and by `node scripts/i18n-compile.mjs` (npm run check, prepare),
// so the generated src/lib/paraglide is the same however it was made. Order of the strategy: the
// cookie (set by the language switch and, at sign-in, from the account's setting), else the
// browser's Accept-Language, else German.
/** @type {{ project: string; outdir: string; strategy: Array<'cookie' | 'preferredLanguage' | 'baseLocale'>; cookieName: string }} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'mitplan_lang'
};
