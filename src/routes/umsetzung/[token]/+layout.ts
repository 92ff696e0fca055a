/**
 * The public progress page and its error page are rendered on the server and sent without any
 * JavaScript (the rest of the app renders in the browser, see src/routes/+layout.ts): the page
 * works without JS, and an unknown or revoked link gets a real 404 page.
 */
export const ssr = true;
export const csr = false;
