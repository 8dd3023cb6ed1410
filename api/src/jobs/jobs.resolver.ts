import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ROLES_FOR } from '../shared/roles';
import type { RequestContext } from '../shared/request-context';
import { FailedJob, JobQueueName, JobQueueState } from './jobs.types';

/** The scheduled work, for the ADMIN: what waits, what runs, what failed. */
@Resolver()
export class JobsResolver {
  @Authorized(ROLES_FOR.ADMINISTRATION)
  @Query(() => [JobQueueState], { description: 'The queues of scheduled work (deadline watch, daily digest, failed jobs) and their jobs by state.' })
  async jobQueues(@Ctx() context: RequestContext): Promise<JobQueueState[]> {
    return context.services.jobs.queues();
  }

  @Authorized(ROLES_FOR.ADMINISTRATION)
  @Query(() => [FailedJob], { description: 'Jobs that failed after their last attempt, newest first (at most 100).' })
  async failedJobs(@Ctx() context: RequestContext): Promise<FailedJob[]> {
    return context.services.jobs.failed();
  }

  @Authorized(ROLES_FOR.ADMINISTRATION)
  @Mutation(() => Boolean, { description: 'Another attempt for a failed job.' })
  async retryJob(@Arg('queue', () => JobQueueName) queue: JobQueueName, @Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<boolean> {
    return context.services.jobs.retry(queue, id);
  }
}
