import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startTestApp();
  token = await app.login(ADMIN.email, ADMIN.password);
});
afterAll(() => app.stop());

async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

function expectClearRefusal(result: Awaited<ReturnType<typeof post>>, status: number, message: RegExp) {
  expect(result.status).toBe(status);
  expect(result.json.errors?.[0].message).toMatch(message);
  expect(result.text).not.toMatch(/\bat .+\.(js|ts):\d+/);
}

describe('HTTP protections', () => {
  it('refuses a query nested 20 levels deep', async () => {
    const query = `{ ${'me { '.repeat(20)}name${' }'.repeat(20)} }`;
    expectClearRefusal(await post(JSON.stringify({ query })), 400, /depth limit of 10 exceeded/);
  });

  it('refuses 500 aliases', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    expectClearRefusal(await post(JSON.stringify({ query })), 400, /Aliases limit of 20 exceeded, found 500/);
  });

  it('refuses a batched array of operations', async () => {
    expectClearRefusal(await post(JSON.stringify([{ query: '{ me { name } }' }, { query: '{ me { name } }' }])), 400, /batching disabled/i);
  });

  it('refuses a 5 MB body with 413', async () => {
    const body = JSON.stringify({ query: '{ me { name } }', variables: { filler: 'x'.repeat(5 * 1024 * 1024) } });
    const result = await post(body);
    expectClearRefusal(result, 413, /larger than 1024 KB/);
    expect(result.json.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a query with too many tokens', async () => {
    const query = `{ me { ${'name '.repeat(6_000)}} }`;
    expectClearRefusal(await post(JSON.stringify({ query })), 400, /more that 5000 tokens/);
  });

  it('refuses a simple (CSRF-able) request without a JSON content type', async () => {
    expectClearRefusal(await post(JSON.stringify({ query: '{ me { name } }' }), { 'content-type': 'text/plain' }), 400, /Cross-Site Request Forgery/);
  });

  it('lets no cache keep an answer of the graph, a refusal neither', async () => {
    const answered = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { name } }"}' });
    expect(refused.headers.get('cache-control')).toBe('no-store');
    // refused before Apollo's plugins run: malformed JSON, a CSRF-able request
    for (const [body, type] of [
      ['{"query":', 'application/json'],
      ['query={ me { name } }', 'text/plain'],
    ]) {
      const early = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(early.status).toBe(400);
      expect(early.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers malformed JSON with 400', async () => {
    expectClearRefusal(await post('{"query": '), 400, /not valid JSON/);
  });

  it('answers GET /health with 200 while the database answers', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up', pool: { total: expect.any(Number), idle: expect.any(Number), waiting: 0, max: 20 } });
  });

  it('redirects / to the admin panel', async () => {
    const response = await fetch(`${app.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/admin/');
  });
});

describe('in production', () => {
  let production: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => production.stop());

  it('turns introspection off', async () => {
    const result = await production.graphql('{ __schema { types { name } } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0].message).toMatch(/introspection is not allowed/i);
  });

  it('gives no field suggestions', async () => {
    const result = await production.graphql('{ mee { name } }');
    expect(result.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe('when the database stops answering', () => {
  it('answers /health with 503, and 200 again once it is back', async () => {
    const own = await startTestApp();
    try {
      await own.database.admin(`ALTER DATABASE ${own.database.name} ALLOW_CONNECTIONS false`);
      await own.database.admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${own.database.name}' AND pid <> pg_backend_pid()`);
      const down = await fetch(`${own.url}/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', database: 'down' });
      await own.database.admin(`ALTER DATABASE ${own.database.name} ALLOW_CONNECTIONS true`);
      const up = await fetch(`${own.url}/health`);
      expect(up.status).toBe(200);
    } finally {
      await own.database.admin(`ALTER DATABASE ${own.database.name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await own.stop();
    }
  });
});
