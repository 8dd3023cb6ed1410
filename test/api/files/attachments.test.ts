import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { startS3Server, type S3Server } from '../../helpers/s3-server';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * Attachments for real (issue 14): uploaded over HTTP beside /graphql with the bearer token, typed by their
 * content, stored with their SHA-256 on disk or in S3-compatible storage, downloaded only by whoever may see
 * the complaint, as a download (Content-Disposition: attachment, nosniff). The same cases on both stores.
 */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// the start of a Windows executable (MZ header, PE signature at 0x80)
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x7e), Buffer.from('PE\0\0'), Buffer.alloc(512)]);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a1b10000000049454e44ae426082',
  'hex',
);
const EML = Buffer.from(
  'Received: from mail.example.org\r\nFrom: Klager <klager@example.org>\r\nTo: klachten@example.org\r\nSubject: Mijn klacht\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n\r\nGoedendag,\r\n',
);

describe.each(['disk', 's3'] as const)('attachments on %s', (store) => {
  let app: TestApp;
  let s3: S3Server | undefined;
  let director: Member;
  let employee: Member;
  let otherEmployee: Member;
  let steps: ReturnType<typeof complaintSteps>;

  beforeAll(async () => {
    s3 = store === 's3' ? await startS3Server() : undefined;
    app = await startTestApp({
      env: {
        ATTACHMENT_MAX_MB: '1',
        COMPLAINT_ATTACHMENTS_MAX_MB: '2',
        ...(s3 ? { S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey } : {}),
      },
    });
    const adminToken = await app.login(ADMIN.email, ADMIN.password);
    director = await staffMember(app, adminToken, ['DIRECTOR']);
    employee = await staffMember(app, adminToken, ['EMPLOYEE']);
    otherEmployee = await staffMember(app, adminToken, ['EMPLOYEE']);
    steps = complaintSteps(app);
  });
  afterAll(async () => {
    await app.stop();
    await s3?.stop();
  });

  async function upload(token: string | undefined, complaintId: string, fileName: string, bytes: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${app.url}/complaints/${complaintId}/attachments`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        attachment?: { id: string; sha256: string; contentType: string; sizeBytes: number; fileName: string };
        errors?: Array<{ message: string; extensions: { code: string; reason?: string } }>;
      },
    };
  }
  const download = (token: string | undefined, id: string) =>
    fetch(`${app.url}/attachments/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const stored = () => app.running.services.files.list('attachments/');

  it('stores a PDF with its SHA-256 and type, records the step, and gives it back as a download', async () => {
    const c = ok(await steps.register(director.token, { channel: 'LETTER' }));
    const uploaded = await upload(director.token, c.id, 'brief van de klager.pdf', PDF);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachment).toMatchObject({
      fileName: 'brief van de klager.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const after = await steps.read(c, director.token);
    expect(after.history.at(-1)).toMatchObject({ type: 'ATTACHMENT_ADDED', data: { fileName: 'brief van de klager.pdf', contentType: 'application/pdf' } });

    const response = await download(director.token, uploaded.body.attachment!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="brief van de klager\.pdf"/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('takes images, e-mails and Office documents by their content; refuses an executable renamed to .pdf and leaves nothing stored', async () => {
    const c = ok(await steps.register(director.token, { channel: 'EMAIL' }));
    expect((await upload(director.token, c.id, 'foto.png', PNG)).body.attachment?.contentType).toBe('image/png');
    expect((await upload(director.token, c.id, 'mail.eml', EML)).body.attachment?.contentType).toBe('message/rfc822');
    const before = await stored();

    const exe = await upload(director.token, c.id, 'factuur.pdf', EXE);
    expect(exe.status).toBe(415);
    expect(exe.body.errors?.[0].extensions).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', reason: 'NOT_ALLOWED' });
    const renamed = await upload(director.token, c.id, 'foto.pdf', PNG);
    expect(renamed.status).toBe(415);
    expect(renamed.body.errors?.[0].extensions).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', reason: 'EXTENSION_MISMATCH' });
    const text = await upload(director.token, c.id, 'notities.txt', Buffer.from('gewoon tekst'));
    expect(text.status).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over the limit per file and per complaint, keeping nothing of it', async () => {
    const c = ok(await steps.register(director.token, { channel: 'EMAIL' }));
    const before = await stored();
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
    const tooBig = await upload(director.token, c.id, 'groot.pdf', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors?.[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await stored()).toEqual(before);

    const almost = Buffer.concat([PDF, Buffer.alloc(900 * 1024)]);
    expect((await upload(director.token, c.id, 'een.pdf', almost)).status).toBe(201);
    expect((await upload(director.token, c.id, 'twee.pdf', almost)).status).toBe(201);
    const third = await upload(director.token, c.id, 'drie.pdf', almost);
    expect(third.status).toBe(413);
    expect(third.body.errors?.[0].message).toMatch(/2 MB together/);
    expect((await stored()).length).toBe(before.length + 2);
  });

  it("lets an EMPLOYEE upload to and download from their own complaint, never another EMPLOYEE's", async () => {
    const mine = ok(await steps.register(employee.token, { channel: 'PHONE' }));
    const uploaded = await upload(employee.token, mine.id, 'scan.pdf', PDF);
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.attachment!.id;
    expect((await download(employee.token, id)).status).toBe(200);

    const other = await download(otherEmployee.token, id);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await upload(otherEmployee.token, mine.id, 'ook.pdf', PDF)).status).toBe(404);
    expect((await download(undefined, id)).status).toBe(401);
    expect((await upload(undefined, mine.id, 'anoniem.pdf', PDF)).status).toBe(401);
  });

  it('keeps a name in UTF-8, refuses one with control or direction characters, and answers a file gone from the store with 404', async () => {
    const c = ok(await steps.register(director.token, { channel: 'EMAIL' }));
    const uploaded = await upload(director.token, c.id, 'brief van Zoë – €.pdf', PDF);
    expect(uploaded.body.attachment?.fileName).toBe('brief van Zoë – €.pdf');
    const response = await download(director.token, uploaded.body.attachment!.id);
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''brief%20van%20Zo%C3%AB%20%E2%80%93%20%E2%82%AC.pdf");
    expect((await upload(director.token, c.id, 'factuur\u202Efdp.exe', PDF)).status).toBe(400);

    const [key] = (await app.running.dataSource.query('SELECT file_key AS key FROM attachment WHERE id = $1', [uploaded.body.attachment!.id])) as Array<{
      key: string;
    }>;
    // a key still in use is never removed, whoever put it on the list
    await app.running.dataSource.query('INSERT INTO file_deletion (storage_key) VALUES ($1)', [key.key]);
    await app.running.services.retention.removeReleasedFiles();
    expect((await download(director.token, uploaded.body.attachment!.id)).status).toBe(200);
    await app.running.services.files.delete(key.key);
    const gone = await download(director.token, uploaded.body.attachment!.id);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('keeps nothing of an upload the client abandons half-way', async () => {
    const c = ok(await steps.register(director.token, { channel: 'EMAIL' }));
    const before = await stored();
    const boundary = 'abandoned-boundary';
    await new Promise<void>((resolve) => {
      const request = http.request(`${app.url}/complaints/${c.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${director.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      request.on('error', () => resolve());
      request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\n\r\n`);
      request.write(Buffer.concat([PDF, Buffer.alloc(300 * 1024)]));
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 300);
    });
    // the store's put fails and removes what it wrote: nothing listed, no multipart upload left open, and on disk not
    // even the temp file the put wrote to (a dot-file the store's list does not show)
    const folder = path.join(app.dataDir, 'files', 'attachments');
    const temporary = () => (!s3 && fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.startsWith('.')) : []);
    const left = async () => [...(await stored()).filter((key) => !before.includes(key)), ...((await s3?.unfinishedUploads()) ?? []), ...temporary()];
    for (let tries = 0; tries < 30 && (await left()).length; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await left()).toEqual([]);
    expect((await steps.read(c, director.token)).history.some((event) => event.type === 'ATTACHMENT_ADDED')).toBe(false);
  });

  it('answers a malformed upload with a 400 and a code, never a 500', async () => {
    const c = ok(await steps.register(director.token, { channel: 'EMAIL' }));
    const notMultipart = await fetch(`${app.url}/complaints/${c.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${director.token}`, 'content-type': 'application/pdf' },
      body: PDF,
    });
    expect(notMultipart.status).toBe(400);
    const noFile = new FormData();
    noFile.append('note', 'geen bestand');
    const empty = await fetch(`${app.url}/complaints/${c.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${director.token}` },
      body: noFile,
    });
    expect(empty.status).toBe(400);
    expect((await fetch(`${app.url}/attachments/not-a-uuid`, { headers: { authorization: `Bearer ${director.token}` } })).status).toBe(404);
  });
});
