import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

let app: TestApp;
let adminToken: string;
let director: Member;
let analystToken: string;
let analystTokenId: string;
const secrets = {
  name: 'Cornelia Geheim-Persoon',
  email: 'cornelia.geheim@example.org',
  phone: '+31 6 9999 0000',
  description: 'Vertrouwelijk: de consulent sprak over mijn ziekte.',
};

beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR']);
  const steps = complaintSteps(app);
  ok(
    await steps.register(director.token, {
      complainant: { name: secrets.name, email: secrets.email, phone: secrets.phone, relation: 'CLIENT' },
      description: secrets.description,
    }),
  );
  const created = await app.graphql<{ createApiToken: { secret: string; token: { id: string; prefix: string; scope: string } } }>(
    'mutation { createApiToken(input: { name: "Power BI", scope: ANALYST }) { secret token { id prefix scope } } }',
    {},
    adminToken,
  );
  analystToken = created.data!.createApiToken.secret;
  analystTokenId = created.data!.createApiToken.token.id;
  expect(analystToken.startsWith(created.data!.createApiToken.token.prefix)).toBe(true);
});
afterAll(() => app.stop());

function expectNoPersonalData(text: string) {
  for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
  expect(text).not.toContain('cornelia');
}

describe('an ANALYST token', () => {
  it('reads aggregates and pseudonymised facts', async () => {
    const stats = await app.graphql(
      'query { complaintStatistics(input: { from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: [CHANNEL] }) { channel complaints } }',
      {},
      analystToken,
    );
    expect(stats.errors).toBeUndefined();
    const facts = await app.graphql<{ complaintFacts: { nodes: Array<Record<string, unknown>> } }>(
      '{ complaintFacts { nodes { id reference channel complainantPseudonym complainantRelation } } }',
      {},
      analystToken,
    );
    expect(facts.data!.complaintFacts.nodes).toHaveLength(1);
    expectNoPersonalData(JSON.stringify([stats, facts]));
  });

  it('streams the facts as CSV without personal data', async () => {
    const response = await fetch(`${app.url}/bi/complaints.csv`, { headers: { authorization: `Bearer ${analystToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['id', 'reference', 'receivedAt', 'complainantPseudonym', 'deadlinesBreached']));
    expect(lines).toHaveLength(2);
    expectNoPersonalData(lines.join('\n'));
  });

  it('is refused every path to complaints, staff and personal data', async () => {
    const refusals = [
      '{ complaintList { items { description complainant { name email } } } }',
      '{ complaint(reference: "KL-2026-000001") { description } }',
      '{ deadlineList { items { complaint { description } } } }',
      '{ staffList { items { name email } } }',
      '{ hearingList { items { minutes } } }',
      '{ referralList { items { reason } } }',
      '{ reviewList { items { findings } } }',
      '{ me { name } }',
    ];
    for (const query of refusals) {
      const result = await app.graphql(query, {}, analystToken);
      expect({ query, code: result.errors?.[0].extensions?.code }).toEqual({ query, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
      expectNoPersonalData(JSON.stringify(result));
    }
  });

  it('records its last use, and is refused everywhere once revoked', async () => {
    const listed = await app.graphql<{ apiTokens: Array<{ id: string; lastUsedAt: string | null; revokedAt: string | null }> }>(
      '{ apiTokens { id lastUsedAt revokedAt } }',
      {},
      adminToken,
    );
    expect(listed.data!.apiTokens.find((token) => token.id === analystTokenId)?.lastUsedAt).toEqual(expect.any(String));
    const revoked = await app.graphql('mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: analystTokenId }, adminToken);
    expect(revoked.errors).toBeUndefined();
    const after = await app.graphql('{ complaintFacts { nodes { id } } }', {}, analystToken);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const csv = await fetch(`${app.url}/bi/complaints.csv`, { headers: { authorization: `Bearer ${analystToken}` } });
    expect(csv.status).toBe(401);
  });
});

describe('API tokens', () => {
  it('are created and revoked by an ADMIN only', async () => {
    const attempt = await app.graphql('mutation { createApiToken(input: { name: "X", scope: ANALYST }) { secret } }', {}, director.token);
    expect(attempt.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses the CSV to a member of staff without a BI role', async () => {
    const employee = await staffMember(app, adminToken, ['EMPLOYEE']);
    const response = await fetch(`${app.url}/bi/complaints.csv`, { headers: { authorization: `Bearer ${employee.token}` } });
    expect(response.status).toBe(403);
  });

  it('lets a WEBSITE token submit complaints beyond the per-address limit', async () => {
    const created = await app.graphql<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(input: { name: "Website", scope: WEBSITE }) { secret } }',
      {},
      adminToken,
    );
    const website = created.data!.createApiToken.secret;
    const submit = (token?: string) =>
      app.graphql(
        'mutation { submitComplaint(input: { complainant: { name: "Web Klant", email: "web@example.org" }, description: "Formulier van de website, tekst." }) { reference } }',
        {},
        token,
      );
    for (let i = 0; i < 20; i++) await submit(); // uses up the anonymous limit of this address
    expect((await submit()).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await submit(website)).errors).toBeUndefined();
    expect((await app.graphql('{ complaintFacts { nodes { id } } }', {}, website)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
