import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AbstractLogger, type DataSource, type LogLevel, type LogMessage } from 'typeorm';
import type { Config } from './config';
import { createDataSource } from './database/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { createHttpApp } from './http';
import { createServices, type Services } from './services';
import { systemClock, type Clock } from './shared/clock';
import { createLogger, type Logger } from './shared/logger';

export interface RunningApp {
  url: string;
  dataSource: DataSource;
  services: Services;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Sees every SQL statement the app sends (tests count them). */
  onQuery?: (sql: string) => void;
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

/** config → database (embedded unless DATABASE_URL) → migrations → services → HTTP. */
export async function startApp(config: Config, { clock = systemClock, logger = createLogger(config.logLevel), onQuery }: StartOptions = {}): Promise<RunningApp> {
  const started = Date.now();
  let embedded: EmbeddedDatabase | undefined;
  let dataSource: DataSource | undefined;
  let readDataSource: DataSource | undefined;
  try {
    if (!config.databaseUrl) embedded = await startEmbeddedDatabase(config.dataDir, logger);
    const databaseUrl = config.databaseUrl ?? embedded!.url;

    const observe = onQuery ? { logging: ['query' as const], logger: new QueryObserver(onQuery) } : {};
    dataSource = createDataSource(databaseUrl, observe);
    await dataSource.initialize();
    // BI reads go to DATABASE_READ_URL when set (a replica); the schema there comes from the primary's migrations.
    readDataSource = config.databaseReadUrl ? createDataSource(config.databaseReadUrl, { ...observe, applicationName: 'klachtenregistratie-bi' }) : dataSource;
    if (readDataSource !== dataSource) await readDataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info('migrations applied', { migrations: applied.map((migration) => migration.name) });

    const services = createServices({ dataSource, readDataSource, clock, logger, jwtSecret: secret(config, config.jwtSecret, 'jwt-secret'), pseudonymSecret: secret(config, config.pseudonymSecret, 'pseudonym-secret'), tokenTtlSeconds: config.tokenTtlSeconds, submitRateLimit: config.submitRateLimit });
    await services.auth.ensureFirstAdmin(config, services.staff);

    const http = await createHttpApp({ config, dataSource, services, clock, logger });
    await new Promise<void>((resolve, reject) => {
      http.server.once('error', reject);
      http.server.listen(config.port, config.host, () => resolve());
    });
    const { port } = http.server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.info('ready', { url, admin: `${url}/admin/`, database: embedded ? `embedded (${config.dataDir})` : 'DATABASE_URL', ms: Date.now() - started });

    const readyDataSource = dataSource;
    let stopping: Promise<void> | undefined;
    return {
      url,
      dataSource: readyDataSource,
      services,
      stop() {
        stopping ??= (async () => {
          await http.stop();
          if (readDataSource && readDataSource !== readyDataSource) await readDataSource.destroy();
          await readyDataSource.destroy();
          await embedded?.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    if (readDataSource && readDataSource !== dataSource) await readDataSource.destroy().catch(() => undefined);
    await dataSource?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
