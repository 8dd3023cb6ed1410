import { Client } from 'pg';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complainant } from './complaint-queries';

const SUBMIT = 'mutation ($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference } }';

let app: TestApp;
let director: Member;

beforeAll(async () => {
  app = await startTestApp({ env: { SUBMIT_RATE_LIMIT: '1000' } });
  director = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR']);
});
afterAll(() => app.stop());

function submit(input: Record<string, unknown> = {}) {
  return app.graphql<{ submitComplaint: { reference: string } }>(SUBMIT, {
    input: { complainant: complainant(), description: 'Ik ben al drie weken niet teruggebeld.', ...input },
  });
}

/** Moves a key's creation back in time, as the owner would see it after that long. */
async function ageIdempotencyKey(key: string, age: string): Promise<number> {
  const client = new Client({ connectionString: app.database.ownerUrl });
  await client.connect();
  try {
    return (await client.query(`UPDATE idempotency_key SET created_at = now() - $2::interval WHERE key = $1`, [key, age])).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function total(): Promise<number> {
  const result = await app.graphql<{ complaintList: { total: number } }>('{ complaintList { total } }', {}, director.token);
  return result.data!.complaintList.total;
}

describe('the website form (submitComplaint)', () => {
  it('takes a complaint anonymously and returns only its reference', async () => {
    const result = await submit({ categoryKey: 'bereikbaarheid' });
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data!.submitComplaint)).toEqual(['reference']);
    const reference = result.data!.submitComplaint.reference;
    expect(reference).toMatch(/^KL-\d{4}-\d{6}$/);
    const stored = await app.graphql<{
      complaint: {
        channel: string;
        status: string;
        registeredBy: null;
        category: { key: string };
        policy: { key: string };
        deadlines: unknown[];
        history: Array<{ type: string }>;
      };
    }>(
      'query ($reference: String) { complaint(reference: $reference) { channel status registeredBy { id } category { key } policy { key } deadlines { kind } history { type } } }',
      { reference },
      director.token,
    );
    expect(stored.data?.complaint).toMatchObject({
      channel: 'WEB_FORM',
      status: 'RECEIVED',
      registeredBy: null,
      category: { key: 'bereikbaarheid' },
      policy: { key: 'focus' },
    });
    expect(stored.data?.complaint.deadlines).toHaveLength(4);
    // with an e-mail address: the confirmation of receipt went to the outbox at once (correspondence)
    expect(stored.data?.complaint.history).toEqual([{ type: 'SUBMITTED' }, { type: 'CONTACT_RECORDED' }]);
  });

  it('returns the same reference on a retry with the same idempotency key and creates nothing new', async () => {
    const form = { complainant: complainant(), description: 'Ik ben al drie weken niet teruggebeld.', idempotencyKey: 'form-2026-retry-0001' };
    const first = await submit(form);
    const before = await total();
    const again = await submit(form);
    expect(again.data?.submitComplaint.reference).toBe(first.data?.submitComplaint.reference);
    expect(await total()).toBe(before);
  });

  it('creates one complaint for ten simultaneous retries with one key', async () => {
    const before = await total();
    const form = { complainant: complainant(), idempotencyKey: 'form-2026-burst-0001' };
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(form)));
    const references = new Set(results.map((result) => result.data?.submitComplaint.reference));
    expect(results.every((result) => !result.errors)).toBe(true);
    expect(references.size).toBe(1);
    expect(await total()).toBe(before + 1);
  });

  it('refuses the same key with a different complaint (IDEMPOTENCY_KEY_REUSED) instead of dropping the second one', async () => {
    const first = await submit({ complainant: complainant(), idempotencyKey: 'form-2026-reuse-0001' });
    expect(first.errors).toBeUndefined();
    const before = await total();
    const other = await submit({
      complainant: complainant(),
      description: 'Een heel andere klacht over mijn dossier.',
      idempotencyKey: 'form-2026-reuse-0001',
    });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', fieldErrors: { idempotencyKey: expect.any(String) } });
    expect(await total()).toBe(before);
  });

  it('scopes keys to the sender: the same key from another sender is another complaint', async () => {
    const adminToken = await app.login(ADMIN.email, ADMIN.password);
    const created = await app.graphql<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(input: { name: "Website", scope: WEBSITE }) { secret } }',
      {},
      adminToken,
    );
    const website = created.data!.createApiToken.secret;
    const input = { complainant: complainant(), description: 'Ik ben al drie weken niet teruggebeld.', idempotencyKey: 'form-2026-scope-0001' };
    const anonymous = await app.graphql<{ submitComplaint: { reference: string } }>(SUBMIT, { input });
    const viaToken = await app.graphql<{ submitComplaint: { reference: string } }>(SUBMIT, { input }, website);
    const viaTokenAgain = await app.graphql<{ submitComplaint: { reference: string } }>(SUBMIT, { input }, website);
    expect(anonymous.data?.submitComplaint.reference).toEqual(expect.any(String));
    expect(viaToken.data?.submitComplaint.reference).not.toBe(anonymous.data?.submitComplaint.reference);
    expect(viaTokenAgain.data?.submitComplaint.reference).toBe(viaToken.data?.submitComplaint.reference);
  });

  it('keeps a key for 24 hours, then forgets it', async () => {
    const form = { complainant: complainant(), idempotencyKey: 'form-2026-expiry-0001' };
    const first = await submit(form);
    const aged = await ageIdempotencyKey('form-2026-expiry-0001', '25 hours');
    expect(aged).toBe(1);
    const later = await submit(form);
    expect(later.data?.submitComplaint.reference).toMatch(/^KL-/);
    expect(later.data?.submitComplaint.reference).not.toBe(first.data?.submitComplaint.reference);
  });

  it('prunes keys older than 24 hours (at most once an hour per instance)', async () => {
    const own = await startTestApp({ database: app.database });
    try {
      const form = { complainant: complainant(), description: 'Ik ben al drie weken niet teruggebeld.', idempotencyKey: 'form-2026-prune-0001' };
      expect((await own.graphql(SUBMIT, { input: form })).errors).toBeUndefined();
      await ageIdempotencyKey('form-2026-prune-0001', '25 hours');
      // a fresh instance prunes on its first submission, after answering it
      const fresh = await startTestApp({ database: app.database });
      try {
        expect(
          (await fresh.graphql(SUBMIT, { input: { complainant: complainant(), description: 'Een andere klacht, zonder sleutel.' } })).errors,
        ).toBeUndefined();
        let left = 1;
        for (let attempt = 0; attempt < 20 && left > 0; attempt++) {
          [{ left }] = (await fresh.running.dataSource.query(`SELECT count(*)::int AS left FROM idempotency_key WHERE key = 'form-2026-prune-0001'`)) as Array<{
            left: number;
          }>;
          if (left > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(left).toBe(0);
      } finally {
        await fresh.stop();
      }
    } finally {
      await own.stop();
    }
  });

  it('refuses a complaint without name, contact or description, field by field', async () => {
    const result = await submit({ description: 'kort', complainant: { name: '', relation: 'CLIENT' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fieldErrors ?? {}).sort()).toEqual(['complainant.email', 'complainant.name', 'description']);
  });

  it('refuses an unknown category or unit by name of the field', async () => {
    const result = await submit({ categoryKey: 'bestaat-niet' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNKNOWN_REFERENCE', fieldErrors: { categoryKey: 'does not exist' } });
  });

  it('exposes nothing but submitComplaint to anonymous callers', async () => {
    const result = await app.graphql('{ complaintList { total } }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('references', () => {
  it('are per year, without gaps or duplicates, under concurrency', async () => {
    // more at once than the pool has connections: one that waited too long is told to retry (503, Retry-After), as the
    // website does; any other answer fails the test
    const results = await Promise.all(Array.from({ length: 25 }, () => submit()));
    for (const [index, result] of results.entries()) {
      if (result.data) continue;
      expect(result.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      results[index] = await submit();
      expect(results[index].errors).toBeUndefined();
    }
    const numbers = results.map((result) => Number(result.data!.submitComplaint.reference.slice(-6))).sort((a, b) => a - b);
    const all = await app.graphql<{ complaintList: { items: Array<{ reference: string }> } }>(
      '{ complaintList(perPage: 200, sortField: reference) { items { reference } } }',
      {},
      director.token,
    );
    const every = all.data!.complaintList.items.map((item) => Number(item.reference.slice(-6)));
    expect(new Set(numbers).size).toBe(25);
    expect(every).toEqual(Array.from({ length: every.length }, (_, index) => index + 1));
  });
});

describe('rate limit', () => {
  it('answers RATE_LIMITED after 20 complaints from one address in 10 minutes', async () => {
    const own = await startTestApp();
    try {
      const send = () =>
        own.graphql<{ submitComplaint: { reference: string } }>(SUBMIT, {
          input: { complainant: complainant(), description: 'Nogmaals dezelfde klacht over de bereikbaarheid.' },
        });
      for (let i = 0; i < 20; i++) expect((await send()).errors).toBeUndefined();
      const limited = await send();
      expect(limited.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    } finally {
      await own.stop();
    }
  });
});
