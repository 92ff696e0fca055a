/** Tolerant readers for JSON body fields: a wrong type becomes an empty value the service refuses. */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const optStr = (value: unknown): string | undefined =>
	typeof value === 'string' ? value : undefined;
export const optBool = (value: unknown): boolean | undefined =>
	typeof value === 'boolean' ? value : undefined;
