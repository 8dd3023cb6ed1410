import 'reflect-metadata';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { DataDirInUseError } from './database/embedded';

/**
 * Bootstrap only: config → app; one clear line and exit 1 when it cannot start. With `--worker` (`npm run
 * worker`) it serves no HTTP and runs only the scheduled work, on the database of DATABASE_URL.
 */
async function main(): Promise<void> {
  const worker = process.argv.includes('--worker');
  let config;
  try {
    config = loadConfig(worker ? { ...process.env, WORKERS: 'on' } : process.env);
    if (worker && !config.databaseUrl) throw new ConfigError('DATABASE_URL', "is required by npm run worker (it shares the API instances' database)");
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let app;
  try {
    app = await startApp(config, { serve: !worker });
  } catch (error) {
    const message = error instanceof DataDirInUseError ? error.message : `Could not start: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }

  const running = app;
  const shutdown = (signal: string): void => {
    process.stderr.write(`${signal}: shutting down\n`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
