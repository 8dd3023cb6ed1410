import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../api/src/database/embedded';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { startS3Server, type S3Server } from '../../helpers/s3-server';

/**
 * A 20 MB PDF (and a 200 MB one) streams through the real API process (`node api/dist/.../main.js`, as `npm start` runs it) to the
 * file store with flat memory: the process's resident set, sampled from /proc while the upload runs, grows by a
 * bounded amount, not with the file: the 200 MB upload may not grow it by half its size. The bound is garbage not yet
 * collected (the socket's chunks live outside V8's heap, and V8 collects for them after some 64 MB of such memory: on
 * Node 24 a 100 MB upload was seen at +51 MB, on Node 20 at +17 MB) and one S3 part; a file held whole would be 200 MB.
 * The body is generated on the fly by this test, so neither side holds it whole.
 */
const MAIN = path.resolve(__dirname, '../../../api/dist/api/src/main.js');
const ADMIN = { email: 'admin@example.org', password: 'admin-password-123' };
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
}

/** multipart/form-data with one PDF part of the given size, written chunk by chunk as the server reads it. */
function streamUpload(url: string, token: string, complaintId: string, size: number): Promise<{ status: number; body: string }> {
  const boundary = 'klachten-upload-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot-dossier.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const tail = Buffer.from(`\n%%EOF\r\n--${boundary}--\r\n`);
  const filler = Buffer.alloc(CHUNK, 0x20);
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/complaints/${complaintId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += CHUNK;
        if (!request.write(filler)) return void request.once('drain', pump);
      }
      request.end(tail);
    };
    pump();
  });
}

describe.each(['disk', 's3'] as const)('a large upload to %s', (store) => {
  let database: TestDatabase;
  let s3: S3Server | undefined;
  let child: ChildProcess;
  let url: string;
  let dataDir: string;

  beforeAll(async () => {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run the tests with \`npm test\` (it builds the API first).`);
    database = await createTestDatabase();
    s3 = store === 's3' ? await startS3Server() : undefined;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-upload-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: database.url,
        DATABASE_MIGRATION_URL: database.ownerUrl,
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        WORKERS: 'off',
        ATTACHMENT_MAX_MB: '300',
        COMPLAINT_ATTACHMENTS_MAX_MB: '1000',
        LOG_LEVEL: 'warn',
        ...(s3 ? { S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(`${url}/health`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (tries > 600 || child.exitCode !== null) throw new Error('the API did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    await s3?.stop();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('streams with flat memory', async () => {
    const login = await graphql(url, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password });
    const adminToken = login.data!.login.token as string;
    await graphql(
      url,
      'mutation ($input: CreateStaffInput!) { createStaff(input: $input) { id } }',
      { input: { name: 'Dirk Directeur', email: 'dirk@example.org', password: 'director-password-123', roles: ['DIRECTOR'] } },
      adminToken,
    );
    const token = (await graphql(url, 'mutation { login(email: "dirk@example.org", password: "director-password-123") { token } }')).data!.login
      .token as string;
    const registered = await graphql(
      url,
      'mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }',
      {
        input: {
          channel: 'LETTER',
          complainant: { name: 'Groot Dossier', postalAddress: 'Postbus 1, Utrecht', relation: 'CLIENT' },
          description: 'Een dik dossier.',
        },
      },
      token,
    );
    const complaintId = registered.data!.registerComplaint.id as string;

    // warm up the route (modules, pools) with a small upload before the baseline
    const small = await streamUploadOf(url, token, complaintId);
    expect(small.status).toBe(201);
    const growth: Record<number, number> = {};
    for (const size of [20 * MB, 200 * MB]) {
      const before = rssOf(child.pid!);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 20);
      const started = Date.now();
      const result = await streamUpload(url, token, complaintId, size);
      clearInterval(sampler);
      expect(result.status).toBe(201);
      expect((JSON.parse(result.body) as { attachment: { sizeBytes: number } }).attachment.sizeBytes).toBeGreaterThan(size);
      growth[size] = peak - before;
      // eslint-disable-next-line no-console -- the figures the issue asks for
      console.log(
        `${store}: ${size / MB} MB upload in ${Date.now() - started} ms; API RSS ${(before / MB).toFixed(1)} MB before, peak ${(peak / MB).toFixed(1)} MB (+${(growth[size] / MB).toFixed(1)} MB)`,
      );
    }
    // flat: never the file held whole — ten times the file does not grow the process by half of it
    expect(growth[200 * MB]).toBeLessThan(100 * MB);
  }, 90_000);
});

/** A small upload of the same shape (a warm-up). */
function streamUploadOf(url: string, token: string, complaintId: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))]), 'klein.pdf');
  return fetch(`${url}/complaints/${complaintId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}
