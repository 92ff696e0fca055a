// Compiles messages/<locale>.json into src/lib/paraglide (for svelte-check and tsc, which run
// without Vite); the Vite plugin does the same during dev, build and Vitest.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.mjs';

await compile(paraglideOptions);
