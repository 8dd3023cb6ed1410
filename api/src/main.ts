import module from 'node:module';
import type * as AppModule from './app';
import type * as ConfigModule from './config';
import type * as EmbeddedModule from './database/embedded';

// Node ≥ 22.1 keeps the compiled code of the modules on disk (in the system's temporary directory), so that a
// restart does not compile them again; before anything else is required. Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
/* eslint-disable @typescript-eslint/no-require-imports */
require('reflect-metadata');
const { startApp } = require('./app') as typeof AppModule;
const { ConfigError, loadConfig } = require('./config') as typeof ConfigModule;
const { DataDirInUseError } = require('./database/embedded') as typeof EmbeddedModule;
/* eslint-enable @typescript-eslint/no-require-imports */

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
