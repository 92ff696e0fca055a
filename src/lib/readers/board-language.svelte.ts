/**
 * The board's content language (issue 15, item 5): per browser (localStorage), 'de' = the German
 * originals. Cards show the translation of their title in this language when the plan offers it.
 */
const KEY = 'mitplan_board_content_lang';

function stored(): string {
	try {
		return (typeof localStorage !== 'undefined' && localStorage.getItem(KEY)) || 'de';
	} catch {
		return 'de';
	}
}

export const boardLanguage = $state({ code: stored() });

export function setBoardLanguage(code: string): void {
	boardLanguage.code = code;
	try {
		localStorage.setItem(KEY, code);
	} catch {
		// private mode: the choice lasts for this page only
	}
}
