/** Interface names of the content languages (messages/content), by language code. */
import { m } from '$lib/i18n';

const NAMES: Record<string, () => string> = {
	en: m.content_lang_en,
	tr: m.content_lang_tr,
	ar: m.content_lang_ar,
	uk: m.content_lang_uk,
	ru: m.content_lang_ru,
	ls: m.content_lang_ls
};

export function languageName(code: string): string {
	return NAMES[code]?.() ?? code;
}
