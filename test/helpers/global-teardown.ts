import fs from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TEST_SERVER_URL;
  if (serverUrl && process.env.TEST_TEMPLATE_DATABASE) {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${process.env.TEST_TEMPLATE_DATABASE}`).catch(() => undefined);
    await client.end();
  }
  await globalThis.__testEmbeddedDatabase?.stop();
  if (globalThis.__testDataDir) fs.rmSync(globalThis.__testDataDir, { recursive: true, force: true });
}
