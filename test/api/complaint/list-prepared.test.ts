import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember } from '../../factories/staff';

/**
 * A list page runs as a prepared statement on its connection (complaint-page.ts, database/pool.ts). With a pool of
 * two, both connections are at hand: the server losing the statement on them (a DISCARD ALL, a pooler between)
 * costs the next request nothing.
 */
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp({ clock: new FixedClock('2026-06-01T09:00:00'), env: { DATABASE_POOL_SIZE: '2' } });
  token = (await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR'])).token;
});
afterAll(() => app?.stop());

const LIST = 'query { complaintList(perPage: 5) { total items { reference } } }';

/** Runs `sql` on every connection of the pool (both held at once), and returns what each answered. */
async function onEveryConnection(sql: string): Promise<unknown[][]> {
  const runners = [app.running.dataSource.createQueryRunner(), app.running.dataSource.createQueryRunner()];
  try {
    await Promise.all(runners.map((runner) => runner.connect()));
    return await Promise.all(runners.map((runner) => runner.query(sql) as Promise<unknown[]>));
  } finally {
    await Promise.all(runners.map((runner) => runner.release()));
  }
}

it('answers the list again after the server lost its prepared statement', async () => {
  const first = await app.graphql<{ complaintList: { total: number } }>(LIST, {}, token);
  expect(first.errors).toBeUndefined();
  const prepared = (await onEveryConnection("SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement LIKE '/* prepared */%'")).map(
    ([row]) => (row as { count: number }).count,
  );
  expect(prepared.reduce((sum, count) => sum + count, 0)).toBe(1);
  await onEveryConnection('DEALLOCATE ALL');
  for (let i = 0; i < 3; i++) {
    const again = await app.graphql<{ complaintList: { total: number } }>(LIST, {}, token);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
  }
});
