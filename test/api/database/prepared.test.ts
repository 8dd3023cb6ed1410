import type { Client, QueryResultRow } from 'pg';
import { PREPARED, TimeoutAwareClient } from '../../../api/src/database/pool';

/**
 * database/pool.ts: a statement marked PREPARED runs as a named prepared statement on its connection, at most
 * 32 of them per connection; anything else runs unnamed. Counted in PostgreSQL's own pg_prepared_statements.
 */
describe('prepared statements', () => {
  let client: TimeoutAwareClient;
  beforeEach(async () => {
    client = new TimeoutAwareClient({ connectionString: process.env.TEST_SERVER_URL });
    await client.connect();
  });
  afterEach(() => client.end());
  /** The client as pg types it (TimeoutAwareClient's override is typed loosely). */
  const query = <T extends QueryResultRow>(text: string, values: unknown[] = []) => (client as unknown as Client).query<T>(text, values);

  const prepared = async () => (await query<{ count: number }>('SELECT count(*)::int AS count FROM pg_prepared_statements')).rows[0].count;

  it('prepares a marked statement once and runs it again by name, with its parameters', async () => {
    const statement = `${PREPARED} SELECT $1::int + 1 AS next`;
    expect((await query<{ next: number }>(statement, [1])).rows[0].next).toBe(2);
    expect((await query<{ next: number }>(statement, [41])).rows[0].next).toBe(42);
    expect(await prepared()).toBe(1);
  });

  it('runs an unmarked statement unnamed', async () => {
    await query('SELECT $1::int AS one', [1]);
    expect(await prepared()).toBe(0);
  });

  it('does not count a statement the server refused to parse', async () => {
    for (let i = 0; i < 40; i++) await expect(query(`${PREPARED} SELECT nonsense_${i} + $1::int`, [0])).rejects.toThrow(/nonsense/);
    await query(`${PREPARED} SELECT $1::int AS one`, [1]);
    expect(await prepared()).toBe(1);
  });

  it('parses a statement again when the server lost it (DISCARD ALL, a pooler between)', async () => {
    const statement = `${PREPARED} SELECT $1::int * 2 AS twice`;
    await query(statement, [1]);
    await query('DEALLOCATE ALL');
    await expect(query(statement, [2])).rejects.toMatchObject({ code: '26000' });
    expect((await query<{ twice: number }>(statement, [3])).rows[0].twice).toBe(6);
    expect(await prepared()).toBe(1);
  });

  it('keeps at most 32 per connection and runs the rest unnamed', async () => {
    for (let i = 0; i < 40; i++) expect((await query<{ n: number }>(`${PREPARED} SELECT ${i} + $1::int AS n`, [0])).rows[0].n).toBe(i);
    expect(await prepared()).toBe(32);
    // one of the first 32 still runs by its name
    expect((await query<{ n: number }>(`${PREPARED} SELECT 3 + $1::int AS n`, [1])).rows[0].n).toBe(4);
    expect(await prepared()).toBe(32);
  });
});
