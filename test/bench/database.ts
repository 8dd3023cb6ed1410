import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../api/src/database/embedded';
import { createLogger } from '../../api/src/shared/logger';

export const BENCH_DATABASE = 'klachten_bench';

export interface BenchDatabase {
  /** The bench database (klachten_bench) on the chosen server. */
  url: string;
  /** Where it runs, without credentials. */
  label: string;
  /** Drops the bench database and creates it empty again. */
  recreate(): Promise<void>;
  stop(): Promise<void>;
}

async function ensureDatabase(serverUrl: string, name: string, drop = false): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    if (drop) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL's server when set, else an embedded PostgreSQL under DATA_DIR (default .data/bench). */
export async function openBenchDatabase(root: string): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL?.trim();
  let serverUrl: string;
  let label: string;
  let stop = async (): Promise<void> => undefined;
  if (external) {
    serverUrl = external;
    const url = new URL(external);
    label = `DATABASE_URL (${url.hostname}:${url.port || 5432})`;
  } else {
    const dataDir = path.resolve(root, process.env.DATA_DIR?.trim() || '.data/bench');
    const embedded = await startEmbeddedDatabase(dataDir, createLogger('warn'));
    serverUrl = embedded.url;
    label = `embedded (${path.relative(root, dataDir) || dataDir})`;
    stop = () => embedded.stop();
  }
  await ensureDatabase(serverUrl, BENCH_DATABASE);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return { url: url.toString(), label, recreate: () => ensureDatabase(serverUrl, BENCH_DATABASE, true), stop };
}
