import type { DataSource } from 'typeorm';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/token.service';
import type { Clock } from './shared/clock';
import type { Logger } from './shared/logger';
import { StaffService } from './staff/staff.service';

/** The services of every feature, created once per process and shared by all requests. */
export interface Services {
  auth: AuthService;
  staff: StaffService;
}

export interface ServiceDependencies {
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  jwtSecret: string;
  tokenTtlSeconds: number;
}

export function createServices({ dataSource, clock, logger, jwtSecret, tokenTtlSeconds }: ServiceDependencies): Services {
  const tokens = new TokenService(jwtSecret, tokenTtlSeconds, clock);
  return {
    auth: new AuthService(dataSource, tokens, clock, logger),
    staff: new StaffService(dataSource, logger),
  };
}
