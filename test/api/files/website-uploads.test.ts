import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complainant } from '../complaint/complaint-queries';

/**
 * The website attaches files to submitComplaint (issue 14): each is uploaded first (POST /uploads, anonymous, within
 * the website's tighter limits and its rate limit), then named in attachmentIds; the submission claims them in its
 * transaction — each once, within a day — and an upload nobody claimed is removed with its file by the retention job.
 */
const clock = new FixedClock('2026-06-01T10:00:00');
let app: TestApp;
let director: Member;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x7e), Buffer.from('PE\0\0'), Buffer.alloc(256)]);
const SUBMIT = 'mutation ($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference } }';

async function upload(fileName: string, bytes: Buffer, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const response = await fetch(`${app.url}/uploads`, { method: 'POST', body: form, headers });
  return {
    status: response.status,
    body: (await response.json()) as { upload?: { id: string; contentType: string; sizeBytes: number }; errors?: Array<{ extensions: { code: string } }> },
  };
}

function submit(attachmentIds: string[]) {
  return app.graphql<{ submitComplaint: { reference: string } }>(SUBMIT, {
    input: { complainant: complainant(), description: 'Mijn bewijsstukken zitten erbij.', attachmentIds },
  });
}

beforeAll(async () => {
  app = await startTestApp({
    clock,
    env: { WEBSITE_ATTACHMENT_MAX_MB: '1', WEBSITE_ATTACHMENTS: '2', WEBSITE_UPLOAD_RATE_LIMIT: '8', SUBMIT_RATE_LIMIT: '100' },
  });
  director = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR']);
});
afterAll(() => app.stop());

it('attaches uploaded files to the submitted complaint, each once', async () => {
  const first = await upload('brief.pdf', PDF);
  const second = await upload('tweede brief.pdf', PDF);
  expect(first.status).toBe(201);
  expect(first.body.upload).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length });
  const ids = [first.body.upload!.id, second.body.upload!.id];

  const submitted = await submit(ids);
  expect(submitted.errors).toBeUndefined();
  const read = await app.graphql<{ complaint: { attachments: Array<{ fileName: string; downloadPath: string }>; history: Array<{ type: string }> } }>(
    'query ($reference: String) { complaint(reference: $reference) { attachments { fileName downloadPath } history { type } } }',
    { reference: submitted.data!.submitComplaint.reference },
    director.token,
  );
  expect(read.data!.complaint.attachments.map((attachment) => attachment.fileName).sort()).toEqual(['brief.pdf', 'tweede brief.pdf']);
  expect(read.data!.complaint.history.filter((event) => event.type === 'ATTACHMENT_ADDED')).toHaveLength(2);
  const file = await fetch(`${app.url}${read.data!.complaint.attachments.find((attachment) => attachment.fileName === 'brief.pdf')!.downloadPath}`, {
    headers: { authorization: `Bearer ${director.token}` },
  });
  expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

  // an upload is claimed once: a second complaint naming it is refused as a whole
  const again = await submit([ids[0]]);
  expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldCodes: { attachmentIds: { code: 'DOES_NOT_EXIST' } } });
});

it("refuses what the website may not send: an executable, a file over the website's limit, too many files", async () => {
  expect((await upload('factuur.pdf', EXE)).body.errors?.[0].extensions.code).toBe('UNSUPPORTED_FILE_TYPE');
  const big = await upload('groot.pdf', Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]));
  expect(big.status).toBe(413);
  const three = await Promise.all([upload('a.pdf', PDF), upload('b.pdf', PDF), upload('c.pdf', PDF)]);
  const tooMany = await submit(three.map((answer) => answer.body.upload!.id));
  expect(tooMany.errors?.[0].extensions).toMatchObject({ fieldCodes: { attachmentIds: { code: 'TOO_MANY_ITEMS' } } });
  expect((await submit(['00000000-0000-4000-8000-000000000000'])).errors?.[0].extensions?.fieldCodes).toMatchObject({
    attachmentIds: { code: 'DOES_NOT_EXIST' },
  });
});

it('limits uploads per address and removes the ones no complaint claimed within a day', async () => {
  let status = 201;
  for (let i = 0; i < 10 && status !== 429; i++) status = (await upload(`x${i}.pdf`, PDF)).status;
  expect(status).toBe(429);

  const unclaimed = async () => Number((await app.running.dataSource.query('SELECT count(*) AS n FROM website_upload'))[0].n);
  const waiting = await unclaimed();
  expect(waiting).toBeGreaterThan(0);
  const files = (await app.running.services.files.list('attachments/')).length;
  clock.set('2026-06-02T09:59:00'); // not yet a day for the last ones
  expect((await app.running.services.retention.run()).unclaimedUploads).toBe(0);
  clock.set('2026-06-02T10:00:01');
  const run = await app.running.services.retention.run();
  expect(run).toMatchObject({ unclaimedUploads: waiting, filesRemoved: waiting });
  expect(await unclaimed()).toBe(0);
  // the claimed ones stay, as attachments
  expect(await app.running.services.files.list('attachments/')).toHaveLength(files - waiting);
  expect(files - waiting).toBe(2);
});
