/**
 * Finds interface text written straight into Svelte markup instead of coming from the message
 * files: text nodes, text attributes (aria-label, title, placeholder, alt, label, lead, …) and
 * string literals a template renders directly (`{cond ? 'Ja' : 'Nein'}`). Used by
 * ui-strings.test.ts to keep converted files clean and the list of unconverted ones shrinking.
 * Text inside <script> (e.g. messages built in code) is not seen here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';

/** Attributes whose value people read or hear. */
const TEXT_ATTRIBUTES = new Set([
	'aria-label',
	'aria-description',
	'aria-roledescription',
	'aria-valuetext',
	'title',
	'placeholder',
	'alt',
	'label',
	'lead',
	'hint',
	'heading',
	'description',
	'confirmLabel',
	'cancelLabel',
	'emptyText'
]);

/** Words that are the same in every language. */
const SAME_IN_EVERY_LANGUAGE = [/\bMitplan\b/g, /\bPDF\b/g, /\bCSV\b/g, /\bXLSX\b/g, /\bQR\b/g];

export function isUiText(text: string): boolean {
	let rest = text;
	for (const word of SAME_IN_EVERY_LANGUAGE) rest = rest.replace(word, '');
	return /\p{L}{2,}/u.test(rest);
}

export interface Finding {
	line: number;
	text: string;
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function lineOf(source: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < source.length; i++) if (source[i] === '\n') line++;
	return line;
}

/** String literals that end up on the page as they are (not compared, not passed on). */
function renderedLiterals(expression: Node | undefined, out: Node[]): void {
	if (!expression) return;
	if (expression.type === 'Literal' && typeof expression.value === 'string') out.push(expression);
	else if (expression.type === 'TemplateLiteral')
		for (const q of expression.quasis as Array<Node & { value: { cooked: string } }>)
			out.push({ ...q, type: 'Literal', value: q.value.cooked });
	else if (expression.type === 'ConditionalExpression') {
		renderedLiterals(expression.consequent as Node, out);
		renderedLiterals(expression.alternate as Node, out);
	} else if (expression.type === 'LogicalExpression')
		renderedLiterals(expression.right as Node, out);
}

export function findUiStrings(source: string): Finding[] {
	const ast = parse(source, { modern: true });
	const findings: Finding[] = [];
	const report = (node: Node, text: string) => {
		const t = text.replace(/\s+/g, ' ').trim();
		if (isUiText(t)) findings.push({ line: lineOf(source, node.start), text: t });
	};
	const visit = (value: unknown, parentKey: string) => {
		if (Array.isArray(value)) {
			for (const v of value) visit(v, parentKey);
			return;
		}
		if (!value || typeof value !== 'object') return;
		const node = value as Node;
		if (node.type === 'Script' || node.type === 'StyleSheet' || node.type === 'Comment') return;
		if (node.type === 'Text' && parentKey !== 'attribute') report(node, String(node.data ?? ''));
		if (node.type === 'ExpressionTag') {
			const literals: Node[] = [];
			renderedLiterals(node.expression as Node, literals);
			for (const l of literals) report(l, String(l.value));
		}
		if (node.type === 'Attribute') {
			const name = String(node.name);
			if (TEXT_ATTRIBUTES.has(name) && Array.isArray(node.value)) {
				for (const part of node.value as Node[]) {
					if (part.type === 'Text') report(part, String(part.data ?? ''));
					if (part.type === 'ExpressionTag') {
						const literals: Node[] = [];
						renderedLiterals(part.expression as Node, literals);
						for (const l of literals) report(l, String(l.value));
					}
				}
			} else if (TEXT_ATTRIBUTES.has(name) && node.value && typeof node.value === 'object') {
				const literals: Node[] = [];
				renderedLiterals((node.value as Node).expression as Node, literals);
				for (const l of literals) report(l, String(l.value));
			}
			return; // other attributes (class, href, data-testid …) are not read by people
		}
		for (const [key, child] of Object.entries(node)) {
			if (key === 'type' || key === 'start' || key === 'end' || key === 'expression') continue;
			if (child && typeof child === 'object')
				visit(child, node.type === 'Attribute' ? 'attribute' : key);
		}
	};
	visit(ast.fragment, 'fragment');
	return findings;
}

/** Every .svelte file under `root` (relative, sorted, `/`-separated), without generated code. */
export function listSvelteFiles(root: string): string[] {
	return (readdirSync(root, { recursive: true }) as string[])
		.map((f) => path.join(root, f).split(path.sep).join('/'))
		.filter((f) => f.endsWith('.svelte') && !f.includes('/paraglide/'))
		.sort();
}

export function countUiStrings(file: string): number {
	return findUiStrings(readFileSync(file, 'utf8')).length;
}
