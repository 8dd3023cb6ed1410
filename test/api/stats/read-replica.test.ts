import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { staffMember } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

let replica: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  // A stand-in for a replica: a database of its own, so we can see which one answered.
  replica = await createTestDatabase();
  app = await startTestApp({ env: { DATABASE_READ_URL: replica.url } });
});
afterAll(async () => {
  await app.stop();
  await replica.drop();
});

describe('DATABASE_READ_URL', () => {
  it('sends BI reads to the replica and everything else to the primary', async () => {
    const adminToken = await app.login(ADMIN.email, ADMIN.password);
    const director = await staffMember(app, adminToken, ['DIRECTOR']);
    ok(await complaintSteps(app).register(director.token, {}));
    const primary = await app.graphql<{ complaintList: { total: number } }>('{ complaintList { total } }', {}, director.token);
    expect(primary.data!.complaintList.total).toBe(1);
    const stats = await app.graphql<{ complaintStatistics: Array<{ complaints: number }>; complaintFacts: { nodes: unknown[] } }>(
      '{ complaintStatistics(input: { from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" }) { complaints } complaintFacts { nodes { id } } }',
      {},
      director.token,
    );
    expect(stats.data).toEqual({ complaintStatistics: [{ complaints: 0 }], complaintFacts: { nodes: [] } });
  });
});
