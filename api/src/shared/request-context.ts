import type { Loaders } from '../loaders';
import type { Services } from '../services';
import type { Caller } from './caller';
import type { Clock } from './clock';
import { UnauthenticatedError } from './errors';
import type { Logger } from './logger';

/** Built fresh for each request (http.ts). Only resolvers see it; services take the Caller. */
export interface RequestContext {
  requestId: string;
  caller: Caller | null;
  ip: string;
  clock: Clock;
  logger: Logger;
  services: Services;
  loaders: Loaders;
}

/** The signed-in caller of an @Authorized operation (the auth checker has already refused anonymous ones). */
export function caller(context: RequestContext): Caller {
  if (!context.caller) throw new UnauthenticatedError();
  return context.caller;
}
