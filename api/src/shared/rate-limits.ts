import { createHash } from 'node:crypto';
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
}

export const SIGN_IN_LIMITS = {
  /** Failed sign-ins for one account, from wherever, before it is locked... */
  failuresPerAccount: 10,
  /** ...for this long (counted from the first failure of the window). */
  accountWindowSeconds: 15 * 60,
  /** Failed sign-ins from one address, whatever the accounts (password spraying). */
  failuresPerAddress: 50,
  addressWindowSeconds: 15 * 60,
} as const;

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

export class RateLimits {
  private readonly submissions: RateLimiterPostgres;
  private readonly accountFailures: RateLimiterPostgres;
  private readonly addressFailures: RateLimiterPostgres;

  constructor(pool: Pool, settings: RateLimitSettings) {
    const store = { storeClient: pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true } as const;
    this.submissions = new RateLimiterPostgres({ ...store, keyPrefix: 'submit', points: settings.submitsPer10Minutes, duration: 10 * 60 });
    // One of the three clears the expired rows of the shared table (every five minutes, once per instance).
    this.accountFailures = new RateLimiterPostgres({ ...store, keyPrefix: 'login-account', points: SIGN_IN_LIMITS.failuresPerAccount, duration: SIGN_IN_LIMITS.accountWindowSeconds, clearExpiredByTimeout: false });
    this.addressFailures = new RateLimiterPostgres({ ...store, keyPrefix: 'login-address', points: SIGN_IN_LIMITS.failuresPerAddress, duration: SIGN_IN_LIMITS.addressWindowSeconds, clearExpiredByTimeout: false });
  }

  /** Counts one website submission from `address`; RATE_LIMITED once the window is full. */
  async consumeSubmission(address: string): Promise<void> {
    try {
      await this.submissions.consume(digest(address));
    } catch (rejection) {
      throw limited(rejection);
    }
  }

  /** RATE_LIMITED when the account is locked or the address has failed too often. */
  async assertSignInAllowed(account: string, address: string): Promise<void> {
    const [byAccount, byAddress] = await Promise.all([this.accountFailures.get(digest(account)), this.addressFailures.get(digest(address))]);
    for (const state of [byAccount, byAddress]) {
      if (state && state.remainingPoints <= 0) throw new RateLimitedError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
    }
  }

  async recordSignInFailure(account: string, address: string): Promise<void> {
    await Promise.all([this.accountFailures.penalty(digest(account), 1), this.addressFailures.penalty(digest(address), 1)]);
  }

  /** A successful sign-in clears the account's failures (not the address's: other accounts may be sprayed from it). */
  async recordSignInSuccess(account: string): Promise<void> {
    await this.accountFailures.delete(digest(account));
  }
}

/** rate-limiter-flexible rejects with a RateLimiterRes when the window is full, with an Error when the store fails. */
function limited(rejection: unknown): Error {
  if (rejection instanceof RateLimiterRes) return new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
  return rejection instanceof Error ? rejection : new Error(String(rejection));
}
