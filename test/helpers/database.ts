import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** The request role (owns nothing, member of klachten_api): what the app serves requests with. */
  url: string;
  /** The owner: migrations. */
  ownerUrl: string;
  name: string;
  /** Runs SQL as the server's superuser on the test server's maintenance database. */
  admin(sql: string): Promise<void>;
  drop(): Promise<void>;
}

interface Roles {
  owner: { name: string; password: string };
  request: { name: string; password: string };
}

function serverUrl(): string {
  const url = process.env.TEST_SERVER_URL;
  if (!url) throw new Error('TEST_SERVER_URL is unset: run the tests through jest (its global setup starts PostgreSQL).');
  return url;
}

export function testRoles(): Roles {
  return JSON.parse(process.env.TEST_ROLES ?? '{}') as Roles;
}

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function urlFor(role: { name: string; password: string }, database: string): string {
  const url = new URL(serverUrl());
  url.username = role.name;
  url.password = role.password;
  url.pathname = `/${database}`;
  return url.toString();
}

/** A freshly migrated database of its own, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `klachten_test_${randomBytes(6).toString('hex')}`;
  const roles = testRoles();
  await onServer(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DATABASE} OWNER ${roles.owner.name}`);
  await onServer(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
  await onServer(`GRANT CONNECT ON DATABASE ${name} TO klachten_api`);
  return {
    url: urlFor(roles.request, name),
    ownerUrl: urlFor(roles.owner, name),
    name,
    admin: onServer,
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
