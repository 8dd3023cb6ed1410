import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AbstractLogger, type DataSource, type LogLevel, type LogMessage } from 'typeorm';
import type { Config } from './config';
import { createDataSource } from './database/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { DatabaseHealth } from './database/health';
import { poolOptions } from './database/pool';
import { PRIVILEGE_REPORT_SQL, REQUEST_GROUP_ROLE, type PrivilegeReport } from './database/roles';
import { createHttpApp } from './http';
import { installJobQueue, JobQueue, type JobHandlers } from './jobs/job-queue';
import { createFileStore } from './files/file-store';
import { createServices, type Services } from './services';
import { systemClock, type Clock } from './shared/clock';
import { createLogger, type Logger } from './shared/logger';

export interface RunningApp {
  url: string;
  dataSource: DataSource;
  services: Services;
  /** The job queue (its workers run here when WORKERS=on). */
  jobs: JobQueue;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Sees every SQL statement the app sends (tests count them). */
  onQuery?: (sql: string) => void;
  /** false: no HTTP, only the workers (`npm run worker`). */
  serve?: boolean;
}

class QueryObserver extends AbstractLogger {
  constructor(private readonly observe: (sql: string) => void) {
    super(['query']);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    if (level !== 'query') return;
    for (const entry of Array.isArray(message) ? message : [message]) this.observe(String(entry.message));
  }
}

