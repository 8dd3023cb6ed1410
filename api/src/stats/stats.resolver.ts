import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../shared/request-context';
import { Role } from '../shared/roles';
import { ComplaintFactArgs, ComplaintFactConnection, StatisticsInput, StatisticsRow } from './stats.types';

/** Who may read BI figures: ANALYST (and BI tokens) and management. None of it is personal data. */
export const BI_ROLES = [Role.ANALYST, Role.QUALITY_MANAGER, Role.DIRECTOR];

@Resolver()
export class StatsResolver {
  @Authorized(BI_ROLES)
  @Query(() => [StatisticsRow], { description: 'Complaint statistics for a period, grouped as asked; computed in PostgreSQL.' })
  async complaintStatistics(@Arg('input', () => StatisticsInput) input: StatisticsInput, @Ctx() { services }: RequestContext): Promise<StatisticsRow[]> {
    return services.stats.statistics(input);
  }

  @Authorized(BI_ROLES)
  @Query(() => ComplaintFactConnection, { description: 'Pseudonymised complaint rows for incremental extraction (also as CSV: GET /bi/complaints.csv).' })
  async complaintFacts(@Args(() => ComplaintFactArgs) args: ComplaintFactArgs, @Ctx() { services }: RequestContext): Promise<ComplaintFactConnection> {
    return services.stats.facts(args);
  }
}
