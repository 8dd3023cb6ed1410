import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startApp, type RunningApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import type { Clock } from '../../api/src/shared/clock';
import { createLogger } from '../../api/src/shared/logger';
import { createTestDatabase, type TestDatabase } from './database';

export const ADMIN = { email: 'admin@example.org', password: 'admin-password-123' } as const;

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers?: Headers;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string; fieldErrors?: Record<string, string> } }>;
}

export interface TestApp {
  url: string;
  database: TestDatabase;
  running: RunningApp;
  /** DATA_DIR: the disk store's files are under files/. */
  dataDir: string;
  /** POST /graphql over real HTTP, as the holder of `token` (anonymous without one). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  login(email: string, password: string): Promise<string>;
  /** Every SQL statement the app sent since the last reset. */
  queries: string[];
  stop(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  env?: Record<string, string>;
  /** Receives every log line (JSON) the app writes, at debug level and up. */
  log?: string[];
  /** Another database (an instance beside another one on the same database). */
  database?: TestDatabase;
}

/** The real app (migrations, services, HTTP) on a free port and a database of its own. */
export async function startTestApp({ clock, env = {}, log, database: shared }: TestAppOptions = {}): Promise<TestApp> {
  const database = shared ?? (await createTestDatabase());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    DATABASE_MIGRATION_URL: database.ownerUrl,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
    PSEUDONYM_SECRET: 'a-test-pseudonym-secret-of-32-characters-or-more',
    LOG_LEVEL: 'silent',
    // the job queue's workers move by real time: tests run the watch themselves on their own clock, unless they ask
    WORKERS: 'off',
    ...env,
  });
  const queries: string[] = [];
  const logger = log ? createLogger('debug', (line) => log.push(line)) : undefined;
  const running = await startApp(config, { clock, logger, onQuery: (sql) => queries.push(sql) });
  const graphql = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, headers: response.headers, ...body };
  };
  const login = async (email: string, password: string): Promise<string> => {
    const result = await graphql<{ login: { token: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    if (!result.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  };
  return {
    url: running.url,
    database,
    running,
    dataDir,
    graphql,
    login,
    queries,
    async stop() {
      await running.stop();
      if (!shared) await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