/** Outside production a secret is generated once and kept under DATA_DIR, so tokens and pseudonyms survive restarts. */
function secret(config: Config, configured: string | undefined, name: string): string {
  if (configured) return configured;
  const file = path.join(config.dataDir, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The request role must not be able to rewrite the history; say so loudly when it can (one URL for both roles). */
async function checkRequestRole(dataSource: DataSource, logger: Logger): Promise<void> {
  const [report] = (await dataSource.query(PRIVILEGE_REPORT_SQL)) as PrivilegeReport[];
  if (!report.superuser && !report.ownsObjects && !report.inRequestGroup) {
    throw new Error(
      `The request role ${report.role} is not a member of ${REQUEST_GROUP_ROLE}: as a superuser, run GRANT ${REQUEST_GROUP_ROLE} TO ${report.role};`,
    );
  }
  if (report.superuser || report.ownsObjects || report.canAlterHistory) {
    logger.warn(
      'the request role can alter the complaint history: give DATABASE_URL a role that owns nothing and DATABASE_MIGRATION_URL the owner (README, An external PostgreSQL)',
      {
        role: report.role,
        superuser: report.superuser,
        ownsObjects: report.ownsObjects,
      },
    );
  }
}

/** What the workers run: the watch, the outbox and the statistics every minute, the digest every working day, retention every night. */
export const workersOf = (services: Services): JobHandlers => ({
  watch: () => services.watch.run(),
  digest: () => services.digest.run(),
  outbox: () => services.outbox.sendDue(),
  retention: () => services.retention.run(),
  statistics: () => services.statisticsRollup.run(),
});

/** Runs the migrations as the owner, on a connection of its own that is closed again: requests never hold it. */
async function migrate(url: string, config: Config, logger: Logger): Promise<void> {
  const owner = createDataSource(url, { applicationName: 'klachtenregistratie-migrations', extra: poolOptions(config.database, 'owner') });
  await owner.initialize();
  try {
    const applied = await owner.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info('migrations applied', { migrations: applied.map((migration) => migration.name) });
  } finally {
    await owner.destroy();
  }
}

/** config → database (embedded unless DATABASE_URL) → migrations (owner) → services (request role) → HTTP. */
export async function startApp(
  config: Config,
  { clock = systemClock, logger = createLogger(config.logLevel), onQuery, serve = true }: StartOptions = {},
): Promise<RunningApp> {
  const started = Date.now();
  // Where a start spends its time, in the ready line: each phase since the one before, and the process's own load before startApp.
  const phases: Record<string, number> = { load: Math.round(performance.now()) };
  let lapStarted = started;
  const lap = (phase: string) => {
    const now = Date.now();
    phases[phase] = now - lapStarted;
    lapStarted = now;
  };
  let embedded: EmbeddedDatabase | undefined;
  let dataSource: DataSource | undefined;
  let readDataSource: DataSource | undefined;
  let health: DatabaseHealth | undefined;
  let jobQueue: JobQueue | undefined;
  try {
    if (!config.databaseUrl) embedded = await startEmbeddedDatabase(config.dataDir, logger);
    lap('database');
    const databaseUrl = config.databaseUrl ?? embedded!.url;
    const ownerUrl = config.databaseMigrationUrl ?? embedded!.ownerUrl;
    await migrate(ownerUrl, config, logger);
    lap('migrations');
    await installJobQueue(ownerUrl, REQUEST_GROUP_ROLE, config.digestTime, logger);
    lap('jobSchema');

    const observe = onQuery ? { logging: ['query' as const], logger: new QueryObserver(onQuery) } : {};
    dataSource = createDataSource(databaseUrl, { ...observe, extra: poolOptions(config.database, 'request') });
    await dataSource.initialize();
    await checkRequestRole(dataSource, logger);
    // BI reads have their own pool and longer budget, on DATABASE_READ_URL when set (a replica whose schema
    // comes from the primary's migrations).
    readDataSource = createDataSource(config.databaseReadUrl ?? databaseUrl, {
      ...observe,
      applicationName: 'klachtenregistratie-bi',
      extra: poolOptions(config.database, 'bi'),
    });
    await readDataSource.initialize();
    health = new DatabaseHealth(databaseUrl, dataSource);
    jobQueue = new JobQueue(databaseUrl, logger);
    const files = createFileStore(config.files, logger);
    await files.check();
    lap('pools');

    const pseudonymSecret = secret(config, config.pseudonymSecret, 'pseudonym-secret');
    const services = createServices({
      dataSource,
      readDataSource,
      biStatementTimeoutMs: config.database.biStatementTimeoutMs,
      clock,
      logger,
      jwtSecret: secret(config, config.jwtSecret, 'jwt-secret'),
      pseudonymSecret,
      tokenTtlSeconds: config.tokenTtlSeconds,
      submitRateLimit: config.submitRateLimit,
      websiteRateLimit: config.websiteRateLimit,
      jobQueue,
      mail: { smtpUrl: config.smtpUrl, from: config.mailFrom },
      organisation: {
        name: config.organisationName,
        address: config.organisationAddress,
        logo: config.organisationLogo,
        mailFrom: config.mailFrom,
        publicUrl: config.publicUrl,
      },
      files,
      attachmentLimits: config.attachments,
    });
    await services.auth.ensureFirstAdmin(config);
    await jobQueue.start(config.workers ? workersOf(services) : null);
    lap('jobs');

    const database = embedded ? `embedded (${config.dataDir})` : 'DATABASE_URL';
    let http: Awaited<ReturnType<typeof createHttpApp>> | undefined;
    let url = '';
    if (serve) {
      const served = await createHttpApp({ config, dataSource, health, services, clock, logger, siteSecret: pseudonymSecret });
      http = served;
      await new Promise<void>((resolve, reject) => {
        served.server.once('error', reject);
        served.server.listen(config.port, config.host, () => resolve());
      });
      const { port } = served.server.address() as AddressInfo;
      url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      lap('http');
      logger.info('ready', { url, admin: `${url}/admin/`, database, workers: config.workers, ms: Date.now() - started, phases });
    } else {
      logger.info('worker ready', { database, ms: Date.now() - started, phases });
    }

    const readyDataSource = dataSource;
    const readyReadDataSource = readDataSource;
    const readyHealth = health;
    const readyJobs = jobQueue;
    let stopping: Promise<void> | undefined;
    return {
      url,
      dataSource: readyDataSource,
      services,
      jobs: readyJobs,
      stop() {
        stopping ??= (async () => {
          await http?.stop();
          await readyJobs.stop();
          services.files.close();
          await readyHealth.stop();
          await readyReadDataSource.destroy();
          await readyDataSource.destroy();
          await embedded?.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await jobQueue?.stop().catch(() => undefined);
    await health?.stop().catch(() => undefined);
    await readDataSource?.destroy().catch(() => undefined);
    await dataSource?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
