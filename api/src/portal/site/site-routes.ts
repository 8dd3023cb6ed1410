import { createHash } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Services } from '../../services';
import type { Clock } from '../../shared/clock';
import { isTransientDatabaseError, ServiceUnavailableError } from '../../shared/database-errors';
import type { Logger } from '../../shared/logger';
import { PORTAL_PATH } from '../public-status';
import { showComplaintForm, submitComplaintForm } from './complaint-routes';
import { sendBadForm, sendNotFound, sendServerFault, type Site } from './site-context';
import { SITE_CSS, SITE_CSS_VERSION } from './site-css';
import { BadFormError } from './site-form';
import type { SiteExecute } from './site-graphql';
import { SiteRenderer } from './site-render';
import { SiteTokens } from './site-tokens';
import { act, lookUp, showLookup, showStatusPage } from './status-routes';

export interface SiteDependencies {
  config: Config;
  services: Services;
  logger: Logger;
  clock: Clock;
  dataSource: DataSource;
  /** A GraphQL operation through Apollo, with the context /graphql builds for an anonymous caller at this request's address. */
  execute: SiteExecute;
  /** The pseudonym secret (as app.ts resolved it): the site's signing key is derived from it. */
  secret: string;
}

export function createSite(dependencies: SiteDependencies): Site {
  const { config, clock, secret, ...rest } = dependencies;
  return {
    ...rest,
    config,
    clock,
    tokens: new SiteTokens(secret, clock),
    renderer: new SiteRenderer(config.organisationName, !!logoOf(config.organisationLogo)),
  };
}

/** ORGANISATION_LOGO as config.ts read it: a PNG or JPEG data URL. */
function logoOf(dataUrl: string | undefined): { type: string; bytes: Buffer; etag: string } | null {
  const match = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl ?? '');
  if (!match) return null;
  const bytes = Buffer.from(match[2], 'base64');
  return { type: match[1], bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 16)}"` };
}

/**
 * The ready-made complaint site (issue 15), plain HTML without any script, stateless across instances:
 *
 *   GET  /klacht/                              the complaint form
 *   POST /klacht/                              submitComplaint (multipart, files streamed to the website's uploads) → 303
 *   GET  /klacht/status                        reference and code
 *   POST /klacht/status                        complaintStatus → 303 to a status link (30 minutes, bound to the code)
 *   GET  /klacht/status/<token>                the status page (the confirmation, for the submission's own link)
 *   POST /klacht/status/<token>/<action>       informatie | bezwaar | hoorzitting | tevredenheid → 303 ?gedaan=…
 *   GET  /klacht/site.css, /klacht/logo        the stylesheet and the organisation's logo (cacheable)
 *
 * Anything else under /klacht is a Dutch 404 page; anything unexpected a Dutch 500 page with the error's id.
 */
export function registerSiteRoutes(app: Express, site: Site): void {
  const page =
    (handle: (request: Request, response: Response) => Promise<void>) =>
    (request: Request, response: Response, next: (error?: unknown) => void): void => {
      handle(request, response).catch((error: unknown) => {
        if (response.headersSent) return next(error);
        if (error instanceof BadFormError) return sendBadForm(site, response);
        if (isTransientDatabaseError(error) || error instanceof ServiceUnavailableError) return sendServerFault(site, response, 'SERVICE_UNAVAILABLE');
        sendServerFault(site, response, 'INTERNAL_SERVER_ERROR', undefined, error);
      });
    };

  app.get(`${PORTAL_PATH}/site.css`, (request, response) => {
    const current = request.query.v === SITE_CSS_VERSION;
    response
      .type('text/css; charset=utf-8')
      .set('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
      .send(SITE_CSS);
  });

  const logo = logoOf(site.config.organisationLogo);
  app.get(`${PORTAL_PATH}/logo`, (request, response) => {
    if (!logo) return sendNotFound(site, response);
    response.set({ 'Content-Type': logo.type, 'Cache-Control': 'public, max-age=86400', ETag: logo.etag });
    if (request.headers['if-none-match'] === logo.etag) return void response.status(304).end();
    response.send(logo.bytes);
  });

  app.get(
    `${PORTAL_PATH}/`,
    page((request, response) => showComplaintForm(site, request, response)),
  );
  app.post(
    `${PORTAL_PATH}/`,
    page((request, response) => submitComplaintForm(site, request, response)),
  );
  app.get(
    `${PORTAL_PATH}/status`,
    page((request, response) => showLookup(site, request, response)),
  );
  app.post(
    `${PORTAL_PATH}/status`,
    page((request, response) => lookUp(site, request, response)),
  );
  app.get(
    `${PORTAL_PATH}/status/:token`,
    page((request, response) => showStatusPage(site, request, response, String(request.params.token))),
  );
  app.post(
    `${PORTAL_PATH}/status/:token/:action`,
    page((request, response) => act(site, request, response, String(request.params.token), String(request.params.action))),
  );
  app.use(PORTAL_PATH, (_request, response) => sendNotFound(site, response));
}
