import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors';

/**
 * Every throttle of the API, kept in PostgreSQL (rate-limiter-flexible's table `rate_limit`, created by the
 * migrations): shared by all instances, surviving restarts. Keys are hashed, so a caller's long or odd
 * value never reaches the key column as it is.
 */
export interface RateLimitSettings {
  /** Complaints per client address per 10 minutes from the website's form. */
  submitsPer10Minutes: number;
  /** Complaints per WEBSITE token per 10 minutes: the website's own server, so far more, but not unbounded. */
  websiteSubmitsPer10Minutes: number;
  /** Files the website's form may upload per client address per 10 minutes (per WEBSITE token: ten times as many). */
  uploadsPer10Minutes: number;
}

/** The public status page: lookups per client address, and wrong codes per reference before it is closed for a while. */
export const STATUS_LIMITS = {
  lookupsPerAddress: 60,
  addressWindowSeconds: 10 * 60,
  wrongCodesPerReference: 10,
  referenceWindowSeconds: 60 * 60,
} as const;

export const SIGN_IN_LIMITS = {
  /** Failed sign-ins for one account, from wherever, before it is locked (attempts are counted first, successes given back)... */
  failuresPerAccount: 10,
  /** ...for this long (counted from the first failure of the window). */
  accountWindowSeconds: 15 * 60,
  /** Failed sign-ins from one address, whatever the accounts (password spraying). */
  failuresPerAddress: 50,
  addressWindowSeconds: 15 * 60,
} as const;

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Whom an address stands for: an IPv4 address as it is (also when written as ::ffff:a.b.c.d), an IPv6
 * address by its /64 (one subscriber gets a whole /64 and could rotate through it).
 */
export function clientOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class RateLimits {
  private readonly submissions: RateLimiterPostgres;
  private readonly websiteSubmissions: RateLimiterPostgres;
  private readonly uploads: RateLimiterPostgres;
  private readonly statusLookups: RateLimiterPostgres;
  private readonly wrongStatusCodes: RateLimiterPostgres;
  private readonly websiteUploads: RateLimiterPostgres;
  private readonly accountAttempts: RateLimiterPostgres;
  private readonly addressAttempts: RateLimiterPostgres;

  constructor(pool: Pool, settings: RateLimitSettings) {
    const store = { storeClient: pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true } as const;
    this.submissions = new RateLimiterPostgres({ ...store, keyPrefix: 'submit', points: settings.submitsPer10Minutes, duration: 10 * 60 });
    // One of them clears the expired rows of the shared table (every five minutes, once per instance).
    const quiet = { ...store, clearExpiredByTimeout: false };
    this.websiteSubmissions = new RateLimiterPostgres({ ...quiet, keyPrefix: 'submit-token', points: settings.websiteSubmitsPer10Minutes, duration: 10 * 60 });
    this.uploads = new RateLimiterPostgres({ ...quiet, keyPrefix: 'upload', points: settings.uploadsPer10Minutes, duration: 10 * 60 });
    this.websiteUploads = new RateLimiterPostgres({ ...quiet, keyPrefix: 'upload-token', points: settings.uploadsPer10Minutes * 10, duration: 10 * 60 });
    this.statusLookups = new RateLimiterPostgres({
      ...quiet,
      keyPrefix: 'status-address',
      points: STATUS_LIMITS.lookupsPerAddress,
      duration: STATUS_LIMITS.addressWindowSeconds,
    });
    this.wrongStatusCodes = new RateLimiterPostgres({
      ...quiet,
      keyPrefix: 'status-reference',
      points: STATUS_LIMITS.wrongCodesPerReference,
      duration: STATUS_LIMITS.referenceWindowSeconds,
    });
    this.accountAttempts = new RateLimiterPostgres({
      ...quiet,
      keyPrefix: 'login-account',
      points: SIGN_IN_LIMITS.failuresPerAccount,
      duration: SIGN_IN_LIMITS.accountWindowSeconds,
    });
    this.addressAttempts = new RateLimiterPostgres({
      ...quiet,
      keyPrefix: 'login-address',
      points: SIGN_IN_LIMITS.failuresPerAddress,
      duration: SIGN_IN_LIMITS.addressWindowSeconds,
    });
  }

  /** Counts one website submission from `address`; RATE_LIMITED once the window is full. */
  async consumeSubmission(address: string): Promise<void> {
    await consume(this.submissions, clientOf(address));
  }

  /** Counts one submission through a WEBSITE token (its own, wider window). */
  async consumeWebsiteSubmission(tokenId: string): Promise<void> {
    await consume(this.websiteSubmissions, tokenId);
  }

  /** Counts one file uploaded by the website's form: per client address, or per WEBSITE token. */
  async consumeUpload(address: string, websiteTokenId: string | null): Promise<void> {
    if (websiteTokenId) await consume(this.websiteUploads, websiteTokenId);
    else await consume(this.uploads, clientOf(address));
  }

  /** Counts one look at the public status page from `address`. */
  async consumeStatusLookup(address: string): Promise<void> {
    await consume(this.statusLookups, clientOf(address));
  }

  /** RATE_LIMITED while a reference has had its wrong codes (known or not: the answer is the same). */
  async assertStatusReferenceOpen(reference: string): Promise<void> {
    const state = await this.wrongStatusCodes.get(digest(reference));
    if (state && state.consumedPoints >= STATUS_LIMITS.wrongCodesPerReference) throw new RateLimitedError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
  }

  /** A wrong code for `reference`; the tenth in the window closes it (the caller then answers as for any wrong code). */
  async failStatusReference(reference: string): Promise<void> {
    await this.wrongStatusCodes.penalty(digest(reference), 1);
  }

  /**
   * Counts a sign-in attempt before the password is checked, atomically: parallel guesses cannot all get
   * in under the limit. RATE_LIMITED when the account (from whatever addresses) or the address (whatever
   * the accounts) has used up its attempts; the right password is refused then too.
   */
  async beginSignIn(account: string, address: string): Promise<void> {
    await consume(this.accountAttempts, account);
    try {
      await consume(this.addressAttempts, clientOf(address));
    } catch (error) {
      await this.accountAttempts.reward(digest(account), 1).catch(() => undefined);
      throw error;
    }
  }

  /** A successful sign-in: its attempts do not count, and the account's failures are forgotten. */
  async signedIn(account: string, address: string): Promise<void> {
    await Promise.all([this.accountAttempts.delete(digest(account)), this.addressAttempts.reward(digest(clientOf(address)), 1)]);
  }
}

async function consume(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(digest(key));
  } catch (rejection) {
    throw limited(rejection);
  }
}

/** rate-limiter-flexible rejects with a RateLimiterRes when the window is full, with an Error when the store fails. */
function limited(rejection: unknown): Error {
  if (rejection instanceof RateLimiterRes) return new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
  return rejection instanceof Error ? rejection : new Error(String(rejection));
}
