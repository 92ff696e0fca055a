/**
 * The one pagination convention of the JSON API, shared by the server (src/lib/server/api/
 * pagination.ts) and the browser's client: `?limit=&cursor=`, the body stays a JSON array, and
 * the cursor of the next page comes in the `X-Next-Cursor` header (absent on the last page).
 */

/** Default and largest page size of the paginated lists. */
export const PAGE_DEFAULT = 200;
export const PAGE_MAX = 1000;

export const NEXT_CURSOR_HEADER = 'x-next-cursor';

/** Lists whose page sizes differ (they always took `limit` with these bounds). */
export const AUDIT_PAGE = { defaultLimit: 200, maxLimit: 5000 };
export const HISTORY_PAGE = { defaultLimit: 100, maxLimit: 2000 };
