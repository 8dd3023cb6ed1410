import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../api/src/database/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../api/src/database/embedded';
import { ensureDatabaseRoles } from '../../api/src/database/roles';
import { createLogger } from '../../api/src/shared/logger';

declare global {
  var __testEmbeddedDatabase: EmbeddedDatabase | undefined;
  var __testDataDir: string | undefined;
}

/** The roles the tests use on an external server (their own names: a real deployment's passwords are never touched). */
export const TEST_ROLES = { owner: 'klachten_test_owner', request: 'klachten_test_app' } as const;

/**
 * One PostgreSQL for the run: DATABASE_URL when set (as a superuser), else an embedded one in a temporary
 * folder. As in production, an owner role runs the migrations and a request role that owns nothing serves
 * the app (api/src/database/roles.ts). Migrations run once into a template database owned by the owner;
 * each test file clones it (CREATE DATABASE ... TEMPLATE), so files run in parallel on their own database.
 */
export default async function globalSetup(): Promise<void> {
  let superuserUrl = process.env.DATABASE_URL;
  const roles = {
    owner: { name: TEST_ROLES.owner, password: randomBytes(18).toString('base64url') },
    request: { name: TEST_ROLES.request, password: randomBytes(18).toString('base64url') },
  };
  if (!superuserUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-test-'));
    fs.chmodSync(dataDir, 0o755);
    globalThis.__testDataDir = dataDir;
    globalThis.__testEmbeddedDatabase = await startEmbeddedDatabase(dataDir, createLogger('warn'));
    superuserUrl = globalThis.__testEmbeddedDatabase.superuserUrl;
  }
  const template = `klachten_template_${process.pid}`;
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await ensureDatabaseRoles(client, roles);
    await client.query(`DROP DATABASE IF EXISTS ${template}`);
    await client.query(`CREATE DATABASE ${template} OWNER ${TEST_ROLES.owner}`);
    await client.query(`REVOKE ALL ON DATABASE ${template} FROM PUBLIC`);
  } finally {
    await client.end();
  }
  const ownerUrl = new URL(superuserUrl);
  ownerUrl.username = roles.owner.name;
  ownerUrl.password = roles.owner.password;
  ownerUrl.pathname = `/${template}`;
  const dataSource = createDataSource(ownerUrl.toString());
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env.TEST_SERVER_URL = superuserUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
  process.env.TEST_ROLES = JSON.stringify(roles);
}
