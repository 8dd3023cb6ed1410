import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../shared/clock';

/** How long a status link works: long enough to read and act, short enough that a forgotten tab is not a key. */
export const STATUS_LINK_MINUTES = 30;
/** A form older than this is shown again rather than sent: its idempotency key lives as long (intake.service.ts). */
export const FORM_MAX_AGE_HOURS = 24;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REFERENCE = /^[A-Z]{2}-\d{4}-\d{6,9}$/;

/** `new`: the confirmation right after the submission (it shows the code); `status`: the status page. */
export type StatusLinkKind = 'new' | 'status';

export interface StatusLink {
  reference: string;
  kind: StatusLinkKind;
  expiresAt: number;
  mac: string;
}

export type FormTokenCheck = 'ok' | 'too-fast' | 'expired' | 'invalid';

/**
 * What the ready-made site signs, stateless across instances (no sessions, no cookies: they fail in third-party
 * iframes). The key is derived from the pseudonym secret, as StatusCodes derives its own, so there is no new secret
 * to forget; each kind of token has its own label in the MAC.
 *
 * - the form token: when the complaint form was shown, bound to its idempotency key (too fast: a robot);
 * - the status link: a complaint's reference until a moment 30 minutes on, bound to its current code — so a new code
 *   from staff ends every link handed out before, and the code itself never appears in a URL;
 * - a kept upload: an upload id with its file name, so a form shown again lists only names this site gave it.
 */
export class SiteTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = createHash('sha256').update(`portal-site:${secret}`).digest();
  }

  formToken(idempotencyKey: string, renderedAt = this.clock.now().toMillis()): string {
    const at = renderedAt.toString(36);
    return `${at}.${this.mac(`form:${at}:${idempotencyKey}`)}`;
  }

  /** When the form of this token was shown (0 for a token that is not one). */
  formTokenTime(token: string): number {
    const renderedAt = parseInt(token.split('.')[0] ?? '', 36);
    return Number.isSafeInteger(renderedAt) ? renderedAt : 0;
  }

  checkFormToken(token: string, idempotencyKey: string, minFillSeconds: number): FormTokenCheck {
    const [at, mac, ...rest] = token.split('.');
    const renderedAt = parseInt(at ?? '', 36);
    if (rest.length || !mac || !Number.isSafeInteger(renderedAt) || !this.sameMac(mac, `form:${at}:${idempotencyKey}`)) return 'invalid';
    const age = this.clock.now().toMillis() - renderedAt;
    if (age > FORM_MAX_AGE_HOURS * 3_600_000) return 'expired';
    return age < minFillSeconds * 1000 ? 'too-fast' : 'ok';
  }

  statusLink(reference: string, code: string, kind: StatusLinkKind): string {
    const expiresAt = (this.clock.now().toMillis() + STATUS_LINK_MINUTES * 60_000).toString(36);
    const flag = kind === 'new' ? 'n' : 's';
    return `${reference}.${expiresAt}.${flag}.${this.mac(`status:${reference}:${flag}:${expiresAt}:${code}`)}`;
  }

  /** The link's parts as written (nothing checked but the shape): the code to check it with is looked up by reference. */
  readStatusLink(token: string): StatusLink | null {
    const [reference, expiry, flag, mac, ...rest] = token.split('.');
    const expiresAt = parseInt(expiry ?? '', 36);
    if (rest.length || !REFERENCE.test(reference ?? '') || !mac || (flag !== 'n' && flag !== 's') || !Number.isSafeInteger(expiresAt)) return null;
    return { reference, kind: flag === 'n' ? 'new' : 'status', expiresAt, mac };
  }

  /** `valid` while the link's half hour runs and the code is the one it was made with; `expired` once it ran out. */
  checkStatusLink(link: StatusLink, code: string | null): 'valid' | 'expired' | 'invalid' {
    const flag = link.kind === 'new' ? 'n' : 's';
    const signed = this.sameMac(link.mac, `status:${link.reference}:${flag}:${link.expiresAt.toString(36)}:${code ?? ''}`) && code !== null;
    if (!signed) return 'invalid';
    return link.expiresAt < this.clock.now().toMillis() ? 'expired' : 'valid';
  }

  /** A hidden field's value for an upload already made: `<id>:<mac>:<file name>`. */
  keptUpload(id: string, fileName: string): string {
    return `${id}:${this.mac(`upload:${id}:${fileName}`).slice(0, 22)}:${fileName}`;
  }

  readKeptUpload(value: string): { id: string; fileName: string } | null {
    const id = value.slice(0, 36);
    const mac = value.slice(37, 59);
    const fileName = value.slice(60);
    if (!UUID.test(id) || value[36] !== ':' || value[59] !== ':' || !fileName) return null;
    const expected = Buffer.from(this.mac(`upload:${id}:${fileName}`).slice(0, 22));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? { id, fileName } : null;
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }

  private sameMac(given: string, text: string): boolean {
    const expected = Buffer.from(this.mac(text));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
