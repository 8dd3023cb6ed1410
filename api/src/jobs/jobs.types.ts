import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The queues, by their names in pg-boss (job-queue.ts QUEUES). */
export enum JobQueueName {
  DEADLINE_WATCH = 'deadline-watch',
  DAILY_DIGEST = 'daily-digest',
  MAIL_OUTBOX = 'mail-outbox',
  RETENTION = 'retention',
  STATISTICS = 'statistics',
  FAILED_JOBS = 'failed-jobs',
}
registerEnumType(JobQueueName, {
  name: 'JobQueueName',
  valuesConfig: {
    DEADLINE_WATCH: { description: 'Every minute: lapses, breaches and escalations, reminders, hearings tomorrow.' },
    DAILY_DIGEST: { description: 'Every working day at DIGEST_TIME.' },
    MAIL_OUTBOX: { description: 'Every minute, and after each step that wrote a message: the outbox.' },
    RETENTION: { description: 'Every night: dossiers past their retention period are anonymised (the ledger), their files removed.' },
    STATISTICS: { description: 'Every minute: the statistics rollup of the days that changed.' },
    FAILED_JOBS: { description: 'Where a job ends after its last attempt.' },
  },
});

@ObjectType({ description: 'A queue of scheduled work and how many of its jobs are in each state.' })
export class JobQueueState {
  @Field(() => JobQueueName)
  name: JobQueueName;

  @Field(() => Int, { description: 'Waiting for their moment or a worker.' })
  created: number;

  @Field(() => Int, { description: 'Failed and waiting for the next attempt (with backoff).' })
  retry: number;

  @Field(() => Int)
  active: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int, { description: 'Failed after the last attempt: in failed-jobs, to be retried by an ADMIN.' })
  failed: number;

  @Field(() => Int)
  cancelled: number;

  @Field(() => Date, { nullable: true, description: 'When a job of this queue last completed.' })
  lastCompletedAt: Date | null;
}

@ObjectType({ description: 'A job that failed after its last attempt.' })
export class FailedJob {
  @Field(() => ID)
  id: string;

  @Field(() => JobQueueName)
  queue: JobQueueName;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  failedAt: Date | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true, description: 'The error of the last attempt.' })
  error: string | null;
}
