import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import svelteConfig from './svelte.config.js';

const root = path.dirname(fileURLToPath(import.meta.url));
/** @param {string} dir */
const under = (dir) => (/** @type {string} */ p) => p === dir || p.startsWith(`${dir}/`);

/**
 * The import boundaries of issue 11 (README, "Architektur"): the app (src/) and the backend
 * (server/) meet only in the shared contract src/lib/contract, which imports neither side.
 */
const BOUNDARIES = [
	{
		from: under('src'),
		to: under('server'),
		why: 'the app reaches the backend through src/lib/contract (locals.backend) only'
	},
	{
		from: under('server'),
		to: (/** @type {string} */ p) =>
			under('src/lib/server')(p) ||
			under('src/routes')(p) ||
			p.startsWith('src/hooks') ||
			p.endsWith('.svelte'),
		why: 'server code may use src/lib/contract and shared domain code, not app internals'
	},
	{
		from: under('src/lib/contract'),
		to: (/** @type {string} */ p) =>
			under('server')(p) || under('src/lib/server')(p) || under('src/routes')(p),
		why: 'the contract imports neither the app nor the server'
	}
];

/**
 * Local rule: resolves relative and $lib imports and checks them against BOUNDARIES.
 * @type {import('eslint').Rule.RuleModule}
 */
const boundaries = {
	meta: {
		type: 'problem',
		schema: [],
		messages: { forbidden: '{{from}} may not import {{to}}: {{why}}.' }
	},
	create(context) {
		const file = path.relative(root, context.filename).split(path.sep).join('/');
		const rules = BOUNDARIES.filter((b) => b.from(file));
		if (rules.length === 0) return {};
		/** @param {any} node */
		const check = (node) => {
			const source = node?.value;
			if (typeof source !== 'string') return;
			/** @type {string} */
			let target;
			if (source === '$lib' || source.startsWith('$lib/')) target = `src/lib${source.slice(4)}`;
			else if (source.startsWith('.')) {
				target = path.relative(root, path.resolve(path.dirname(context.filename), source));
				target = target.split(path.sep).join('/');
			} else return;
			for (const rule of rules) {
				if (rule.to(target)) {
					context.report({
						node,
						messageId: 'forbidden',
						data: { from: file, to: target, why: rule.why }
					});
				}
			}
		};
		return {
			ImportDeclaration: (n) => check(n.source),
			ExportNamedDeclaration: (n) => check(n.source),
			ExportAllDeclaration: (n) => check(n.source),
			ImportExpression: (n) => check(n.source)
		};
	}
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/',
			'.scratch/',
			'src/lib/paraglide/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['src/**/*.{ts,js,svelte}', 'server/**/*.ts'],
		plugins: { mitplan: { rules: { boundaries } } },
		rules: { 'mitplan/boundaries': 'error' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
