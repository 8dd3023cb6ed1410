import { createDataSource } from '../../../api/src/database/data-source';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('migrations', () => {
  it('produce exactly the schema the entities describe', async () => {
    const dataSource = createDataSource(database.url);
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('run down to nothing and up again', async () => {
    const dataSource = createDataSource(database.url);
    await dataSource.initialize();
    try {
      const count = dataSource.migrations.length;
      for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const [{ tables }] = await dataSource.query(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`);
      expect(tables).toBe(0);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(count);
    } finally {
      await dataSource.destroy();
    }
  });
});
