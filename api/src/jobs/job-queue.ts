import PgBoss from 'pg-boss';
import { ZONE } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { JobQueueName } from './jobs.types';

/**
 * Scheduled work on pg-boss, in the same PostgreSQL (schema `pgboss`): it takes jobs with SKIP LOCKED, so any
 * number of instances share one queue; a cron schedule makes one job per minute whatever the number of
 * instances; a job that fails is retried with backoff and then lands, failed, in `failed-jobs`, where an ADMIN
 * sees it and can retry it. The jobs only say "look now": what is due is decided by the watch on the injected
 * clock, and what it writes is once-only by unique keys (api/src/jobs/deadline-watch.ts).
 */
export const JOB_SCHEMA = 'pgboss';

export const QUEUES = {
  /** Every minute: requests that lapsed, deadlines that passed, reminders, second escalations, hearings tomorrow. */
  watch: JobQueueName.DEADLINE_WATCH,
  /** Every day at DIGEST_TIME (Amsterdam); a day that is not a working day is skipped. */
  digest: JobQueueName.DAILY_DIGEST,
  /** Every minute, and at once after a step wrote a message: the outbox's messages that are due. */
  outbox: JobQueueName.MAIL_OUTBOX,
  /** Every night at RETENTION_TIME: dossiers past their retention period are anonymised, their files removed. */
  retention: JobQueueName.RETENTION,
  /** Every minute: the statistics rollup written again for the days that changed (api/src/stats/rollup.ts). */
  statistics: JobQueueName.STATISTICS,
  /** Where a job ends after its last retry. */
  failed: JobQueueName.FAILED_JOBS,
} as const;

const RETRIES = { retryLimit: 4, retryDelay: 15, retryBackoff: true, deadLetter: QUEUES.failed };

/**
 * The dead-letter queue first: the others refer to it. `standard`, not `stately`: a job left active by a
 * process that died (SIGKILL, a lost machine) must not hold the queue until it expires — a new run starts
 * at once, and two runs at the same time are harmless (what they write is once-only).
 */
const QUEUE_OPTIONS: Array<[string, Omit<PgBoss.Queue, 'name'>]> = [
  [QUEUES.failed, { policy: 'standard', retentionMinutes: 60 * 24 * 30 }],
  [QUEUES.watch, { policy: 'standard', expireInSeconds: 300, ...RETRIES }],
  [QUEUES.digest, { policy: 'standard', expireInSeconds: 1800, ...RETRIES }],
  [QUEUES.outbox, { policy: 'standard', expireInSeconds: 600, ...RETRIES }],
  [QUEUES.retention, { policy: 'standard', expireInSeconds: 3600, ...RETRIES }],
  [QUEUES.statistics, { policy: 'standard', expireInSeconds: 1800, ...RETRIES }],
];

/** The night's retention run (Amsterdam): after the day's work, before the digest. */
export const RETENTION_TIME = '03:15';

/** "08:00" → the cron line of that time every day. */
export function dailyCron(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}

/**
 * pg-boss's schema, queues and schedules, as the owner (never the request role): created or upgraded by
 * pg-boss itself, then the request role's group gets exactly the rows' rights. Run at every start, under an
 * advisory lock so that instances starting together take turns.
 */
export async function installJobQueue(ownerUrl: string, requestGroup: string, digestTime: string, logger: Logger): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false, max: 1 });
  boss.on('error', (error) => logger.error('job queue install', { error: error.message }));
  await boss.start();
  const db = boss.getDb();
  try {
    await db.executeSql(`SELECT pg_advisory_lock(hashtext('klachtenregistratie:job-queue'))`, []);
    for (const [name, options] of QUEUE_OPTIONS) {
      if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...options });
      else await boss.createQueue(name, { name, ...options });
    }
    await boss.schedule(QUEUES.watch, '* * * * *', {}, { tz: ZONE, singletonKey: 'minute' });
    await boss.schedule(QUEUES.digest, dailyCron(digestTime), {}, { tz: ZONE, singletonKey: 'day' });
    await boss.schedule(QUEUES.outbox, '* * * * *', {}, { tz: ZONE, singletonKey: 'minute' });
    await boss.schedule(QUEUES.retention, dailyCron(RETENTION_TIME), {}, { tz: ZONE, singletonKey: 'day' });
    await boss.schedule(QUEUES.statistics, '* * * * *', {}, { tz: ZONE, singletonKey: 'minute' });
    await db.executeSql(
      `GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${requestGroup};
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${requestGroup};
       GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ${requestGroup}`,
      [],
    );
    await db.executeSql(`SELECT pg_advisory_unlock(hashtext('klachtenregistratie:job-queue'))`, []);
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
  }
}

export interface JobHandlers {
  watch: () => Promise<unknown>;
  digest: () => Promise<unknown>;
  outbox: () => Promise<unknown>;
  retention: () => Promise<unknown>;
  statistics: () => Promise<unknown>;
}

/**
 * The queue as the request role: every instance sends and retries through it; with `work` it also runs the
 * workers (WORKERS=on, the default; `npm run worker` runs only this).
 */
export class JobQueue {
  private boss?: PgBoss;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  async start(handlers: JobHandlers | null): Promise<void> {
    const work = handlers !== null;
    const boss = new PgBoss({
      connectionString: this.url,
      schema: JOB_SCHEMA,
      application_name: work ? 'klachtenregistratie-worker' : 'klachtenregistratie-jobs',
      max: work ? 4 : 2,
      migrate: false,
      // the schedules and the housekeeping (expiry, archive, retention) run where the workers run
      supervise: work,
      schedule: work,
    });
    boss.on('error', (error) => this.logger.error('job queue', { error: error.message }));
    await boss.start();
    this.boss = boss;
    if (!handlers) return;
    const run = (name: string, handler: () => Promise<unknown>) => async (jobs: PgBoss.Job[]) => {
      for (const job of jobs) {
        const started = Date.now();
        const result = await handler();
        this.logger.debug('job done', { queue: name, id: job.id, ms: Date.now() - started, result });
      }
    };
    await boss.work(QUEUES.watch, { pollingIntervalSeconds: 2 }, run(QUEUES.watch, handlers.watch));
    await boss.work(QUEUES.digest, { pollingIntervalSeconds: 10 }, run(QUEUES.digest, handlers.digest));
    await boss.work(QUEUES.outbox, { pollingIntervalSeconds: 2 }, run(QUEUES.outbox, handlers.outbox));
    await boss.work(QUEUES.retention, { pollingIntervalSeconds: 30 }, run(QUEUES.retention, handlers.retention));
    await boss.work(QUEUES.statistics, { pollingIntervalSeconds: 10 }, run(QUEUES.statistics, handlers.statistics));
    // whatever fell due while no instance ran is caught up now, once (the watch writes each thing once)
    await this.send(QUEUES.watch);
    await this.send(QUEUES.statistics);
  }

  /** Asks for a run now. */
  async send(queue: string, data: object = {}): Promise<string | null> {
    if (!this.boss) throw new Error('the job queue is not started');
    return this.boss.send(queue, data);
  }

  async retry(queue: string, id: string): Promise<void> {
    if (!this.boss) throw new Error('the job queue is not started');
    await this.boss.retry(queue, id);
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = undefined;
  }
}
