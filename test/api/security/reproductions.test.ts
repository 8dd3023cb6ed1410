import { randomUUID } from 'node:crypto';
import { ADMIN, startTestApp, type GraphQLResponse, type TestApp } from '../../helpers/app';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { staffMember, type Member } from '../../factories/staff';
import { complainant } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/** The hardening issue's reproductions, one by one: each answered as a caller's mistake, never a 500. */
let app: TestApp;
let adminToken: string;
let director: Member;
let complaintId: string;
const log: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ log, env: { SUBMIT_RATE_LIMIT: '1000' } });
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR']);
  complaintId = ok(await complaintSteps(app).register(director.token)).id;
});
afterAll(() => app.stop());

const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

function expectCallerMistake(result: GraphQLResponse, code: string | RegExp) {
  expect(result.status).toBeLessThan(500);
  expect(codeOf(result)).toEqual(typeof code === 'string' ? code : expect.stringMatching(code));
  expect(JSON.stringify(result)).not.toMatch(/INTERNAL_SERVER_ERROR|QueryFailedError|invalid input syntax|\bat .+\.(js|ts):\d+/);
}

const REGISTER = 'mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }';
const SUBMIT = 'mutation ($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference } }';

describe('ids, cursors and strings (reproduction 3)', () => {
  it.each([
    ['complaint', '{ complaint(id: "x") { id } }'],
    ['staff', '{ staff(id: "x") { id } }'],
    ['unit', '{ unit(id: "x") { id } }'],
    ['category', '{ category(id: "x") { id } }'],
    ['policy', '{ policy(id: "x") { id } }'],
    ['externalParty', '{ externalParty(id: "x") { id } }'],
    ['review', '{ review(id: "x") { id } }'],
    ['calendarDay', '{ calendarDay(id: "2026-13-45") { id } }'],
    ['calendarDay in the year 0', '{ calendarDay(id: "0000-01-01") { id } }'],
    ['addComplaintNote', 'mutation { addComplaintNote(id: "x", text: "Een notitie") { id } }'],
  ])('answers %s with an id that is not one NOT_FOUND, before any SQL', async (_name, query) => {
    app.queries.length = 0;
    const result = await app.graphql(query, {}, director.token);
    expectCallerMistake(result, 'NOT_FOUND');
    expect(app.queries.filter((sql) => !/FROM "staff"|api_token/.test(sql))).toEqual([]);
  });

  it('answers an id inside an input with a field error', async () => {
    const result = await app.graphql('mutation ($id: ID!) { assignHandler(id: $id, version: 1, handlerId: "y") { id } }', { id: complaintId }, director.token);
    expectCallerMistake(result, 'BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fieldErrors).toEqual({ handlerId: 'is not a valid id' });
  });

  it('refuses a crafted complaintFacts cursor', async () => {
    const crafted = Buffer.from(JSON.stringify(["2026-01-01'; SELECT 1; --", randomUUID()])).toString('base64url');
    expectCallerMistake(
      await app.graphql('query ($after: String) { complaintFacts(after: $after) { nodes { id } } }', { after: crafted }, director.token),
      'BAD_CURSOR',
    );
  });

  it.each([
    ['a description', REGISTER, { input: { channel: 'PHONE', complainant: complainant(), description: 'Kapot\u0000tekst' } }, 'description'],
    [
      'a name',
      REGISTER,
      { input: { channel: 'PHONE', complainant: complainant({ name: 'Jan\u0000' }), description: 'Mijn uitkering is te laat.' } },
      'complainant.name',
    ],
    ['a search', 'query ($q: String) { complaintList(filter: { q: $q }) { total } }', { q: 'a\u0000b' }, 'filter.q'],
  ])('refuses NUL in %s with a field error', async (_what, query, variables, field) => {
    const result = await app.graphql(query, variables, director.token);
    expectCallerMistake(result, 'BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fieldErrors).toMatchObject({ [field]: 'contains a control character' });
  });

  it('refuses NUL in the sign-in e-mail address', async () => {
    expectCallerMistake(await app.graphql('mutation { login(email: "a\\u0000@example.org", password: "x") { token } }'), 'BAD_USER_INPUT');
  });

  it('refuses a phone of "+" and 40 digits and a content type of 101 characters instead of failing at the INSERT', async () => {
    const phone = await app.graphql(
      REGISTER,
      { input: { channel: 'PHONE', complainant: complainant({ phone: `+${'1'.repeat(40)}` }), description: 'Mijn uitkering is te laat.' } },
      director.token,
    );
    expectCallerMistake(phone, 'BAD_USER_INPUT');
    expect(phone.errors![0].extensions!.fieldErrors).toHaveProperty(['complainant.phone']);
    const attachment = await app.graphql(
      'mutation ($id: ID!, $input: AttachmentInput!) { addAttachment(id: $id, input: $input) { id } }',
      { id: complaintId, input: { fileName: 'brief.pdf', contentType: `application/${'x'.repeat(89)}`, sizeBytes: 10 } },
      director.token,
    );
    expectCallerMistake(attachment, 'BAD_USER_INPUT');
    expect(attachment.errors![0].extensions!.fieldErrors).toHaveProperty(['contentType']);
  });

  it('refuses a status filter of 70 000 entries', async () => {
    const result = await app.graphql(
      'query ($status: [ComplaintStatus!]) { complaintList(filter: { status: $status }) { total } }',
      { status: Array.from({ length: 70_000 }, () => 'RECEIVED') },
      director.token,
    );
    expectCallerMistake(result, 'BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fieldErrors).toEqual({ 'filter.status': 'at most 500 items' });
  });

  it('answers a persisted-query request with a wrong hash with a caller code (persisted queries are off)', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    const body = (await response.json()) as GraphQLResponse;
    expectCallerMistake({ ...body, status: response.status }, 'PERSISTED_QUERY_NOT_SUPPORTED');
  });
});

describe('closing days and the CSV export', () => {
  it('answers a closing day on a date that already has one with DUPLICATE_KEY, not a 500', async () => {
    const create = () =>
      app.graphql('mutation { createCalendarDay(input: { date: "2026-05-15", kind: CLOSING, description: "Brugdag" }) { id } }', {}, adminToken);
    const result = await create();
    expectCallerMistake(result, 'DUPLICATE_KEY');
    expect(result.errors![0].extensions!.fieldErrors).toEqual({ date: 'is already in use' });
  });

  it('refuses an updatedSince outside 1990–2199 for the CSV export', async () => {
    const analyst = (
      await app.graphql<{ createApiToken: { secret: string } }>(
        'mutation { createApiToken(input: { name: "CSV", scope: ANALYST }) { secret } }',
        {},
        adminToken,
      )
    ).data!.createApiToken.secret;
    for (const since of ['-010000-01-01', '1826-01-01T00:00:00Z', 'gisteren']) {
      const response = await fetch(`${app.url}/bi/complaints.csv?updatedSince=${encodeURIComponent(since)}`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      expect({ since, status: response.status }).toEqual({ since, status: 400 });
      expect(((await response.json()) as GraphQLResponse).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('the calendar (reproduction 4)', () => {
  it('refuses a receipt in 1826 at once instead of counting 200 years of days', async () => {
    const started = Date.now();
    const result = await app.graphql(
      REGISTER,
      { input: { channel: 'LETTER', receivedAt: '1826-01-01T00:00:00Z', complainant: complainant(), description: 'Een hele oude brief.' } },
      director.token,
    );
    expectCallerMistake(result, 'BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fieldErrors).toEqual({ receivedAt: 'must lie between the years 1990 and 2199' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each([[99_999], [2_147_483_647], [1826]])('refuses nonWorkingDays(year: %i)', async (year) => {
    const result = await app.graphql('query ($year: Int!) { nonWorkingDays(year: $year) { date } }', { year }, director.token);
    expectCallerMistake(result, 'BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fieldErrors).toHaveProperty(['year']);
  });
});

describe('staff data and tokens (reproduction 5)', () => {
  let analyst: string;
  let website: string;
  beforeAll(async () => {
    const token = async (scope: string) =>
      (
        await app.graphql<{ createApiToken: { secret: string } }>(
          `mutation { createApiToken(input: { name: "${scope}", scope: ${scope} }) { secret } }`,
          {},
          adminToken,
        )
      ).data!.createApiToken.secret;
    analyst = await token('ANALYST');
    website = await token('WEBSITE');
    await app.graphql(
      'mutation ($director: ID) { createUnit(input: { code: "NOORD", name: "Noord", directorId: $director }) { id } }',
      { director: director.id },
      adminToken,
    );
  });

  it("gives an ANALYST token the units but not their director's name, e-mail, roles or last sign-in", async () => {
    const result = await app.graphql<{ unitList: { items: Array<{ code: string; director: unknown }> } }>(
      '{ unitList { items { code director { name email roles lastLoginAt } } } }',
      {},
      analyst,
    );
    expect(result.data?.unitList.items).toEqual([{ code: 'NOORD', director: null }]);
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain(director.email);
  });

  it.each([
    '{ unitList { total } }',
    '{ categoryList { total } }',
    '{ policyList { total } }',
    '{ me { id } }',
    '{ calendarDayList { total } }',
    '{ nonWorkingDays(year: 2026) { date } }',
  ])('refuses a WEBSITE token %s', async (query) => {
    expectCallerMistake(await app.graphql(query, {}, website), 'FORBIDDEN');
  });

  it('lets a WEBSITE token submit a complaint', async () => {
    const result = await app.graphql(SUBMIT, { input: { complainant: complainant(), description: 'Via de website ingestuurd.' } }, website);
    expect(result.errors).toBeUndefined();
  });
});

describe('sign-in (reproduction 7)', () => {
  it('keeps a password exactly as it was set, not normalised', async () => {
    const decomposed = 'cafe\u0301-wachtwoord-123';
    const created = await app.graphql<{ createStaff: { id: string } }>(
      'mutation ($input: CreateStaffInput!) { createStaff(input: $input) { id } }',
      { input: { name: 'Unicode', email: 'unicode@example.org', password: decomposed, roles: ['EMPLOYEE'] } },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    expect(await app.login('unicode@example.org', decomposed)).toEqual(expect.any(String));
    const composed = await app.graphql('mutation ($p: String!) { login(email: "unicode@example.org", password: $p) { token } }', {
      p: decomposed.normalize('NFC'),
    });
    expect(codeOf(composed)).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a 900 KB e-mail address by its length, and never logs more than a bounded prefix of it', async () => {
    const before = log.length;
    const huge = `${'a'.repeat(900 * 1024)}@example.org`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => app.graphql('mutation ($email: String!) { login(email: $email, password: "x") { token } }', { email: huge })),
    );
    for (const result of results) expectCallerMistake(result, 'BAD_USER_INPUT');
    const written = log.slice(before).join('\n');
    expect(written.length).toBeLessThan(20_000);
  });

  it('clips any long value a log line carries', async () => {
    const before = log.length;
    const email = `${'b'.repeat(300)}@example.org`;
    expect((await app.graphql('mutation ($email: String!) { login(email: $email, password: "wrong-password") { token } }', { email })).errors).toBeDefined();
    const lines = log.slice(before);
    expect(lines.some((line) => line.includes('sign-in refused'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(email);
  });
});

describe('input that was accepted but wrong (reproduction 11)', () => {
  it.each([
    ['registerComplaint', REGISTER, { channel: 'PHONE', complainant: complainant(), description: '    ' }],
    ['submitComplaint', SUBMIT, { complainant: complainant(), description: '             ' }],
  ])('%s refuses a description of only spaces', async (_name, mutation, input) => {
    const result = await app.graphql(mutation, { input }, director.token);
    expectCallerMistake(result, 'BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fieldErrors).toHaveProperty(['description']);
  });

  it('refuses a 900 KB note and a 900 KB reason', async () => {
    const text = 'n'.repeat(900 * 1024);
    expectCallerMistake(
      await app.graphql('mutation ($id: ID!, $text: String!) { addComplaintNote(id: $id, text: $text) { id } }', { id: complaintId, text }, director.token),
      'BAD_USER_INPUT',
    );
    const twelveThousand = 'r'.repeat(12_000);
    const reason = await app.graphql(
      'mutation ($id: ID!, $reason: String!) { withdrawComplaint(id: $id, version: 1, reason: $reason) { id } }',
      { id: complaintId, reason: twelveThousand },
      director.token,
    );
    expectCallerMistake(reason, 'BAD_USER_INPUT');
    expect(reason.errors![0].extensions!.fieldErrors).toEqual({ reason: expect.stringMatching(/10000 characters/) });
  });

  it('says once, on the e-mail field, that a way to reach the complainant is missing', async () => {
    const result = await app.graphql(
      REGISTER,
      { input: { channel: 'PHONE', complainant: { name: 'Zonder Contact' }, description: 'Niemand kan mij bereiken.' } },
      director.token,
    );
    expectCallerMistake(result, 'BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fieldErrors).toEqual({ 'complainant.email': 'give an e-mail address, a phone number or a postal address' });
  });
});

describe('reference data edited twice at once (reproduction 10)', () => {
  it('keeps one default policy when two are made the default at once', async () => {
    const policies = (await app.graphql<{ policyList: { items: Array<{ id: string }> } }>('{ policyList { items { id } } }', {}, adminToken)).data!.policyList
      .items;
    const results = await Promise.all(
      policies.slice(0, 3).map(({ id }) => app.graphql('mutation ($id: ID!) { setDefaultPolicy(id: $id) { id isDefault } }', { id }, adminToken)),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const after = await app.graphql<{ policyList: { items: Array<{ isDefault: boolean }> } }>('{ policyList { items { isDefault } } }', {}, adminToken);
    expect(after.data!.policyList.items.filter((policy) => policy.isDefault)).toHaveLength(1);
  });

  it.each([
    ['updateCategory', 'categoryList', 'UpdateCategoryInput', { name: 'Andere naam' }],
    ['updateUnit', 'unitList', 'UpdateUnitInput', { name: 'Andere naam' }],
    ['updatePolicy', 'policyList', 'UpdatePolicyInput', { name: 'Andere naam' }],
    ['updateExternalParty', 'externalPartyList', 'UpdateExternalPartyInput', { name: 'Andere naam' }],
  ])('%s lets one of two edits of the same version win and refuses the other with STALE_VERSION', async (mutation, list, inputType, input) => {
    const read = await app.graphql<Record<string, { items: Array<{ id: string; version: number }> }>>(
      `{ ${list}(perPage: 1) { items { id version } } }`,
      {},
      adminToken,
    );
    const { id, version } = read.data![list].items[0];
    const edit = (suffix: string) =>
      app.graphql(
        `mutation ($id: ID!, $version: Int!, $input: ${inputType}!) { ${mutation}(id: $id, version: $version, input: $input) { id version } }`,
        { id, version, input: { ...input, name: `${input.name} ${suffix}` } },
        adminToken,
      );
    const results = await Promise.all([edit('A'), edit('B')]);
    expect(results.map((result) => codeOf(result) ?? 'OK').sort()).toEqual(['OK', 'STALE_VERSION']);
  });
});

describe('rate limits (reproduction 6)', () => {
  const send = (target: TestApp, forwardedFor: string) =>
    target.graphql(SUBMIT, { input: { complainant: complainant(), description: 'Ik word niet teruggebeld door de consulent.' } }, undefined, {
      'x-forwarded-for': forwardedFor,
    });

  it('ignores X-Forwarded-For by default: rotating it does not lift the limit', async () => {
    const own = await startTestApp({ env: { SUBMIT_RATE_LIMIT: '5' } });
    try {
      for (let i = 0; i < 5; i++) expect((await send(own, `203.0.113.${i}`)).errors).toBeUndefined();
      expectCallerMistake(await send(own, '203.0.113.99'), 'RATE_LIMITED');
    } finally {
      await own.stop();
    }
  });

  it('counts per forwarded client behind a trusted proxy', async () => {
    const own = await startTestApp({ env: { SUBMIT_RATE_LIMIT: '3', TRUSTED_PROXIES: 'loopback' } });
    try {
      for (let i = 0; i < 3; i++) expect((await send(own, '198.51.100.1')).errors).toBeUndefined();
      expectCallerMistake(await send(own, '198.51.100.1'), 'RATE_LIMITED');
      expect((await send(own, '198.51.100.2')).errors).toBeUndefined();
    } finally {
      await own.stop();
    }
  });

  it('is shared by two instances on one database and survives a restart', async () => {
    const database: TestDatabase = await createTestDatabase();
    const env = { SUBMIT_RATE_LIMIT: '4' };
    const first = await startTestApp({ database, env });
    const second = await startTestApp({ database, env });
    try {
      expect((await send(first, 'x')).errors).toBeUndefined();
      expect((await send(second, 'x')).errors).toBeUndefined();
      expect((await send(first, 'x')).errors).toBeUndefined();
      expect((await send(second, 'x')).errors).toBeUndefined();
      expectCallerMistake(await send(first, 'x'), 'RATE_LIMITED');
      expectCallerMistake(await send(second, 'x'), 'RATE_LIMITED');
      await first.stop();
      const restarted = await startTestApp({ database, env });
      try {
        expectCallerMistake(await send(restarted, 'x'), 'RATE_LIMITED');
      } finally {
        await restarted.stop();
      }
    } finally {
      await second.stop();
      await database.drop();
    }
  });

  it('counts sign-in attempts before checking them: 30 guesses at once get at most 10 answers', async () => {
    const own = await startTestApp();
    try {
      const victim = await staffMember(own, await own.login(ADMIN.email, ADMIN.password), ['EMPLOYEE']);
      const guesses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          own.graphql('mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
            email: victim.email,
            password: `guess-${i}-password`,
          }),
        ),
      );
      const codes = guesses.map(codeOf);
      expect(codes.filter((code) => code === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(10);
      expect(codes.filter((code) => code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
    } finally {
      await own.stop();
    }
  });

  it('holds a WEBSITE token to a limit of its own', async () => {
    const own = await startTestApp({ env: { WEBSITE_RATE_LIMIT: '3', SUBMIT_RATE_LIMIT: '1' } });
    try {
      const token = await own.login(ADMIN.email, ADMIN.password);
      const website = (
        await own.graphql<{ createApiToken: { secret: string } }>(
          'mutation { createApiToken(input: { name: "Website", scope: WEBSITE }) { secret } }',
          {},
          token,
        )
      ).data!.createApiToken.secret;
      const submit = () => own.graphql(SUBMIT, { input: { complainant: complainant(), description: 'Via de website ingestuurd.' } }, website);
      for (let i = 0; i < 3; i++) expect((await submit()).errors).toBeUndefined();
      expectCallerMistake(await submit(), 'RATE_LIMITED');
    } finally {
      await own.stop();
    }
  });

  it('locks an account after 10 failed sign-ins from any addresses: the right password is refused too', async () => {
    const own = await startTestApp({ env: { TRUSTED_PROXIES: 'loopback' } });
    try {
      const token = await own.login(ADMIN.email, ADMIN.password);
      const victim = await staffMember(own, token, ['EMPLOYEE']);
      const attempt = (password: string, address: string) =>
        own.graphql(
          'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
          { email: victim.email, password },
          undefined,
          { 'x-forwarded-for': address },
        );
      for (let i = 0; i < 10; i++) expect(codeOf(await attempt(`wrong-password-${i}`, `192.0.2.${i}`))).toBe('INVALID_CREDENTIALS');
      const locked = await attempt('staff-password-123', '192.0.2.200');
      expectCallerMistake(locked, 'RATE_LIMITED');
      expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(60);
    } finally {
      await own.stop();
    }
  });
});

describe('in production (reproduction 9)', () => {
  let production: TestApp;
  let token: string;
  beforeAll(async () => {
    production = await startTestApp({ env: { NODE_ENV: 'production' } });
    token = await production.login(ADMIN.email, ADMIN.password);
  });
  afterAll(() => production.stop());

  it('suggests no enum value for a mistyped variable', async () => {
    const result = await production.graphql('query ($s: ComplaintSortField!) { complaintList(sortField: $s) { total } }', { s: 'recievedAt' }, token);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(result.errors?.[0].message).toMatch(/\$s/);
  });

  it('suggests no field name for a mistyped input field', async () => {
    const result = await production.graphql(
      REGISTER,
      { input: { channel: 'PHONE', complainant: { nmae: 'Jan', email: 'jan@example.org' }, description: 'Mijn uitkering is te laat.' } },
      token,
    );
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean/);
  });
});
