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
    const stored = await app.graphql<{ complaint: { channel: string; status: string; registeredBy: null; category: { key: string }; policy: { key: string }; deadlines: unknown[]; history: Array<{ type: string }> } }>(
      'query ($reference: String) { complaint(reference: $reference) { channel status registeredBy { id } category { key } policy { key } deadlines { kind } history { type } } }',
      { reference },
      director.token,
    );
    expect(stored.data?.complaint).toMatchObject({ channel: 'WEB_FORM', status: 'RECEIVED', registeredBy: null, category: { key: 'bereikbaarheid' }, policy: { key: 'focus' } });
    expect(stored.data?.complaint.deadlines).toHaveLength(4);
    expect(stored.data?.complaint.history).toEqual([{ type: 'SUBMITTED' }]);
  });

  it('returns the same reference on a retry with the same idempotency key and creates nothing new', async () => {
    const first = await submit({ idempotencyKey: 'form-2026-retry-0001' });
    const before = await total();
    const again = await submit({ idempotencyKey: 'form-2026-retry-0001' });
    expect(again.data?.submitComplaint.reference).toBe(first.data?.submitComplaint.reference);
    expect(await total()).toBe(before);
  });

  it('creates one complaint for ten simultaneous retries with one key', async () => {
    const before = await total();
    const results = await Promise.all(Array.from({ length: 10 }, () => submit({ idempotencyKey: 'form-2026-burst-0001' })));
    const references = new Set(results.map((result) => result.data?.submitComplaint.reference));
    expect(results.every((result) => !result.errors)).toBe(true);
    expect(references.size).toBe(1);
    expect(await total()).toBe(before + 1);
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
    const results = await Promise.all(Array.from({ length: 25 }, () => submit()));
    const numbers = results.map((result) => Number(result.data!.submitComplaint.reference.slice(-6))).sort((a, b) => a - b);
    const all = await app.graphql<{ complaintList: { items: Array<{ reference: string }> } }>('{ complaintList(perPage: 200, sortField: reference) { items { reference } } }', {}, director.token);
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
        own.graphql<{ submitComplaint: { reference: string } }>(SUBMIT, { input: { complainant: complainant(), description: 'Nogmaals dezelfde klacht over de bereikbaarheid.' } });
      for (let i = 0; i < 20; i++) expect((await send()).errors).toBeUndefined();
      const limited = await send();
      expect(limited.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    } finally {
      await own.stop();
    }
  });
});
