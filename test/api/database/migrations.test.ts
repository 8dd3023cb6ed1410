import { createDataSource } from '../../../api/src/database/data-source';
import { DeadlineUnit } from '../../../api/src/calendar/working-calendar';
import {
  Channel,
  ComplaintEventType,
  ComplaintStatus,
  DeadlineKind,
  DeadlineStart,
  ExternalPartyKind,
  HearingStatus,
} from '../../../api/src/complaint/complaint.enums';
import { Role } from '../../../api/src/shared/roles';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('migrations', () => {
  it('produce exactly the schema the entities describe', async () => {
    const dataSource = createDataSource(database.ownerUrl);
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  // TypeORM compares CHECK constraints by name only: a new enum value needs a migration by hand.
  it.each([
    ['complaint_status_check', ComplaintStatus],
    ['complaint_event_type_check', ComplaintEventType],
    ['complaint_channel_check', Channel],
    ['deadline_kind_check', DeadlineKind],
    ['deadline_unit_check', DeadlineUnit],
    ['deadline_starts_at_check', DeadlineStart],
    ['hearing_status_check', HearingStatus],
    ['external_party_kind_check', ExternalPartyKind],
    ['staff_roles_check', Role],
  ])('let %s accept every value of its enum and no other', async (constraint, values) => {
    const dataSource = createDataSource(database.ownerUrl);
    await dataSource.initialize();
    try {
      const [{ definition }] = await dataSource.query('SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = $1', [constraint]);
      const quoted = [...(definition as string).matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
      expect(new Set(quoted)).toEqual(new Set(Object.values(values)));
    } finally {
      await dataSource.destroy();
    }
  });

  it('run down to nothing and up again', async () => {
    const dataSource = createDataSource(database.ownerUrl);
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
