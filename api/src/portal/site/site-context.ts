import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Services } from '../../services';
import type { Clock } from '../../shared/clock';
import { RETRY_AFTER_SECONDS } from '../../shared/database-errors';
import type { Logger } from '../../shared/logger';
import { PORTAL_PATH } from '../public-status';
import type { SiteExecute } from './site-graphql';
import { sendPage } from './site-headers';
import { errorMessage } from './site-messages';
import type { SiteRenderer } from './site-render';
import type { SiteTokens } from './site-tokens';

/** What the site's pages need: the API in process (execute), the services it reads through, its tokens, its renderer. */
export interface Site {
  config: Config;
  services: Services;
  logger: Logger;
  clock: Clock;
  dataSource: DataSource;
  execute: SiteExecute;
  tokens: SiteTokens;
  renderer: SiteRenderer;
}

/** The client's address as the API's context names it (http.ts): the scope of an anonymous sender's keys, the uploads' limit. */
export const addressOf = (request: Request): string => request.ip ?? 'unknown';

interface MessagePage {
  status: number;
  title: string;
  heading: string;
  paragraphs: string[];
  errorId?: string;
  keptText?: string;
  links?: Array<{ href: string; label: string }>;
}

export function sendMessage(site: Site, response: Response, page: MessagePage): void {
  sendPage(response, page.status, site.renderer.render('message', { title: page.title, noindex: true }, { ...page, links: page.links ?? [] }));
}

/** A status link that is forged, expired or no longer the complaint's: one 404 page for all, as for an unknown page. */
export function sendLinkGone(site: Site, response: Response, keptText?: string): void {
  sendMessage(site, response, {
    status: 404,
    title: 'Deze link werkt niet (meer)',
    heading: 'Deze link werkt niet (meer)',
    paragraphs: [
      'Een link naar uw klacht werkt een half uur, en niet meer zodra u een nieuwe code hebt gekregen.',
      'Vul uw kenmerk en code opnieuw in om te zien hoe het met uw klacht staat.',
    ],
    keptText,
    links: [{ href: `${PORTAL_PATH}/status`, label: 'Status van uw klacht bekijken' }],
  });
}

export function sendNotFound(site: Site, response: Response): void {
  sendMessage(site, response, {
    status: 404,
    title: 'Pagina niet gevonden',
    heading: 'Deze pagina bestaat niet',
    paragraphs: ['Controleer het adres, of ga verder via een van de links hieronder.'],
    links: [
      { href: `${PORTAL_PATH}/`, label: 'Klacht indienen' },
      { href: `${PORTAL_PATH}/status`, label: 'Status van uw klacht bekijken' },
    ],
  });
}

/** A form that is not one of ours (no form body, garbled): a 400, never a 500. */
export function sendBadForm(site: Site, response: Response): void {
  sendMessage(site, response, {
    status: 400,
    title: 'Formulier niet ontvangen',
    heading: 'Uw formulier is niet goed aangekomen',
    paragraphs: ['Ga terug, controleer wat u hebt ingevuld en verstuur het opnieuw.'],
    links: [{ href: `${PORTAL_PATH}/`, label: 'Klacht indienen' }],
  });
}

/**
 * What went wrong on our side: 503 with Retry-After when the database cannot serve now, else 500 with an id that is
 * logged (the API's own id when it gave one). Never for a caller's mistake.
 */
export function sendServerFault(site: Site, response: Response, code: string, errorId?: unknown, cause?: unknown): void {
  if (code === 'SERVICE_UNAVAILABLE') {
    response.set('Retry-After', String(RETRY_AFTER_SECONDS));
    return sendMessage(site, response, {
      status: 503,
      title: 'Even niet bereikbaar',
      heading: 'Het lukt nu even niet',
      paragraphs: [errorMessage(code, {}), 'Uw gegevens zijn niet verwerkt.'],
    });
  }
  const id = typeof errorId === 'string' ? errorId : randomUUID();
  if (typeof errorId !== 'string')
    site.logger.error('the complaint site failed', { errorId: id, code, error: cause instanceof Error ? cause.stack : String(cause ?? '') });
  sendMessage(site, response, {
    status: 500,
    title: 'Er ging iets mis',
    heading: 'Er ging bij ons iets mis',
    paragraphs: ['Het spijt ons: uw verzoek kon door een fout bij ons niet worden afgehandeld. Probeer het later opnieuw.'],
    errorId: id,
  });
}
