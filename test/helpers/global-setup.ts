import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Client } from 'pg';
import { createDataSource } from '../../api/src/database/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../api/src/database/embedded';
import { createLogger } from '../../api/src/shared/logger';

declare global {
  var __testEmbeddedDatabase: EmbeddedDatabase | undefined;
  var __testDataDir: string | undefined;
}

/**
 * One PostgreSQL for the run: DATABASE_URL when set, else an embedded one in a temporary folder.
 * Migrations run once into a template database; each test file clones it (CREATE DATABASE ... TEMPLATE),
 * so files run in parallel on their own freshly migrated database.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-test-'));
    fs.chmodSync(dataDir, 0o755);
    globalThis.__testDataDir = dataDir;
    globalThis.__testEmbeddedDatabase = await startEmbeddedDatabase(dataDir, createLogger('warn'));
    serverUrl = globalThis.__testEmbeddedDatabase.url;
  }
  const template = `klachten_template_${process.pid}`;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${template}`);
    await client.query(`CREATE DATABASE ${template}`);
  } finally {
    await client.end();
  }
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  const dataSource = createDataSource(templateUrl.toString());
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
}
