import { Client, type ClientBase } from 'pg';
import { hashPassword } from '../../api/src/auth/password';
import { createDataSource } from '../../api/src/database/data-source';
import { migrations } from '../../migrations';

/**
 * The bench database: migrated by the app's own migrations, then filled with set-based SQL
 * (INSERT … SELECT … FROM generate_series). Reused between runs while its size matches.
 *
 *  - 20 units (U01…U20), each with a director, 8 handlers and 2 employees; one ADMIN.
 *  - one complainant per complaint; every complaint under the default policy (focus).
 *  - 12 % of the complaints are open (RECEIVED 2 %, FORWARDED 1 %, ACKNOWLEDGED 3 %, IN_PROGRESS 4 %,
 *    RESPONDED 2 %), received in the last 4 weeks, with the deadlines the focus policy opens at
 *    receipt (FORWARD, ACKNOWLEDGE, RESPOND, RECORD; met as far as the status says) and next_due_at;
 *    the rest was received over the 3 years before that and is closed, archived or withdrawn (their
 *    met deadlines are left out: no measured query reads them).
 *  - one history event per complaint; the reference counter per year set to the highest number.
 */
export const BENCH_DIRECTOR = { email: 'director01@bench.example', password: 'bench-password-123' } as const;
export const UNIT_COUNT = 20;
export const INTAKE_MARKER = 'BENCH-INTAKE';

const BIG_TABLES = ['complainant', 'complaint', 'deadline', 'complaint_event'];

export interface SeedInfo {
  size: number;
  seeded: boolean;
  seedMs: number;
  seededAt: Date;
  steps: Array<{ step: string; ms: number }>;
}

export async function hasColumn(client: ClientBase, table: string, column: string): Promise<boolean> {
  const { rowCount } = await client.query(
    'SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2',
    [table, column],
  );
  return Boolean(rowCount);
}

async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

interface Meta {
  size: number;
  seeded_at: Date;
  seed_ms: number;
}

