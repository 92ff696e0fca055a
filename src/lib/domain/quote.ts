/**
 * German quotation marks for text the app quotes („…“). A quote inside the quoted text becomes a
 * single quote (‚…‘), as German typography nests them: „Ziel ‚Wohnen‘ erreicht“ instead of
 * „Ziel „Wohnen“ erreicht“. Straight quotes ("…", '…') inside are turned into ‚…‘ as well.
 */
export function quoteDe(text: string): string {
	return `„${nestQuotes(text)}“`;
}

/** The inner quotes of `text` as German single quotes (‚…‘). */
export function nestQuotes(text: string): string {
	let open = true;
	return text.replace(/[„“”"«»]/g, (ch) => {
		if (ch === '„' || ch === '«') {
			open = false;
			return '‚';
		}
		if (ch === '“' || ch === '”' || ch === '»') {
			open = true;
			return '‘';
		}
		// straight double quote: alternates opening and closing
		const out = open ? '‚' : '‘';
		open = !open;
		return out;
	});
}
