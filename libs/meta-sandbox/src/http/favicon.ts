import type { RequestHandler } from 'express';

/** The path browsers ask for on every page they show, here the login dialog. */
export const FAVICON_PATH = '/favicon.ico';

/** A blue rounded square with an "S": marks the tab as the sandbox, not facebook.com. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0866ff"/>' +
  '<text x="16" y="23" font-family="Helvetica,Arial,sans-serif" font-size="20" font-weight="700" fill="#fff" ' +
  'text-anchor="middle">S</text></svg>';

/**
 * Serves the favicon inline. Without it the request fell through to the Graph handler, whose 400 error showed up in
 * the browser console on the consent page.
 */
export const favicon: RequestHandler = (_req, res) => {
  res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(FAVICON_SVG);
};
