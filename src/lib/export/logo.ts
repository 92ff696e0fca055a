/** Logo for the cover (browser dialog only): PNG or JPEG, at most MAX_LOGO_BYTES. */
import type { LogoInput } from './render';

export const MAX_LOGO_BYTES = 1024 * 1024;

export type LogoResult =
	| { ok: true; value: LogoInput & { width: number; height: number } }
	| { ok: false; message: string };

/** Detects PNG/JPEG by their signature (the file name and type can lie). */
export function logoFormat(bytes: Uint8Array): 'PNG' | 'JPEG' | null {
	if (
		bytes.length > 8 &&
		bytes[0] === 0x89 &&
		bytes[1] === 0x50 &&
		bytes[2] === 0x4e &&
		bytes[3] === 0x47
	)
		return 'PNG';
	if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
		return 'JPEG';
	return null;
}

export async function readLogo(file: File): Promise<LogoResult> {
	if (file.size > MAX_LOGO_BYTES) {
		return { ok: false, message: 'Das Logo darf höchstens 1 MB groß sein.' };
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	const format = logoFormat(bytes);
	if (!format) return { ok: false, message: 'Das Logo muss eine PNG- oder JPEG-Datei sein.' };
	try {
		const bitmap = await createImageBitmap(new Blob([bytes], { type: file.type || 'image/png' }));
		const { width, height } = bitmap;
		bitmap.close();
		if (width < 1 || height < 1) throw new Error('empty');
		return { ok: true, value: { data: bytes, format, width, height } };
	} catch {
		return {
			ok: false,
			message: 'Das Logo lässt sich nicht lesen. Bitte eine andere Datei wählen.'
		};
	}
}
