import type { Express } from 'express';
import { PORTAL_PATH } from './public-status';
import { siteHeaders } from './site/site-headers';
import { createSite, registerSiteRoutes, type SiteDependencies } from './site/site-routes';

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/**
 * The complainant's routes beside /graphql, every one with the site's security headers (site/site-headers.ts):
 *
 *   GET /klacht/brieven/:id.pdf?t=…   a letter sent to the complainant, by the link its status gave (an hour, while
 *                                     the code holds); 404 for anything else, whatever was wrong
 *   /klacht/…                         the ready-made site: the complaint form and the status page (site/site-routes.ts)
 */
export function registerPortalRoutes(app: Express, dependencies: SiteDependencies): void {
  const { services, logger } = dependencies;
  app.use(PORTAL_PATH, siteHeaders(dependencies.config.portal));
  app.get(new RegExp(`^${PORTAL_PATH}/brieven/${UUID}\\.pdf$`), (request, response, next) => {
    (async () => {
      const letterId = (request.params as unknown as string[])[0];
      const token = typeof request.query.t === 'string' ? request.query.t.slice(0, 200) : '';
      const letter = await services.portal.letterPdf(letterId, token);
      if (!letter) {
        response
          .status(404)
          .set('Cache-Control', 'no-store')
          .type('text/plain; charset=utf-8')
          .send('Deze link werkt niet (meer): open de brief opnieuw vanaf uw statuspagina.');
        return;
      }
      response
        .status(200)
        .set({
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${letter.reference}-${letter.kind.toLowerCase()}.pdf"`,
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        })
        .send(letter.pdf);
    })().catch((error: unknown) => {
      logger.warn('a letter download failed', { error: String(error) });
      next(error);
    });
  });

  registerSiteRoutes(app, createSite(dependencies));
}
