import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDataSource } from '../../../api/src/database/data-source';

/** `npm run db:roles` on an external server: both roles and the database from the two URLs, once, as a superuser. */
const SCRIPT = path.resolve(__dirname, '../../../api/dist/api/src/scripts/db-roles.js');

function url(user: string, password: string, database: string): string {
  const server = new URL(process.env.TEST_SERVER_URL!);
  server.username = user;
  server.password = password;
  server.pathname = `/${database}`;
  return server.toString();
}

async function sql(connection: string, text: string): Promise<unknown[]> {
  const client = new Client({ connectionString: connection });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('npm run db:roles', () => {
  const suffix = randomBytes(4).toString('hex');
  const names = { database: `klachten_roles_${suffix}`, owner: `klachten_owner_${suffix}`, request: `klachten_app_${suffix}` };
  const passwords = { owner: randomBytes(12).toString('base64url'), request: randomBytes(12).toString('base64url') };
  const env = {
    ...process.env,
    DATABASE_SUPERUSER_URL: process.env.TEST_SERVER_URL!,
    DATABASE_URL: url(names.request, passwords.request, names.database),
    DATABASE_MIGRATION_URL: url(names.owner, passwords.owner, names.database),
  };

  afterAll(async () => {
    await sql(process.env.TEST_SERVER_URL!, `DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
    await sql(process.env.TEST_SERVER_URL!, `DROP ROLE IF EXISTS ${names.request}`);
    await sql(process.env.TEST_SERVER_URL!, `DROP ROLE IF EXISTS ${names.owner}`);
  });

  it('creates the owner, the request role and the database; migrations then run as the owner and requests cannot alter the history', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT], { env });
    expect(stdout).toContain(`owner ${names.owner}`);
    // again: nothing breaks, the passwords are set anew
    await promisify(execFile)(process.execPath, [SCRIPT], { env });

    const owner = createDataSource(env.DATABASE_MIGRATION_URL);
    await owner.initialize();
    await owner.runMigrations({ transaction: 'each' });
    await owner.destroy();

    expect(await sql(env.DATABASE_URL, 'SELECT count(*)::int AS policies FROM policy')).toEqual([{ policies: 4 }]);
    await expect(sql(env.DATABASE_URL, 'DELETE FROM complaint_event')).rejects.toMatchObject({ code: '42501' });
    await expect(sql(env.DATABASE_URL, 'CREATE TABLE intruder (x int)')).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses one role for both URLs', async () => {
    const same = { ...env, DATABASE_URL: env.DATABASE_MIGRATION_URL };
    await expect(promisify(execFile)(process.execPath, [SCRIPT], { env: same })).rejects.toMatchObject({
      stderr: expect.stringMatching(/two different roles/),
    });
  });
});
