import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../shared/clock';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from a letter is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 4;
const GROUP = 4;

/** What a typed code may look like before it is compared: its characters, grouped or not, any case. */
export const STATUS_CODE_PATTERN = /^[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){3}$/;

/**
 * The complainant's secret code (issue 15): with the reference it opens the complaint's public status. 16
 * characters of Crockford base32 (80 bits), shown once. The database keeps only its SHA-256; the code itself is
 * derived from a server secret, the complaint and the moment it was issued, so a retried submission (the same
 * idempotency key) gets the same code back, and issuing a new one (a new moment) makes the old one worthless.
 */
export class StatusCodes {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = createHash('sha256').update(`status-code:${secret}`).digest();
  }

  /** The code of a complaint issued at `issuedAt`. */
  derive(complaintId: string, issuedAt: Date): string {
    const mac = createHmac('sha256', this.key).update(`${complaintId}:${issuedAt.toISOString()}`).digest();
    let code = '';
    for (let i = 0; i < GROUPS * GROUP; i++) code += ALPHABET[mac[i] % 32];
    return code.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
  }

  /** Issues a new code for the complaint (in the caller's transaction); the old one no longer opens anything. */
  async issue(manager: EntityManager, complaintId: string, issuedAt: Date = this.clock.now().toJSDate()): Promise<string> {
    const code = this.derive(complaintId, issuedAt);
    await manager.query('UPDATE complaint SET status_code_hash = $2, status_code_issued_at = $3 WHERE id = $1', [complaintId, hashOf(code), issuedAt]);
    return code;
  }

  /**
   * A link's token for one letter of a complaint, until `expiresAt` (ms): bound to the code it was shown with, so
   * issuing a new code ends every link handed out before.
   */
  letterToken(letterId: string, codeIssuedAt: Date, expiresAt: number): string {
    return `${expiresAt.toString(36)}.${this.letterMac(letterId, codeIssuedAt, expiresAt)}`;
  }

  /** Whether `token` opens this letter now (compared in constant time). */
  opensLetter(token: string, letterId: string, codeIssuedAt: Date | null, now: number): boolean {
    const [expiry, mac] = token.split('.');
    const expiresAt = parseInt(expiry ?? '', 36);
    if (!codeIssuedAt || !mac || !Number.isSafeInteger(expiresAt) || expiresAt < now) return false;
    const expected = Buffer.from(this.letterMac(letterId, codeIssuedAt, expiresAt));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private letterMac(letterId: string, codeIssuedAt: Date, expiresAt: number): string {
    return createHmac('sha256', this.key).update(`letter:${letterId}:${codeIssuedAt.toISOString()}:${expiresAt}`).digest('base64url');
  }

  /** Constant time whatever the input: a wrong code and an unknown reference cost the same. */
  matches(storedHash: string | null, typed: string): boolean {
    const expected = Buffer.from(storedHash ?? UNKNOWN, 'hex');
    const actual = Buffer.from(hashOf(normalise(typed)), 'hex');
    return timingSafeEqual(expected, actual) && storedHash !== null;
  }
}

/** Upper case, the misreadable letters as the digits they stand for, grouped by four. */
export function normalise(typed: string): string {
  const plain = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return (plain.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-');
}

const hashOf = (code: string): string => createHash('sha256').update(code).digest('hex');

/** Compared against when the reference is unknown: no code has this hash. */
const UNKNOWN = '0'.repeat(64);
