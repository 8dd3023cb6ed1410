import 'reflect-metadata';
import { Client } from 'pg';
import { ensureDatabaseRoles, handOverToOwner } from '../database/roles';

/**
 * `npm run db:roles`: once, on an external PostgreSQL, as a superuser (DATABASE_SUPERUSER_URL), create what
 * DATABASE_URL (the request role) and DATABASE_MIGRATION_URL (the owner) name: both login roles with their
 * passwords, the group role klachten_api, and the database, owned by the owner. Safe to run again (it sets
 * the passwords anew and takes anything in the database over to the owner).
 */
function role(variable: string): { name: string; password: string; database: string } {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set`);
  const url = new URL(value);
  if (!url.username || !url.password) throw new Error(`${variable} must name a user and a password`);
  return { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: url.pathname.slice(1) };
}

async function run(): Promise<void> {
  const superuserUrl = process.env.DATABASE_SUPERUSER_URL;
  if (!superuserUrl) throw new Error('DATABASE_SUPERUSER_URL is not set (a superuser on the server, e.g. postgres://postgres:secret@db:5432/postgres)');
  const request = role('DATABASE_URL');
  const owner = role('DATABASE_MIGRATION_URL');
  if (request.name === owner.name) throw new Error('DATABASE_URL and DATABASE_MIGRATION_URL must name two different roles');
  if (request.database !== owner.database) throw new Error('DATABASE_URL and DATABASE_MIGRATION_URL must name the same database');

  const server = new Client({ connectionString: superuserUrl });
  await server.connect();
  try {
    await ensureDatabaseRoles(server, { owner, request });
    const { rowCount } = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [owner.database]);
    if (!rowCount) await server.query(`CREATE DATABASE ${server.escapeIdentifier(owner.database)} OWNER ${server.escapeIdentifier(owner.name)}`);
  } finally {
    await server.end();
  }
  const inDatabase = new URL(superuserUrl);
  inDatabase.pathname = `/${owner.database}`;
  const database = new Client({ connectionString: inDatabase.toString() });
  await database.connect();
  try {
    await handOverToOwner(database, owner.database, owner.name);
  } finally {
    await database.end();
  }
  process.stdout.write(`database ${owner.database}: owner ${owner.name} (migrations), requests ${request.name} (member of klachten_api)\n`);
}

run().catch((error: unknown) => {
  process.stderr.write(`db:roles failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
