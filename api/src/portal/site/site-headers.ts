import type { RequestHandler, Response } from 'express';
import type { PortalConfig } from '../../config';

/** The site's Content-Security-Policy: no script at all, its own stylesheet and images, forms only to itself. */
export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  const ancestors = frameAncestors.length ? frameAncestors.join(' ') : "'none'";
  return `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors ${ancestors}`;
}

/**
 * On every response under /klacht: the CSP above; X-Frame-Options DENY only when no origin may frame the site (it
 * cannot list origins, and would overrule frame-ancestors in older browsers); no Referer (a status link carries
 * its token in the path); nosniff. Pages set their own Cache-Control (sitePage).
 */
export function siteHeaders(portal: PortalConfig): RequestHandler {
  const policy = contentSecurityPolicy(portal.frameAncestors);
  const frameOptions = portal.frameAncestors.length === 0;
  return (_request, response, next) => {
    response.set({ 'Content-Security-Policy': policy, 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
    if (frameOptions) response.set('X-Frame-Options', 'DENY');
    next();
  };
}

/** An HTML page of the site: never stored (each carries a token, a form's key or a code). */
export function sendPage(response: Response, status: number, html: string): void {
  response.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(html);
}
