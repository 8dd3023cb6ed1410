import type { DataSource } from 'typeorm';
import { requestPool } from './database/health';
import { RateLimits } from './shared/rate-limits';
import { CalendarService } from './calendar/calendar.resolver';
import { CategoryService } from './category/category.resolver';
import { ComplaintService } from './complaint/complaint.service';
import { HistoryService } from './complaint/history.service';
import { ObjectionService } from './objection/objection.service';
import { PolicyService } from './policy/policy.resolver';
import { ExternalPartyService, ReferralService } from './referral/referral.service';
import { UnitService } from './unit/unit.service';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/token.service';
import { systemClock, type Clock } from './shared/clock';
import type { Logger } from './shared/logger';
import { ReviewService } from './review/review.service';
import { Pseudonymiser } from './shared/pseudonym';
import { StaffService } from './staff/staff.service';
import { StatsService } from './stats/stats.service';
import { ApiTokenService } from './token/api-token.service';

/** The services of every feature, created once per process and shared by all requests. */
export interface Services {
  auth: AuthService;
  staff: StaffService;
  complaints: ComplaintService;
  history: HistoryService;
  units: UnitService;
  categories: CategoryService;
  policies: PolicyService;
  calendar: CalendarService;
  objections: ObjectionService;
  referrals: ReferralService;
  externalParties: ExternalPartyService;
  apiTokens: ApiTokenService;
  stats: StatsService;
  reviews: ReviewService;
}

export interface ServiceDependencies {
  dataSource: DataSource;
  /** BI reads: their own pool and budget, on a replica when DATABASE_READ_URL is set. */
  readDataSource: DataSource;
  pseudonymSecret: string;
  clock: Clock;
  logger: Logger;
  jwtSecret: string;
  tokenTtlSeconds: number;
  submitRateLimit: number;
  websiteRateLimit: number;
}

export function createServices({
  dataSource,
  readDataSource,
  clock,
  logger,
  jwtSecret,
  pseudonymSecret,
  tokenTtlSeconds,
  submitRateLimit,
  websiteRateLimit,
}: ServiceDependencies): Services {
  // Sign-in lifetimes run on real time: the injected clock is the procedure's "now", which tests move.
  const tokens = new TokenService(jwtSecret, tokenTtlSeconds, systemClock);
  const rateLimits = new RateLimits(requestPool(dataSource), { submitsPer10Minutes: submitRateLimit, websiteSubmitsPer10Minutes: websiteRateLimit });
  const complaints = new ComplaintService(dataSource, clock, logger, rateLimits, new Pseudonymiser(pseudonymSecret));
  const apiTokens = new ApiTokenService(dataSource, clock, logger);
  const stats = new StatsService(readDataSource, clock);
  return {
    auth: new AuthService(dataSource, tokens, clock, logger, apiTokens, rateLimits),
    apiTokens,
    stats,
    reviews: new ReviewService(dataSource, readDataSource, stats, clock),
    staff: new StaffService(dataSource, logger),
    complaints,
    // A long read over the whole history: the BI pool and budget (a replica is a byte-for-byte copy to audit).
    history: new HistoryService(readDataSource),
    objections: new ObjectionService(dataSource, complaints, clock),
    referrals: new ReferralService(dataSource, complaints, clock),
    externalParties: new ExternalPartyService(dataSource),
    units: new UnitService(dataSource),
    categories: new CategoryService(dataSource),
    policies: new PolicyService(dataSource),
    calendar: new CalendarService(dataSource),
  };
}