/** Rows the intake workload left (a run that was stopped half-way): complaints received after the seed. */
export async function removeIntakeRows(client: ClientBase, seededAt: Date): Promise<number> {
  await client.query('BEGIN');
  try {
    // The history is append-only (migration LeastPrivilege); removing the bench's own rows is maintenance.
    await client.query(`SET LOCAL klachten.history_maintenance = 'on'`);
    const { rows } = await client.query<{ complainant_id: string }>('DELETE FROM complaint WHERE received_at > $1 RETURNING complainant_id', [seededAt]);
    if (rows.length) await client.query('DELETE FROM complainant WHERE id = ANY($1::uuid[])', [rows.map((row) => row.complainant_id)]);
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Migrations the database has that this checkout does not know (it was migrated by a newer version). */
async function foreignMigrations(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (!(await client.query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'migrations'")).rowCount) return [];
    const known = new Set(migrations.map((migration) => migration.name));
    const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations');
    return rows.map((row) => row.name).filter((name) => !known.has(name));
  } finally {
    await client.end();
  }
}

export async function seed(
  url: string,
  size: number,
  { reseed, recreate, log }: { reseed: boolean; recreate: () => Promise<void>; log: (line: string) => void },
): Promise<SeedInfo> {
  const started = Date.now();
  const foreign = await foreignMigrations(url);
  if (reseed || foreign.length) {
    if (foreign.length) log(`the bench database has migrations this checkout does not know (${foreign.join(', ')}): starting it afresh`);
    await recreate();
    reseed = true;
  }
  await migrate(url);
  const client = new Client({ connectionString: url, application_name: 'klachten-bench-seed' });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS bench_meta (id int PRIMARY KEY DEFAULT 1 CHECK (id = 1), size int NOT NULL, seeded_at timestamptz NOT NULL, seed_ms int NOT NULL)',
    );
    const meta = (await client.query<Meta>('SELECT size, seeded_at, seed_ms FROM bench_meta')).rows[0];
    if (meta && !reseed) {
      const removed = await removeIntakeRows(client, meta.seeded_at);
      if (removed) log(`removed ${removed} complaints left by an interrupted intake run`);
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM complaint');
      if (meta.size === size && Number(rows[0].count) === size) {
        return { size, seeded: false, seedMs: meta.seed_ms, seededAt: meta.seeded_at, steps: [] };
      }
    }
    log(`seeding ${size.toLocaleString('en')} complaints …`);
    const steps: SeedInfo['steps'] = [];
    const step = async (name: string, sql: string, params: unknown[] = []): Promise<void> => {
      const begin = Date.now();
      await client.query(sql, params);
      steps.push({ step: name, ms: Date.now() - begin });
    };
    const seededAt = new Date();
    const passwordHash = await hashPassword(BENCH_DIRECTOR.password);

    // One transaction: a seed that fails half-way leaves the schema (its indexes, its keys) as it was.
    await client.query('BEGIN');
    try {
      await client.query("SET LOCAL maintenance_work_mem = '512MB'");
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query(`SET LOCAL klachten.history_maintenance = 'on'`);
      // Deterministic ids (so that rows can point at each other without joins), shaped as version-4 UUIDs.
      await client.query(
        `CREATE FUNCTION pg_temp.uid(p_key text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
         $$ SELECT overlay(overlay(md5(p_key) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$`,
      );
      await step('truncate', 'TRUNCATE complaint, complainant, organisational_unit, staff, complaint_reference_counter, bench_meta CASCADE');

      // Keys and indexes of the big tables go, and come back after the load (a sort per index beats
      // a million random B-tree inserts; one validation per foreign key beats a million checks).
      const tables = BIG_TABLES;
      const { rows: constraints } = await client.query<{ tbl: string; name: string; def: string; contype: string }>(
        `SELECT conrelid::regclass::text AS tbl, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def, contype::text
           FROM pg_constraint
          WHERE contype IN ('p', 'u', 'f')
            AND (conrelid = ANY($1::regclass[]) OR (contype = 'f' AND confrelid = ANY($1::regclass[])))`,
        [tables],
      );
      const { rows: indexes } = await client.query<{ def: string; name: string }>(
        `SELECT pg_get_indexdef(i.indexrelid) AS def, i.indexrelid::regclass::text AS name
           FROM pg_index i
          WHERE i.indrelid = ANY($1::regclass[])
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
        [tables],
      );
      const foreignKeys = constraints.filter((constraint) => constraint.contype === 'f');
      const keys = constraints.filter((constraint) => constraint.contype !== 'f');
      const dropBegin = Date.now();
      for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${fk.name}`);
      for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
      for (const key of keys) await client.query(`ALTER TABLE ${key.tbl} DROP CONSTRAINT ${key.name}`);
      steps.push({ step: 'drop keys and indexes', ms: Date.now() - dropBegin });

      await step(
        'staff',
        `INSERT INTO staff (id, name, email, password_hash, roles)
         SELECT pg_temp.uid('bench-director-' || u), 'Directeur ' || lpad(u::text, 2, '0'), 'director' || lpad(u::text, 2, '0') || '@bench.example', $1, '{DIRECTOR}'::varchar[]
           FROM generate_series(1, ${UNIT_COUNT}) u
         UNION ALL
         SELECT pg_temp.uid('bench-handler-' || k), 'Behandelaar ' || k, 'handler' || k || '@bench.example', $1, '{HANDLER}'::varchar[]
           FROM generate_series(1, ${UNIT_COUNT * 8}) k
         UNION ALL
         SELECT pg_temp.uid('bench-employee-' || k), 'Medewerker ' || k, 'employee' || k || '@bench.example', $1, '{EMPLOYEE}'::varchar[]
           FROM generate_series(1, ${UNIT_COUNT * 2}) k
         UNION ALL
         SELECT pg_temp.uid('bench-admin'), 'Beheerder', 'admin@bench.example', $1, '{ADMIN}'::varchar[]`,
        [passwordHash],
      );
      await step(
        'units',
        `INSERT INTO organisational_unit (id, code, name, director_id)
         SELECT pg_temp.uid('bench-unit-' || u), 'U' || lpad(u::text, 2, '0'), 'Regio ' || lpad(u::text, 2, '0'), pg_temp.uid('bench-director-' || u)
           FROM generate_series(1, ${UNIT_COUNT}) u`,
      );
      await step(
        'staff units',
        `UPDATE staff SET
           unit_id = pg_temp.uid('bench-unit-' || CASE
             WHEN email LIKE 'director%' THEN substring(email FROM 9 FOR 2)::int
             WHEN email LIKE 'handler%' THEN (substring(email FROM '^handler(\\d+)')::int - 1) / 8 + 1
             WHEN email LIKE 'employee%' THEN (substring(email FROM '^employee(\\d+)')::int - 1) / 2 + 1
             ELSE 1 END),
           supervisor_id = CASE WHEN email LIKE 'director%' OR email LIKE 'admin%' THEN NULL ELSE pg_temp.uid('bench-director-' || CASE
             WHEN email LIKE 'handler%' THEN (substring(email FROM '^handler(\\d+)')::int - 1) / 8 + 1
             ELSE (substring(email FROM '^employee(\\d+)')::int - 1) / 2 + 1 END) END`,
      );

      // A later migration may add the BI pseudonym (an HMAC in the app): a hash of the e-mail stands in.
      const pseudonym = await hasColumn(client, 'complainant', 'pseudonym');
      await step(
        'complainants',
        `INSERT INTO complainant (id, created_at, updated_at, name, email, phone, relation${pseudonym ? ', pseudonym' : ''})
         SELECT pg_temp.uid('bench-complainant-' || i), $2, $2, 'Klager ' || i, 'klager' || i || '@example.nl',
                CASE WHEN i % 3 = 0 THEN '+31 6 ' || lpad((i % 100000000)::text, 8, '0') END,
                (ARRAY['CLIENT', 'EMPLOYER', 'CANDIDATE', 'PROSPECT', 'REPRESENTATIVE', 'OTHER'])[1 + i % 6]
                ${pseudonym ? ", encode(sha256(('klager' || i || '@example.nl')::bytea), 'hex')" : ''}
           FROM generate_series(1, $1::int) i`,
        [size, seededAt],
      );

      // The end of the N-th day after a moment, in Amsterdam (deadlines are due at the end of a day).
      await client.query(
        `CREATE FUNCTION pg_temp.eod(p_at timestamptz, p_days int) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS
         $$ SELECT (date_trunc('day', p_at AT TIME ZONE 'Europe/Amsterdam') + make_interval(days => p_days + 1) - interval '1 millisecond') AT TIME ZONE 'Europe/Amsterdam' $$`,
      );
      await client.query('SELECT setseed(0.4242)');
      // The draw, once, into a narrow temporary table: complaints, deadlines, history and the counter
      // are all derived from it (no scan of the wide complaint table).
      await step(
        'draw',
        `CREATE TEMPORARY TABLE seed_draw ON COMMIT DROP AS
         WITH drawn AS (
           SELECT i, random() AS r_status, 1 + floor(random() * ${UNIT_COUNT})::int AS u, random() AS r_time, random() AS r_handler, random() AS r_channel, random() AS r_category
             FROM generate_series(1, $1::int) i
         ), statused AS (
           SELECT drawn.*,
                  CASE WHEN r_status < 0.02 THEN 0 WHEN r_status < 0.03 THEN 1 WHEN r_status < 0.06 THEN 2 WHEN r_status < 0.10 THEN 3
                       WHEN r_status < 0.12 THEN 4 WHEN r_status < 0.95 THEN 5 WHEN r_status < 0.99 THEN 6 ELSE 7 END AS rank
             FROM drawn
         ), timed AS (
           SELECT statused.*,
                  CASE rank WHEN 0 THEN $2::timestamptz - r_time * interval '2 days'
                            WHEN 1 THEN $2::timestamptz - r_time * interval '4 days'
                            WHEN 2 THEN $2::timestamptz - r_time * interval '21 days'
                            WHEN 3 THEN $2::timestamptz - r_time * interval '21 days'
                            WHEN 4 THEN $2::timestamptz - interval '14 days' - r_time * interval '14 days'
                            ELSE $2::timestamptz - interval '28 days' - r_time * interval '1095 days' END AS received_at
             FROM statused
         )
         SELECT i, u, rank, r_handler, r_category, received_at,
                pg_temp.uid('bench-complaint-' || i) AS id,
                CASE WHEN r_channel < 0.4 THEN 'WEB_FORM' WHEN r_channel < 0.7 THEN 'EMAIL' WHEN r_channel < 0.9 THEN 'PHONE' ELSE 'LETTER' END AS channel,
                extract(year FROM received_at AT TIME ZONE 'Europe/Amsterdam')::int AS year,
                row_number() OVER (PARTITION BY extract(year FROM received_at AT TIME ZONE 'Europe/Amsterdam') ORDER BY received_at, i) AS number
           FROM timed`,
        [size, seededAt],
      );
      // The search document is the triggers' (migration DailyUse): row by row it slows a set-based seed a hundredfold,
      // so it is off while the complaints go in, each written with its document by the same function. (An UPDATE of
      // every row after the insert left the table twice its size, and every scan of it twice as slow as in use.)
      const searchVector = await hasColumn(client, 'complaint', 'search_vector');
      if (searchVector) await step('search vectors off', 'ALTER TABLE complaint DISABLE TRIGGER complaint_search_refresh');
      // The statistics' change marks likewise (migration StatisticsRollup): one per row; the months are marked at the end.
      const statistics = await hasColumn(client, 'statistics_change', 'day');
      if (statistics)
        await step('statistics marks off', 'ALTER TABLE complaint DISABLE TRIGGER statistics_changed; ALTER TABLE deadline DISABLE TRIGGER statistics_changed');
      // With the lead times in working days the steps record (acknowledged, answered, closed), for the statistics.
      await step(
        'complaints',
        `INSERT INTO complaint (id, created_at, updated_at, reference, kind, status, channel, received_at, registered_by_id, complainant_id,
                                unit_id, category_id, policy_id, policy_snapshot, description, handler_id, verdict, assessed_at, responded_at,
                                closed_at, archived_at, withdrawn_at, next_due_at, ack_working_days, response_working_days, closure_working_days,
                                response_net_working_days, closure_net_working_days${searchVector ? ', search_vector' : ''})
         WITH policy AS (
           SELECT id, jsonb_build_object('key', key, 'forwardTo', forward_to, 'receiverMayResolve', receiver_may_resolve, 'referral', referral, 'rules', rules) AS snapshot
             FROM policy WHERE is_default
         ), categories AS (
           SELECT array_agg(id ORDER BY sort_order) AS ids FROM category
         )
         SELECT draft.*${searchVector ? ', public.complaint_search_vector(draft.description, NULL, p.name)' : ''} FROM (
         SELECT id, received_at, received_at, 'KL-' || year || '-' || lpad(number::text, 6, '0'),
                'COMPLAINT', (ARRAY['RECEIVED', 'FORWARDED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED', 'ARCHIVED', 'WITHDRAWN'])[rank + 1],
                channel, received_at,
                CASE WHEN channel = 'WEB_FORM' THEN NULL ELSE pg_temp.uid('bench-employee-' || ((u - 1) * 2 + 1 + i % 2)) END,
                pg_temp.uid('bench-complainant-' || i) AS complainant_id,
                pg_temp.uid('bench-unit-' || u),
                (SELECT ids FROM categories)[1 + floor(r_category * 6)::int],
                (SELECT id FROM policy), (SELECT snapshot FROM policy),
                'Klacht ' || i || ': ' || (ARRAY['de begeleider kwam de afspraken niet na en reageerde niet op mails',
                                                 'de factuur klopt niet met wat er is afgesproken in het intakegesprek',
                                                 'ik ben onvriendelijk te woord gestaan aan de telefoon',
                                                 'het advies over mijn re-integratietraject was onjuist',
                                                 'ik wacht al weken op een antwoord op mijn vraag'])[1 + i % 5] AS description,
                CASE WHEN rank >= 1 THEN pg_temp.uid('bench-handler-' || ((u - 1) * 8 + 1 + floor(r_handler * 8)::int)) END,
                CASE WHEN rank >= 4 THEN (ARRAY['WELL_FOUNDED', 'PARTLY_WELL_FOUNDED', 'UNFOUNDED'])[1 + i % 3] END,
                CASE WHEN rank >= 4 THEN received_at + interval '10 days' END,
                CASE WHEN rank >= 4 THEN received_at + interval '12 days' END,
                CASE WHEN rank IN (5, 6) THEN received_at + interval '20 days' WHEN rank = 7 THEN received_at + interval '5 days' END,
                CASE WHEN rank = 6 THEN received_at + interval '60 days' END,
                CASE WHEN rank = 7 THEN received_at + interval '5 days' END,
                CASE rank WHEN 0 THEN pg_temp.eod(received_at, 0) WHEN 1 THEN pg_temp.eod(received_at, 2)
                          WHEN 2 THEN pg_temp.eod(received_at, 14) WHEN 3 THEN pg_temp.eod(received_at, 14)
                          WHEN 4 THEN pg_temp.eod(received_at, 21) END,
                CASE WHEN rank BETWEEN 2 AND 6 THEN i % 4 END,
                CASE WHEN rank BETWEEN 4 AND 6 THEN 5 + i % 13 END,
                CASE WHEN rank IN (5, 6) THEN 12 + i * 7 % 17 END,
                CASE WHEN rank BETWEEN 4 AND 6 THEN 5 + i % 11 END,
                CASE WHEN rank IN (5, 6) THEN 10 + i * 7 % 15 END
           FROM seed_draw) draft JOIN complainant p ON p.id = draft.complainant_id`,
      );
      if (searchVector) await step('search vectors on', 'ALTER TABLE complaint ENABLE TRIGGER complaint_search_refresh');
      // Open complaints: the focus policy's receipt deadlines, met as far as the status says (the
      // earliest open one is next_due_at above).
      await step(
        'deadlines',
        `INSERT INTO deadline (complaint_id, kind, amount, unit, starts_at, started_at, due_at, due_date, met_at, created_at)
         SELECT s.id, rule.kind, rule.amount, rule.unit, 'RECEIPT', s.received_at, pg_temp.eod(s.received_at, rule.days),
                ((s.received_at AT TIME ZONE 'Europe/Amsterdam')::date + rule.days),
                CASE WHEN s.rank >= rule.met_from THEN s.received_at + make_interval(hours => 2 + rule.days * 12) END,
                s.received_at
           FROM seed_draw s
          CROSS JOIN (VALUES ('FORWARD', 0, 'SAME_DAY', 0, 1), ('ACKNOWLEDGE', 2, 'WORKING_DAYS', 2, 2),
                             ('RESPOND', 2, 'WEEKS', 14, 4), ('RECORD', 3, 'WEEKS', 21, 99)) AS rule(kind, amount, unit, days, met_from)
          WHERE s.rank <= 4`,
      );
      // As the deadline watch leaves them: what is past due was recorded as breached (workload 7 measures a catch-up itself).
      if (await hasColumn(client, 'deadline', 'breached_at')) {
        await step(
          'deadlines breached so far',
          `UPDATE deadline SET breached_at = due_at, escalated_at = due_at WHERE met_at IS NULL AND cancelled_at IS NULL AND due_at < now()`,
        );
      }
      // The hash chain's trigger looks up each complaint's last event, which without the (dropped) indexes
      // is a scan per row: load with it off, then hash set-based (one event per complaint, so no predecessor).
      await step('history chain off', 'ALTER TABLE complaint_event DISABLE TRIGGER complaint_event_chain');
      await step(
        'history',
        `INSERT INTO complaint_event (complaint_id, type, at, actor_id, to_status, data, hash)
         SELECT id, CASE WHEN channel = 'WEB_FORM' THEN 'SUBMITTED' ELSE 'REGISTERED' END, received_at,
                CASE WHEN channel = 'WEB_FORM' THEN NULL ELSE pg_temp.uid('bench-employee-' || ((u - 1) * 2 + 1 + i % 2)) END, 'RECEIVED',
                jsonb_build_object('channel', channel, 'policy', 'focus', 'kind', 'COMPLAINT'), '\\x'::bytea
           FROM seed_draw`,
      );
      await step('history hashes', 'UPDATE complaint_event e SET hash = public.complaint_event_digest(NULL, e)');
      await step('history chain on', 'ALTER TABLE complaint_event ENABLE TRIGGER complaint_event_chain');
      if (statistics) {
        await step('statistics marks on', 'ALTER TABLE complaint ENABLE TRIGGER statistics_changed; ALTER TABLE deadline ENABLE TRIGGER statistics_changed');
        await step(
          'statistics: every day marked',
          `TRUNCATE statistics_change, statistics_rollup, statistics_lead_time, statistics_compliance;
           INSERT INTO statistics_change (day) SELECT DISTINCT (received_at AT TIME ZONE 'Europe/Amsterdam')::date FROM seed_draw`,
        );
      }
      await step('reference counter', 'INSERT INTO complaint_reference_counter (year, last_number) SELECT year, max(number) FROM seed_draw GROUP BY year');

      const keysBegin = Date.now();
      for (const key of keys) await client.query(`ALTER TABLE ${key.tbl} ADD CONSTRAINT ${key.name} ${key.def}`);
      steps.push({ step: 'primary and unique keys', ms: Date.now() - keysBegin });
      const indexBegin = Date.now();
      for (const index of indexes) await client.query(index.def);
      steps.push({ step: `indexes (${indexes.length})`, ms: Date.now() - indexBegin });
      const fkBegin = Date.now();
      for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${fk.name} ${fk.def}`);
      steps.push({ step: `foreign keys (${foreignKeys.length})`, ms: Date.now() - fkBegin });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    await step('vacuum analyze', `VACUUM (ANALYZE) ${[...BIG_TABLES, 'staff', 'organisational_unit', 'complaint_reference_counter'].join(', ')}`);
    const seedMs = Date.now() - started;
    await client.query('INSERT INTO bench_meta (size, seeded_at, seed_ms) VALUES ($1, $2, $3)', [size, seededAt, seedMs]);
    return { size, seeded: true, seedMs, seededAt, steps };
  } finally {
    await client.end();
  }
}
