import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../shared/request-context';
import { ROLES_FOR } from '../shared/roles';
import { ComplaintFactArgs, ComplaintFactConnection, StatisticsInput, StatisticsRow } from './stats.types';

/** Who may read BI figures: ANALYST (and BI tokens) and management. None of it is personal data. */

@Resolver()
export class StatsResolver {
  @Authorized(ROLES_FOR.STATISTICS)
  @Query(() => [StatisticsRow], { description: 'Complaint statistics for a period, grouped as asked; computed in PostgreSQL.' })
  async complaintStatistics(@Arg('input', () => StatisticsInput) input: StatisticsInput, @Ctx() { services }: RequestContext): Promise<StatisticsRow[]> {
    return services.stats.statistics(input);
  }

  @Authorized(ROLES_FOR.STATISTICS)
  @Query(() => ComplaintFactConnection, { description: 'Pseudonymised complaint rows for incremental extraction (also as CSV: GET /bi/complaints.csv).' })
  async complaintFacts(@Args(() => ComplaintFactArgs) args: ComplaintFactArgs, @Ctx() { services }: RequestContext): Promise<ComplaintFactConnection> {
    return services.stats.facts(args);
  }
}
