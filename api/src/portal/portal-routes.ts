import type { Express } from 'express';
import type { Services } from '../services';
import type { Logger } from '../shared/logger';
import { PORTAL_PATH } from './public-status';

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/**
 * The complainant's routes beside /graphql:
 *
 *   GET /klacht/brieven/:id.pdf?t=…   a letter sent to the complainant, by the link its status gave (an hour, while
 *                                     the code holds); 404 for anything else, whatever was wrong
 */
export function registerPortalRoutes(app: Express, services: Services, logger: Logger): void {
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
}
