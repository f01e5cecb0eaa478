/**
 * The HTTP headers every desk response carries: a strict Content-Security-Policy
 * (a looser one for the framed previews of the site), no sniffing, framing
 * only by the desk, and HSTS over HTTPS.
 */
import type { Context, Env, MiddlewareHandler } from 'hono';
import { PREVIEW_BASE } from './preview-server.ts';

/** The strict policy of every desk page: scripts and styles only from /static/, frames only from the desk itself. */
const DESK_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";
/**
 * Previews are the site's own pages from `astro dev`, which needs inline
 * styles and its module scripts; they are framed only by the desk. Draft text
 * cannot carry scripts: the content check refuses script tags, on… attributes and javascript: links.
 */
const PREVIEW_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

/** Security headers on every response; the preview gets its own policy. */
export function securityHeaders<E extends Env>(isHttps: (c: Context<E>) => boolean): MiddlewareHandler<E> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const preview = c.req.path.startsWith(PREVIEW_BASE);
    headers.set('Content-Security-Policy', preview ? PREVIEW_CSP : DESK_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'SAMEORIGIN');
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts, which the origin check must refuse.
    headers.set('Referrer-Policy', 'same-origin');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cache-Control', c.req.path.startsWith('/static/') ? 'no-cache' : 'no-store');
    if (isHttps(c)) headers.set('Strict-Transport-Security', 'max-age=31536000');
  };
}
