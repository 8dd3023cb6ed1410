import type { DataSource } from 'typeorm';
import { NotFoundError } from '../shared/errors';
import { JOB_SCHEMA, QUEUES, type JobQueue } from './job-queue';
import type { FailedJob, JobQueueName, JobQueueState } from './jobs.types';

/** The ADMIN's view of the scheduled work: the queues' states, the jobs that failed, and retrying one. */
export class JobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  async queues(): Promise<JobQueueState[]> {
    const rows = (await this.dataSource.query(
      `SELECT q.name,
         count(j.id) FILTER (WHERE j.state = 'created')::int AS created,
         count(j.id) FILTER (WHERE j.state = 'retry')::int AS retry,
         count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
         count(j.id) FILTER (WHERE j.state = 'completed')::int AS completed,
         count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed,
         count(j.id) FILTER (WHERE j.state = 'cancelled')::int AS cancelled,
         max(j.completed_on) FILTER (WHERE j.state = 'completed') AS "lastCompletedAt"
       FROM ${JOB_SCHEMA}.queue q LEFT JOIN ${JOB_SCHEMA}.job j ON j.name = q.name
       WHERE q.name = ANY($1)
       GROUP BY q.name ORDER BY q.name`,
      [Object.values(QUEUES)],
    )) as JobQueueState[];
    return rows;
  }

  async failed(): Promise<FailedJob[]> {
    return (await this.dataSource.query(
      `SELECT id, name AS queue, created_on AS "createdAt", completed_on AS "failedAt", retry_count + 1 AS attempts,
              coalesce(output->>'message', output::text) AS error
       FROM ${JOB_SCHEMA}.job WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 100`,
    )) as FailedJob[];
  }

  /** Asks for a run of a queue now (best effort: its cron runs it within the minute anyway). */
  async nudge(queue: JobQueueName): Promise<void> {
    await this.queue.send(queue).catch(() => undefined);
  }

  /** Another attempt for a failed job. */
  async retry(queue: JobQueueName, id: string): Promise<boolean> {
    const [job] = (await this.dataSource.query(`SELECT state FROM ${JOB_SCHEMA}.job WHERE name = $1 AND id = $2`, [queue, id])) as Array<{ state: string }>;
    if (job?.state !== 'failed') throw new NotFoundError('Failed job', id);
    await this.queue.retry(queue, id);
    return true;
  }
}
