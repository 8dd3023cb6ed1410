import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { Pool, type ClientBase, type PoolClient } from 'pg';
import { WorkingCalendar, type Term } from '../../api/src/calendar/working-calendar';
import type { PolicySnapshot } from '../../api/src/policy/policy.entity';
import { repositoryRoot } from '../../api/src/config';
import { ZONE } from '../../api/src/shared/clock';
import { watchedSql } from '../../api/src/jobs/deadline-watch';
import { openBenchDatabase, type BenchDatabase } from './database';
import type { ProfileSummary } from './profile';
import { BENCH_DIRECTOR, hasColumn, removeIntakeRows, seed, type SeedInfo } from './seed';
import type { Readout, Request, ResolverResult } from './server';
import {
  DEADLINES_GRAPHQL,
  deadlinesSql,
  LIST_GRAPHQL,
  LIST_SQL,
  OVERDUE_COMPLAINTS_GRAPHQL,
  OVERDUE_COMPLAINTS_SQL,
  PROPOSED_INDEX_NAMES,
  PROPOSED_INDEXES,
  PROPOSED_STATEMENTS,
  sameData,
} from './sql';
import { alternate, closeAgent, closedLoop, merge, mib, ms, postJson, ratio, sequential, summarise, type Sample, type Summary } from './stats';

// ------------------------------------------------------------------------------------ options

const HELP = `npm run bench [-- options]

  --large               1 000 000 complaints (default 100 000); or BENCH_SIZE=<n>
  --size=<n>            any number of complaints
  --reseed              seed again even when the database already has this size
  --duration=<s>        seconds per side of the intake workload (default 10; BENCH_DURATION)
  --profile             CPU-profile the API process during each workload (.cpuprofile files under
                        DATA_DIR/profiles; top self-time functions in the results)
  --proposed-indexes    create the indexes proposed in the results first (measure a proposal)
  --only=<1,…,7>        run some workloads only (5: statistics, 6: CSV export, 7: deadline watch)

DATABASE_URL set: its server, database klachten_bench (created, reused). Unset: an embedded
PostgreSQL under DATA_DIR (default .data/bench). Results: stdout and test/bench/results/.`;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
if (flag('help')) {
  process.stdout.write(HELP + '\n');
  process.exit(0);
}
const size = Number(option('size') ?? process.env.BENCH_SIZE ?? (flag('large') ? 1_000_000 : 100_000));
if (!Number.isInteger(size) || size < 1_000) throw new Error(`size must be a whole number ≥ 1000 (got ${size})`);
const duration = Number(option('duration') ?? process.env.BENCH_DURATION ?? 10);
const only = new Set((option('only') ?? '1,2,3,4,5,6,7').split(',').map(Number));
const large = size >= 500_000;
const root = repositoryRoot();
const resultsDir = path.join(root, 'test', 'bench', 'results');
const sizeLabel = size >= 1_000_000 && size % 1_000_000 === 0 ? `${size / 1_000_000}m` : size % 1_000 === 0 ? `${size / 1_000}k` : String(size);

/** Sequential samples per side: rounds × per round, alternating (fewer on the large data set). */
const ROUNDS = large ? 4 : 5;
const PER_ROUND = large ? 10 : 40;
const WARMUP = large ? 3 : 20;
const CONCURRENCY = 32;
/** The app's pool (api/src/database/data-source.ts): the raw side gets the same number of connections. */
const POOL_SIZE = 20;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// ------------------------------------------------------------------------------------ the API process

interface ApiProcess {
  url: string;
  pid: number;
  call<T>(request: Request): Promise<T>;
  stop(): Promise<void>;
}

async function startApi(databaseUrl: string, clockOffsetMs: number): Promise<ApiProcess> {
  // NODE_ENV in the process too, as `NODE_ENV=production npm start` has it: graphql-js checks it at load.
  const child: ChildProcess = fork(path.join(__dirname, 'server.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(`API process: ${message.error}`));
    else waiting?.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`API process exited (${code})`));
    pending.clear();
  });
  const call = <T>(request: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, request });
    });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-bench-api-'));
  const { url, pid } = await call<{ url: string; pid: number }>({
    type: 'start',
    clockOffsetMs,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'silent',
      SUBMIT_RATE_LIMIT: '1000000',
      // workload 7 runs the deadline watch itself; a worker on real time would run it in the middle of other workloads
      WORKERS: 'off',
      // Required in production by later versions of the config (ignored where unknown).
      PSEUDONYM_SECRET: randomBytes(32).toString('base64url'),
    },
  });
  return {
    url,
    pid,
    call,
    async stop() {
      await call({ type: 'stop' }).catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------------------------ results

interface Side extends Summary {
  label: string;
  statementsPerOp?: number;
  cpuMsPerOp?: number;
}

interface Comparison {
  workload: string;
  title: string;
  app: Side;
  baseline: Side;
  /** Shown in the details, not part of the ratio. */
  extra?: Side[];
  /** What the ratio compares and its goal. */
  measure: 'ops/s' | 'p99';
  goal: string;
  met: boolean;
  ratio: number;
  peakRss: number;
  notes: string[];
}

const comparisons: Comparison[] = [];
const profiles: Array<{ workload: string; summary: ProfileSummary; file: string }> = [];
const explains: Array<{ title: string; plan: string }> = [];
const statementSamples: Array<{ workload: string; statements: string[] }> = [];
const proposals: Array<{ workload: string; current: number; proposed: number }> = [];

function side(label: string, sample: Sample, extra: Partial<Side> = {}): Side {
  return { label, ...summarise(sample), ...extra };
}

// ------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const runStarted = Date.now();
  log(`size ${size.toLocaleString('en')} complaints; results to ${path.relative(process.cwd(), resultsDir) || resultsDir}`);
  const database: BenchDatabase = await openBenchDatabase(root);
  let api: ApiProcess | undefined;
  let pool: Pool | undefined;
  let seedInfo: SeedInfo | undefined;
  try {
    seedInfo = await seed(database.url, size, { reseed: flag('reseed'), recreate: database.recreate, log });
    log(
      seedInfo.seeded
        ? `seeded in ${(seedInfo.seedMs / 1000).toFixed(1)} s (${seedInfo.steps.map((s) => `${s.step} ${(s.ms / 1000).toFixed(1)}s`).join(', ')})`
        : `reusing the seeded database (seeded ${seedInfo.seededAt.toISOString()} in ${(seedInfo.seedMs / 1000).toFixed(1)} s)`,
    );

    pool = new Pool({ connectionString: database.url, max: POOL_SIZE, application_name: 'klachten-bench-sql' });
    const proposed = flag('proposed-indexes');
    for (const sql of proposed ? PROPOSED_INDEXES : PROPOSED_INDEX_NAMES.map((name) => `DROP INDEX IF EXISTS ${name}`)) await pool.query(sql);
    if (proposed) await pool.query('ANALYZE complaint');

    // "Now" for the app and for the SQL: the moment of the seed, moving on in real time, so that a
    // database seeded days ago still has its deadlines spread around "now".
    const clockOffsetMs = Math.max(0, runStarted - seedInfo.seededAt.getTime());
    const benchNow = () => new Date(Date.now() - clockOffsetMs);

    api = await startApi(database.url, clockOffsetMs);
    log(`API process ${api.pid} at ${api.url}`);
    const graphqlUrl = `${api.url}/graphql`;
    const login = await postJson<{ data?: { login: { token: string } }; errors?: unknown }>(
      graphqlUrl,
      JSON.stringify({
        query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        variables: { e: BENCH_DIRECTOR.email, p: BENCH_DIRECTOR.password },
      }),
    );
    if (!login.body.data) throw new Error(`login failed: ${JSON.stringify(login.body.errors)}`);
    const auth = { authorization: `Bearer ${login.body.data.login.token}` };
    const unit = (await pool.query<{ id: string; code: string }>("SELECT id, code FROM organisational_unit WHERE code = 'U01'")).rows[0];

    const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await postJson<{ data?: T; errors?: Array<{ message: string }> }>(graphqlUrl, JSON.stringify({ query, variables }), auth);
      if (response.status !== 200 || !response.body.data) throw new Error(`GraphQL ${response.status}: ${JSON.stringify(response.body.errors)}`);
      return response.body.data;
    };
    const sqlPage = async (sql: string, params: unknown[]) => (await pool!.query<{ page: unknown }>(sql, params)).rows[0].page;

    const profileDir = path.resolve(root, process.env.DATA_DIR?.trim() || '.data/bench', 'profiles');
    const withApiMeasured = async <T>(workload: string, run: () => Promise<T>): Promise<{ result: T; readout: Readout }> => {
      await api!.call({ type: 'mark' });
      if (flag('profile')) await api!.call({ type: 'profile-start' });
      const result = await run();
      if (flag('profile')) {
        const file = path.join(profileDir, `${sizeLabel}-${workload}.cpuprofile`);
        const summary = await api!.call<ProfileSummary>({ type: 'profile-stop', file });
        profiles.push({ workload, summary, file: path.relative(root, file) });
      }
      const readout = await api!.call<Readout>({ type: 'read' });
      return { result, readout };
    };
    /** Statements the API sends for one request, counted at the driver, with their text; and what onQuery saw of them. */
    const countStatements = async (workload: string, once: () => Promise<unknown>): Promise<{ statements: number; observed: number }> => {
      await api!.call({ type: 'mark' });
      await once();
      const readout = await api!.call<Readout>({ type: 'read' });
      statementSamples.push({ workload, statements: readout.sample });
      return { statements: readout.statements, observed: readout.observed };
    };
    const countNote = ({ statements, observed }: { statements: number; observed: number }) =>
      `statements per request: ${statements} (counted at the pg driver; startApp's onQuery saw ${observed})`;
    const explain = async (title: string, sql: string, params: unknown[]) => {
      const { rows } = await pool!.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      explains.push({ title, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
    };
    /** Median of `count` sequential runs of a statement (the plan cached after the first). */
    const timeStatement = async (sql: string, params: unknown[], count = large ? 10 : 30) => {
      await pool!.query(sql, params);
      return summarise(await sequential(count, () => pool!.query(sql, params))).p50;
    };
    /** The list statement the API sent (captured at the driver), explained with the parameters we know it takes; and the proposed shape. */
    const explainApiStatement = async (title: string, workload: keyof typeof PROPOSED_STATEMENTS, params: unknown[]) => {
      const statement = statementSamples.find((entry) => entry.workload === workload)?.statements.find((sql) => /COUNT\(\*\) OVER \(\)/i.test(sql));
      if (!statement) return;
      const placeholders = new Set(statement.match(/\$\d+/g) ?? []).size;
      if (placeholders !== params.length) {
        explains.push({ title, plan: `(not explained: the statement takes ${placeholders} parameters, the bench knows ${params.length})\n${statement}` });
        return;
      }
      await explain(`${title}\n\n    ${statement}`, statement, params);
      const proposal = PROPOSED_STATEMENTS[workload];
      await explain(`${workload}. proposed: the same page, its total as a scalar sub-select\n\n    ${proposal.replace(/\s+/g, ' ')}`, proposal, params);
      proposals.push({ workload, current: await timeStatement(statement, params), proposed: await timeStatement(proposal, params) });
    };

    // ---------------------------------------------------------------- 2. back-office list
    if (only.has(2)) {
      log('2. back-office list …');
      const variables = { unitId: unit.id };
      const viaApi = await gql<{ complaintList: unknown }>(LIST_GRAPHQL, variables);
      const viaSql = await sqlPage(LIST_SQL, [unit.id]);
      const same = sameData(viaApi.complaintList, viaSql);
      const statements = await countStatements('2', () => gql(LIST_GRAPHQL, variables));
      const { result, readout } = await withApiMeasured('2-list', () =>
        alternate(
          ROUNDS,
          PER_ROUND,
          WARMUP,
          () => gql(LIST_GRAPHQL, variables),
          () => sqlPage(LIST_SQL, [unit.id]),
        ),
      );
      const apiCalls = ROUNDS * PER_ROUND + WARMUP;
      const app = side('complaintList over HTTP (DIRECTOR)', result.a, {
        statementsPerOp: readout.statements / apiCalls,
        cpuMsPerOp: readout.cpuMs / apiCalls,
      });
      const baseline = side('one hand-written SQL (json_agg, total by count sub-select)', result.b, { statementsPerOp: 1 });
      const p99Ratio = app.p99 / baseline.p99;
      comparisons.push({
        workload: '2',
        title: `Back-office list: unit U01, 50 by nextDueAt, with handler, unit, complainant, deadlines; total ${(viaApi.complaintList as { total: number }).total.toLocaleString('en')}`,
        app,
        baseline,
        measure: 'p99',
        goal: '≤ 3 statements; p99 ≤ 2× SQL',
        met: statements.statements <= 3 && p99Ratio <= 2,
        ratio: p99Ratio,
        peakRss: readout.peakRss,
        notes: [countNote(statements), `same data as the SQL: ${same ? 'yes' : 'NO'}`],
      });
      await explain('2. hand-written list (unit U01)', LIST_SQL, [unit.id]);
      await explainApiStatement('2. the list statement the API sends', '2', [unit.id]);
    }

    // ---------------------------------------------------------------- 3. deadline sweep
    if (only.has(3)) {
      const laterThisWeek = () => {
        const now = DateTime.fromJSDate(benchNow()).setZone(ZONE);
        return [now.startOf('day').plus({ days: 1 }).toJSDate(), now.startOf('week').plus({ weeks: 1 }).toJSDate()];
      };
      const sweeps = [
        {
          key: '3a',
          label: 'deadlineList(due: OVERDUE)',
          query: DEADLINES_GRAPHQL,
          variables: { due: 'OVERDUE' },
          sql: deadlinesSql('OVERDUE'),
          params: () => [benchNow()],
          pick: 'deadlineList',
        },
        {
          key: '3b',
          label: 'deadlineList(due: LATER_THIS_WEEK)',
          query: DEADLINES_GRAPHQL,
          variables: { due: 'LATER_THIS_WEEK' },
          sql: deadlinesSql('LATER_THIS_WEEK'),
          params: laterThisWeek,
          pick: 'deadlineList',
        },
        {
          key: '3c',
          label: 'complaintList(overdue: true)',
          query: OVERDUE_COMPLAINTS_GRAPHQL,
          variables: {},
          sql: OVERDUE_COMPLAINTS_SQL,
          params: () => [benchNow()],
          pick: 'complaintList',
        },
      ] as const;
      for (const sweep of sweeps) {
        log(`3. deadline sweep: ${sweep.label} …`);
        const viaApi = await gql<Record<string, unknown>>(sweep.query, sweep.variables);
        const viaSql = await sqlPage(sweep.sql, sweep.params());
        const same = sameData(viaApi[sweep.pick], viaSql);
        const statements = await countStatements(sweep.key, () => gql(sweep.query, sweep.variables));
        const { result, readout } = await withApiMeasured(`${sweep.key}-sweep`, () =>
          alternate(
            ROUNDS,
            PER_ROUND,
            WARMUP,
            () => gql(sweep.query, sweep.variables),
            () => sqlPage(sweep.sql, sweep.params()),
          ),
        );
        const apiCalls = ROUNDS * PER_ROUND + WARMUP;
        const app = side(`${sweep.label} over HTTP`, result.a, { statementsPerOp: readout.statements / apiCalls, cpuMsPerOp: readout.cpuMs / apiCalls });
        const baseline = side('the same query as one SQL statement', result.b, { statementsPerOp: 1 });
        const p99Ratio = app.p99 / baseline.p99;
        comparisons.push({
          workload: sweep.key,
          title: `Deadline sweep: ${sweep.label}, 50 per page, total: ${(viaApi[sweep.pick] as { total: number }).total.toLocaleString('en')}`,
          app,
          baseline,
          measure: 'p99',
          goal: 'p99 ≤ 1.5× SQL',
          met: p99Ratio <= 1.5,
          ratio: p99Ratio,
          peakRss: readout.peakRss,
          notes: [countNote(statements), `same data as the SQL: ${same ? 'yes' : 'NO'}`],
        });
        await explain(`${sweep.key}. hand-written ${sweep.label}`, sweep.sql, sweep.params());
        await explainApiStatement(`${sweep.key}. the list statement the API sends`, sweep.key, sweep.params());
      }
    }

    // ---------------------------------------------------------------- 4. resolver overhead
    if (only.has(4)) {
      log('4. resolver overhead (in-process execution) …');
      const { result, readout } = await withApiMeasured('4-resolvers', () =>
        api!.call<ResolverResult>({
          type: 'resolver',
          token: auth.authorization.slice('Bearer '.length),
          query: LIST_GRAPHQL,
          variables: { unitId: unit.id },
          rounds: ROUNDS,
          perRound: PER_ROUND,
          warmup: WARMUP,
        }),
      );
      const app: Side = {
        label: 'TypeGraphQL schema, graphql() in-process',
        ...result.typegraphql,
        statementsPerOp: result.statementsPerOp.typegraphql,
        cpuMsPerOp: result.typegraphql.cpuUsPerOp / 1000,
      };
      const baseline: Side = {
        label: 'hand-built graphql-js schema, same loaders/service',
        ...result.plain,
        statementsPerOp: result.statementsPerOp.plain,
        cpuMsPerOp: result.plain.cpuUsPerOp / 1000,
      };
      const p99Ratio = app.p99 / baseline.p99;
      comparisons.push({
        workload: '4',
        title: 'Resolver overhead: the list query of workload 2, executed in the API process',
        app,
        baseline,
        measure: 'p99',
        goal: 'p99 ≤ 1.5× plain',
        met: p99Ratio <= 1.5,
        ratio: p99Ratio,
        peakRss: readout.peakRss,
        notes: [
          `same data from both schemas: ${result.identical ? 'yes' : 'NO'}`,
          `p50 ratio ${ratio(app.p50 / baseline.p50)}; CPU per execution ${ms(app.cpuMsPerOp!)} ms vs ${ms(baseline.cpuMsPerOp!)} ms (${ratio(app.cpuMsPerOp! / baseline.cpuMsPerOp!)})`,
        ],
      });
    }

    // ---------------------------------------------------------------- 5. statistics (BI)
    if (only.has(5)) {
      log('5. statistics over all complaints, grouped by month …');
      const input = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', groupBy: ['MONTH'] };
      const query = `query ($input: StatisticsInput!) { complaintStatistics(input: $input) { month complaints assessed wellFoundedShare
        toAcknowledgement { median p90 } toResponse { median p90 } toClosure { median p90 } compliance { kind onTime late open breached } averageSatisfaction } }`;
      const statements = await countStatements('5', () => gql(query, { input }));
      // The same SQL, run directly: the aggregate and the compliance statement the API sent, with its parameters.
      const sent = statementSamples.find((entry) => entry.workload === '5')!.statements.filter((sql) => /percentile_cont|d\.kind/.test(sql));
      const params = [new Date(input.from), new Date(input.to)];
      const direct = async () => {
        for (const sql of sent) await pool!.query(sql, sql.match(/\$3/) ? [...params, benchNow()] : params);
      };
      const { result, readout } = await withApiMeasured('5-statistics', () => alternate(large ? 3 : 4, large ? 3 : 8, 2, () => gql(query, { input }), direct));
      const app = side('complaintStatistics over HTTP (groupBy MONTH)', result.a, { statementsPerOp: statements.statements });
      const baseline = side(`the same ${sent.length} statements run directly`, result.b, { statementsPerOp: sent.length });
      const p99Ratio = app.p99 / baseline.p99;
      comparisons.push({
        workload: '5',
        title: `Statistics: all ${size.toLocaleString('en')} complaints grouped by month (percentiles, compliance) in PostgreSQL`,
        app,
        baseline,
        measure: 'p99',
        goal: 'p99 ≤ 1.5× SQL',
        met: p99Ratio <= 1.5,
        ratio: p99Ratio,
        peakRss: readout.peakRss,
        notes: [countNote(statements)],
      });
    }

    // ---------------------------------------------------------------- 6. CSV export (BI)
    if (only.has(6)) {
      log('6. CSV export of every complaint …');
      const rssBefore = (await api!.call<Readout>({ type: 'read' })).peakRss;
      const exportOnce = async () => {
        const response = await fetch(`${api!.url}/bi/complaints.csv`, { headers: auth });
        if (response.status !== 200 || !response.body) throw new Error(`CSV export answered ${response.status}`);
        let bytes = 0;
        let rows = -1; // the header
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 10) rows++;
        }
        return { bytes, rows };
      };
      const rawOnce = async () => {
        const { rows } = await pool!.query<{ n: string }>('SELECT count(*)::text AS n FROM complaint');
        return Number(rows[0].n);
      };
      let shape = { bytes: 0, rows: 0 };
      const { result, readout } = await withApiMeasured('6-csv', () =>
        alternate(
          1,
          2,
          0,
          async () => {
            shape = await exportOnce();
          },
          rawOnce,
        ),
      );
      const app = side(`GET /bi/complaints.csv (${shape.rows.toLocaleString('en')} rows, ${(shape.bytes / 1048576).toFixed(0)} MiB)`, result.a);
      const baseline = side('SELECT count(*) FROM complaint (a floor, not the same work)', result.b);
      comparisons.push({
        workload: '6',
        title: `CSV export of ${shape.rows.toLocaleString('en')} pseudonymised rows, streamed from a server-side cursor`,
        app,
        baseline,
        measure: 'p99',
        goal: 'constant memory',
        met: readout.peakRss - rssBefore < 64 * 1048576 && shape.rows === size,
        ratio: app.p99 / baseline.p99,
        peakRss: readout.peakRss,
        notes: [
          `API peak RSS ${(readout.peakRss / 1048576).toFixed(0)} MiB during the export against ${(rssBefore / 1048576).toFixed(0)} MiB before: ` +
            `+${((readout.peakRss - rssBefore) / 1048576).toFixed(0)} MiB for ${(shape.bytes / 1048576).toFixed(0)} MiB of CSV`,
          `throughput ${Math.round(shape.rows / (app.p50 / 1000)).toLocaleString('en')} rows/s`,
        ],
      });
    }

    // ---------------------------------------------------------------- 7. deadline watch (the job queue's every-minute run)
    if (only.has(7)) {
      log('7. deadline watch …');
      const breach = watchedSql(`d.breached_at IS NULL AND d.due_at < $1`, 'd.due_at');
      // a catch-up: deadlines that passed while no worker ran (recorded as breached by the seed, without events), once more unrecorded
      const catchUp = large ? 5_000 : 2_000;
      const unrecorded = await pool!.query(
        `UPDATE deadline SET breached_at = NULL, escalated_at = NULL WHERE id IN (
           SELECT d.id FROM deadline d
           WHERE d.breached_at IS NOT NULL AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = d.complaint_id AND e.type = 'DEADLINE_BREACHED' AND e.data->>'kind' = d.kind)
           LIMIT ${catchUp})`,
      );
      const caughtUpStarted = performance.now();
      const caughtUp = await countStatements('7-catch-up', () => api!.call({ type: 'watch', runs: 1 }));
      const caughtUpMs = performance.now() - caughtUpStarted;
      const statements = await countStatements('7', () => api!.call({ type: 'watch', runs: 1 }));
      const runs = large ? 20 : 50;
      const { result, readout } = await withApiMeasured('7-watch', async () => ({
        a: await api!.call<Sample>({ type: 'watch', runs }),
        // (a) the app's own breach statement, directly through pg, in a transaction rolled back (its row locks released)
        b: await sequential(runs, async () => {
          const client = await pool!.connect();
          try {
            await client.query('BEGIN');
            await client.query(breach, [benchNow()]);
            await client.query('ROLLBACK');
          } finally {
            client.release();
          }
        }),
      }));
      const app = side('one run of the watch (lapses, breaches, second escalations, reminders, hearings tomorrow)', result.a, {
        statementsPerOp: statements.statements,
      });
      const baseline = side('its breach statement alone, through pg (BEGIN; SELECT … FOR UPDATE SKIP LOCKED; ROLLBACK)', result.b);
      await explain('7. the watch: open deadlines past due and not yet recorded as breached', breach, [benchNow()]);
      const plan = explains.at(-1)!.plan;
      // the list while the watch runs back to back in the API process, against the list alone
      const listVariables = { unitId: unit.id };
      const listAlone = await sequential(large ? 100 : 300, () => gql(LIST_GRAPHQL, listVariables));
      await api!.call({ type: 'watch-loop', on: true });
      const listWithWatch = await sequential(large ? 100 : 300, () => gql(LIST_GRAPHQL, listVariables));
      await api!.call({ type: 'watch-loop', on: false });
      comparisons.push({
        workload: '7',
        title: `Deadline watch over ${size.toLocaleString('en')} complaints: one every-minute run (after the catch-up)`,
        app,
        baseline,
        extra: [side('complaintList, alone', listAlone), side('complaintList, with the watch running back to back', listWithWatch)],
        measure: 'p99',
        goal: 'index scan; list p99 with the watch ≤ 1.2× without',
        met: /deadline_breach_due_idx/.test(plan) && summarise(listWithWatch).p99 <= 1.2 * summarise(listAlone).p99,
        ratio: app.p99 / baseline.p99,
        peakRss: readout.peakRss,
        notes: [
          `statements per run: ${statements.statements} (counted at the pg driver)`,
          `catch-up: ${unrecorded.rowCount} deadlines that passed unrecorded, recorded (event, breach and escalation notices) in one run of ` +
            `${caughtUpMs.toFixed(0)} ms, ${caughtUp.statements} statements (${((unrecorded.rowCount ?? 0) / (caughtUpMs / 1000)).toFixed(0)} breaches/s)`,
          `breach statement uses deadline_breach_due_idx: ${/deadline_breach_due_idx/.test(plan) ? 'yes' : 'NO'}`,
          `list p99 ${summarise(listAlone).p99.toFixed(1)} ms alone, ${summarise(listWithWatch).p99.toFixed(1)} ms with the watch running back to back ` +
            `(${(summarise(listWithWatch).p99 / summarise(listAlone).p99).toFixed(2)}×)`,
        ],
      });
    }

    // ---------------------------------------------------------------- 1. website intake
    if (only.has(1)) {
      log(`1. website intake: ${CONCURRENCY} concurrent, ${duration} s per side …`);
      const intake = await intakeWorkload(pool, api, graphqlUrl, benchNow, seedInfo.seededAt);
      comparisons.unshift(intake);
    }

    await writeResults(database, seedInfo, pool);
  } finally {
    await api?.stop();
    closeAgent();
    if (pool && seedInfo) {
      const client = await pool.connect();
      try {
        const removed = await removeIntakeRows(client, seedInfo.seededAt);
        if (removed) log(`removed the ${removed} complaints the intake workload wrote`);
      } finally {
        client.release();
      }
    }
    await pool?.end();
    await database.stop();
  }
  log(`done in ${((Date.now() - runStarted) / 1000).toFixed(0)} s`);
}

// ------------------------------------------------------------------------------------ 1. intake

async function intakeWorkload(pool: Pool, api: ApiProcess, graphqlUrl: string, benchNow: () => Date, seededAt: Date): Promise<Comparison> {
  const body = JSON.stringify({
    query: 'mutation Submit($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference } }',
    variables: {
      input: {
        complainant: { name: 'Bench Intake', email: 'intake@bench.example', relation: 'CLIENT' },
        description: 'BENCH-INTAKE: de begeleider kwam de afspraken niet na en reageerde niet op mijn berichten.',
        unitCode: 'U01',
        categoryKey: 'bejegening',
      },
    },
  });
  const created = async () => Number((await pool.query<{ count: string }>('SELECT count(*) FROM complaint WHERE received_at > $1', [seededAt])).rows[0].count);

  // What the raw side needs, looked up once: the unit, the category, the default policy, the calendar.
  const ids = (
    await pool.query<{ unit: string; category: string; policy: string; snapshot: PolicySnapshot }>(
      `SELECT (SELECT id FROM organisational_unit WHERE code = 'U01') AS unit, (SELECT id FROM category WHERE key = 'bejegening') AS category,
              p.id AS policy, jsonb_build_object('key', p.key, 'forwardTo', p.forward_to, 'receiverMayResolve', p.receiver_may_resolve, 'referral', p.referral, 'rules', p.rules) AS snapshot
         FROM policy p WHERE p.is_default`,
    )
  ).rows[0];
  const days = await pool.query<{ date: string; description: string }>("SELECT to_char(date, 'YYYY-MM-DD') AS date, description FROM calendar_day");
  const calendar = new WorkingCalendar(days.rows);
  const rules = ids.snapshot.rules.filter((rule) => rule.startsAt === 'RECEIPT');
  const pseudonym = await hasColumn(pool as unknown as ClientBase, 'complainant', 'pseudonym');

  /**
   * `apiShape`: also the reads the API makes (unit, category, policy before; calendar, next_due_at
   * update and the re-read of the complaint after taking the counter) — 13 statements, as counted.
   */
  const submit = async (apiShape: boolean): Promise<void> => {
    const client: PoolClient = await pool.connect();
    try {
      const now = DateTime.fromJSDate(benchNow()).setZone(ZONE);
      const dues = rules.map((rule) => ({ rule, due: calendar.due(now, rule as Term) }));
      const nextDue = dues.reduce((min, { due }) => (due.dueAt < min ? due.dueAt : min), dues[0].due.dueAt);
      await client.query('BEGIN');
      if (apiShape) {
        await client.query("SELECT * FROM organisational_unit WHERE code = 'U01' AND active LIMIT 1");
        await client.query("SELECT * FROM category WHERE key = 'bejegening' AND active LIMIT 1");
        await client.query('SELECT * FROM policy WHERE is_default LIMIT 1');
      }
      const person = await client.query<{ id: string }>(
        pseudonym
          ? 'INSERT INTO complainant (name, email, relation, pseudonym) VALUES ($1, $2, $3, $4) RETURNING id'
          : 'INSERT INTO complainant (name, email, relation) VALUES ($1, $2, $3) RETURNING id',
        ['Bench Intake', 'intake@bench.example', 'CLIENT', ...(pseudonym ? [createHmac('sha256', 'bench').update('intake@bench.example').digest('hex')] : [])],
      );
      const counter = await client.query<{ last_number: number }>(
        `INSERT INTO complaint_reference_counter (year, last_number) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_number = complaint_reference_counter.last_number + 1 RETURNING last_number`,
        [now.year],
      );
      const reference = `KL-${now.year}-${String(counter.rows[0].last_number).padStart(6, '0')}`;
      const complaint = await client.query<{ id: string }>(
        `INSERT INTO complaint (reference, kind, status, channel, received_at, complainant_id, unit_id, category_id, policy_id, policy_snapshot, description, next_due_at)
         VALUES ($1, 'COMPLAINT', 'RECEIVED', 'WEB_FORM', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [reference, now.toJSDate(), person.rows[0].id, ids.unit, ids.category, ids.policy, ids.snapshot, 'BENCH-INTAKE: raw', nextDue.toJSDate()],
      );
      const id = complaint.rows[0].id;
      if (apiShape) await client.query('SELECT * FROM calendar_day');
      const values: unknown[] = [];
      const tuples = dues.map(({ rule, due }, index) => {
        values.push(id, rule.kind, rule.amount, rule.unit, now.toJSDate(), due.dueAt.toJSDate(), due.dueDate);
        const at = index * 7;
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, 'RECEIPT', $${at + 5}, $${at + 6}, $${at + 7})`;
      });
      await client.query(
        `INSERT INTO deadline (complaint_id, kind, amount, unit, starts_at, started_at, due_at, due_date) VALUES ${tuples.join(', ')}`,
        values,
      );
      if (apiShape) {
        await client.query(
          'UPDATE complaint SET next_due_at = (SELECT min(due_at) FROM deadline WHERE complaint_id = $1 AND met_at IS NULL AND cancelled_at IS NULL) WHERE id = $1',
          [id],
        );
      }
      await client.query(`INSERT INTO complaint_event (complaint_id, type, at, to_status, data) VALUES ($1, 'SUBMITTED', $2, 'RECEIVED', $3)`, [
        id,
        now.toJSDate(),
        {
          channel: 'WEB_FORM',
          policy: ids.snapshot.key,
          kind: 'COMPLAINT',
          deadlinesOpened: dues.map(({ rule, due }) => ({ kind: rule.kind, dueDate: due.dueDate, dueAt: due.dueAt.toISO() })),
        },
      ]);
      if (apiShape) await client.query('SELECT * FROM complaint WHERE id = $1', [id]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const rawSubmit = () => submit(false);
  const shapedSubmit = () => submit(true);

  /** The API side: the same closed loops as the raw side, each a POST over a keep-alive connection. */
  const apiSubmit = async (): Promise<void> => {
    const response = await postJson<{ data?: { submitComplaint?: { reference?: string } }; errors?: unknown }>(graphqlUrl, body);
    if (response.status !== 200 || !response.body.data?.submitComplaint?.reference)
      throw new Error(`submitComplaint ${response.status}: ${JSON.stringify(response.body.errors)}`);
  };
  const viaApi = async (seconds: number): Promise<Sample & { rows: number }> => {
    const before = await created();
    const sample = await closedLoop(CONCURRENCY, seconds, apiSubmit);
    if (sample.firstError) log(`intake error: ${String(sample.firstError)}`);
    return { ...sample, rows: (await created()) - before };
  };

  // One submission, its statements counted at the driver.
  await api.call({ type: 'mark' });
  const once = await postJson<{ data?: unknown; errors?: unknown }>(graphqlUrl, body);
  if (!once.body.data) throw new Error(`submitComplaint failed: ${JSON.stringify(once.body.errors)}`);
  const counted = await api.call<Readout>({ type: 'read' });
  statementSamples.unshift({ workload: '1', statements: counted.sample });

  // Warm both up, then alternate: 2 rounds of duration/2 seconds per side.
  await viaApi(2);
  await closedLoop(CONCURRENCY, 2, rawSubmit);
  await closedLoop(CONCURRENCY, 2, shapedSubmit);
  const apiSamples: Sample[] = [];
  const rawSamples: Sample[] = [];
  const shapedSamples: Sample[] = [];
  let apiRows = 0;
  let rawStatements = 0;
  const { readout } = await withApiReadout(api, async () => {
    for (let round = 0; round < 2; round++) {
      const sample = await viaApi(duration / 2);
      apiSamples.push(sample);
      apiRows += sample.rows;
      const raw = await closedLoop(CONCURRENCY, duration / 2, rawSubmit);
      if (raw.firstError) log(`raw intake error: ${String(raw.firstError)}`);
      rawSamples.push(raw);
    }
  });
  // Diagnosis, outside the API readout: plain pg sending what the API sends, in its order, holding
  // the reference counter's row lock across the same round trips.
  for (let round = 0; round < 2; round++) {
    const shapedRun = await closedLoop(CONCURRENCY, duration / 2, shapedSubmit);
    if (shapedRun.firstError) log(`API-shaped raw intake error: ${String(shapedRun.firstError)}`);
    shapedSamples.push(shapedRun);
  }
  rawStatements = 7;
  const apiSample = merge(apiSamples);
  const apiOps = apiSample.latencies.length;
  const app = side('submitComplaint over HTTP', apiSample, {
    statementsPerOp: readout.statements / Math.max(1, apiRows),
    cpuMsPerOp: readout.cpuMs / Math.max(1, apiRows),
  });
  const baseline = side('raw pg inserts, one transaction each', merge(rawSamples), { statementsPerOp: rawStatements });
  const shaped = side("raw pg, the API's statements in the API's order (not a goal: a diagnosis)", merge(shapedSamples), {
    statementsPerOp: counted.statements,
  });
  const throughputRatio = app.opsPerSecond / baseline.opsPerSecond;
  return {
    workload: '1',
    extra: [shaped],
    title: `Website intake: ${CONCURRENCY} concurrent, 2 × ${duration / 2} s per side, alternating`,
    app,
    baseline,
    measure: 'ops/s',
    goal: 'ops/s ≥ 0.5× raw',
    met: throughputRatio >= 0.5,
    ratio: throughputRatio,
    peakRss: readout.peakRss,
    notes: [
      `statements per submission: ${counted.statements} (counted at the pg driver; startApp's onQuery saw ${counted.observed})`,
      `rows written by the API: ${apiRows} for ${apiOps} answered requests (errors: ${apiSample.errors})`,
      `raw with the API's statement shape: ${shaped.opsPerSecond.toFixed(0)} ops/s (${ratio(shaped.opsPerSecond / baseline.opsPerSecond)} of raw) — the reference counter's row lock is held from the counter to COMMIT`,
      `raw: complainant, counter, complaint (next_due_at set), 4 deadlines, 1 event; BEGIN/COMMIT; pool of ${POOL_SIZE} like the app's`,
    ],
  };
}

async function withApiReadout(api: ApiProcess, run: () => Promise<void>): Promise<{ readout: Readout }> {
  await api.call({ type: 'mark' });
  if (flag('profile')) await api.call({ type: 'profile-start' });
  await run();
  if (flag('profile')) {
    const file = path.join(path.resolve(root, process.env.DATA_DIR?.trim() || '.data/bench', 'profiles'), `${sizeLabel}-1-intake.cpuprofile`);
    const summary = await api.call<ProfileSummary>({ type: 'profile-stop', file });
    profiles.unshift({ workload: '1-intake', summary, file: path.relative(root, file) });
  }
  return { readout: await api.call<Readout>({ type: 'read' }) };
}

// ------------------------------------------------------------------------------------ output

async function machine(pool: Pool, database: BenchDatabase): Promise<string[]> {
  const cpus = os.cpus();
  const { rows } = await pool.query<{
    version: string;
    complaints: string;
    open: string;
    deadlines: string;
    open_deadlines: string;
    complainants: string;
    staff: string;
    units: string;
  }>(
    `SELECT current_setting('server_version') AS version,
            (SELECT count(*) FROM complaint) AS complaints,
            (SELECT count(*) FROM complaint WHERE next_due_at IS NOT NULL) AS open,
            (SELECT count(*) FROM deadline) AS deadlines,
            (SELECT count(*) FROM deadline WHERE met_at IS NULL AND cancelled_at IS NULL) AS open_deadlines,
            (SELECT count(*) FROM complainant) AS complainants,
            (SELECT count(*) FROM staff) AS staff,
            (SELECT count(*) FROM organisational_unit) AS units`,
  );
  const [facts] = rows;
  const n = (value: string) => Number(value).toLocaleString('en');
  return [
    `- machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${mib(os.totalmem())} memory, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, PostgreSQL ${facts.version} (${database.label})`,
    `- data: ${n(facts.complaints)} complaints (${n(facts.open)} open), ${n(facts.deadlines)} deadlines (${n(facts.open_deadlines)} open), ${n(facts.complainants)} complainants, ${n(facts.staff)} staff, ${n(facts.units)} units`,
  ];
}

function verdict(comparison: Comparison): string {
  return comparison.met ? 'met' : 'MISSED';
}

async function writeResults(database: BenchDatabase, seedInfo: SeedInfo, pool: Pool): Promise<void> {
  const lines: string[] = [];
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  lines.push(`# Benchmark — ${size.toLocaleString('en')} complaints`, '');
  lines.push(`Run ${at} with \`npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}\`.`, '');
  lines.push(...(await machine(pool, database)));
  lines.push(
    seedInfo.seeded
      ? `- seed: ${(seedInfo.seedMs / 1000).toFixed(1)} s this run (${seedInfo.steps.map((step) => `${step.step} ${(step.ms / 1000).toFixed(1)} s`).join(', ')})`
      : `- seed: reused (seeded ${seedInfo.seededAt.toISOString().replace(/\.\d+Z$/, 'Z')} in ${(seedInfo.seedMs / 1000).toFixed(1)} s)`,
  );
  if (flag('proposed-indexes')) lines.push(`- with the proposed indexes: ${PROPOSED_INDEX_NAMES.join(', ')}`);
  lines.push('', '## Ratios', '');
  lines.push('| # | workload | app | baseline | ratio | goal | | API peak RSS |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const c of comparisons) {
    const value = (s: Side) => (c.measure === 'ops/s' ? `${s.opsPerSecond.toFixed(0)} ops/s` : `p99 ${ms(s.p99)} ms`);
    lines.push(
      `| ${c.workload} | ${c.title.split(':')[0]} | ${value(c.app)} | ${value(c.baseline)} | ${c.measure === 'ops/s' ? ratio(c.ratio) + ' of raw' : ratio(c.ratio)} | ${c.goal} | ${verdict(c)} | ${mib(c.peakRss)} |`,
    );
  }
  lines.push('', '## Details', '');
  for (const c of comparisons) {
    lines.push(`### ${c.workload}. ${c.title}`, '');
    lines.push('| variant | ops | ops/s | p50 ms | p99 ms | SQL/op | API CPU ms/op | errors |');
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const s of [c.app, c.baseline, ...(c.extra ?? [])]) {
      lines.push(
        `| ${s.label} | ${s.ops} | ${s.opsPerSecond.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p99)} | ${s.statementsPerOp === undefined ? '–' : Number(s.statementsPerOp.toFixed(2))} | ${s.cpuMsPerOp === undefined ? '–' : ms(s.cpuMsPerOp)} | ${s.errors} |`,
      );
    }
    lines.push(
      '',
      `ratio (${c.measure}): ${ratio(c.ratio)} — goal ${c.goal}: ${verdict(c)}; p50 ratio ${ratio(c.app.p50 / c.baseline.p50)}; API peak RSS ${mib(c.peakRss)}.`,
    );
    for (const note of c.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  if (proposals.length) {
    lines.push('## Proposed statement shape, timed here (p50 of sequential runs, same parameters)', '');
    lines.push("| workload | the API's list statement today | total as a scalar sub-select (see explain file) | speed-up |", '|---|---|---|---|');
    for (const p of proposals) lines.push(`| ${p.workload} | ${ms(p.current)} ms | ${ms(p.proposed)} ms | ${ratio(p.current / p.proposed)} |`);
    lines.push('');
  }
  if (statementSamples.length) {
    lines.push('## SQL one request sends (counted at the pg driver)', '');
    for (const entry of statementSamples) {
      lines.push(`- ${entry.workload}: ${entry.statements.length} statements`);
      for (const sql of entry.statements) lines.push(`  - \`${sql.length > 140 ? sql.slice(0, 137) + '…' : sql}\``);
    }
    lines.push('');
  }
  if (profiles.length) {
    lines.push('## CPU profiles of the API process (self time, share of busy time)', '');
    for (const { workload, summary, file } of profiles) {
      lines.push(`### ${workload} — busy ${(summary.busyMs / 1000).toFixed(1)} s of ${(summary.totalMs / 1000).toFixed(1)} s (\`${file}\`)`, '');
      lines.push(
        'by package: ' +
          summary.packages
            .slice(0, 10)
            .map((p) => `${p.name} ${(p.share * 100).toFixed(0)}%`)
            .join(', '),
        '',
      );
      lines.push('| self % | function | where |', '|---|---|---|');
      for (const f of summary.functions.slice(0, 12)) lines.push(`| ${(f.share * 100).toFixed(1)} | ${f.name} | ${f.where} |`);
      lines.push('');
    }
  }
  const table = lines.join('\n') + '\n';
  // A partial or profiled run does not replace the full run's file for its size.
  const variant =
    (flag('proposed-indexes') ? '-proposed-indexes' : '') +
    (option('only') ? `-only-${option('only')!.replace(/,/g, '')}` : '') +
    (flag('profile') ? '-profile' : '');
  process.stdout.write('\n' + table);
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.md'), table);
  fs.writeFileSync(path.join(resultsDir, `${sizeLabel}${variant}.md`), table);
  if (explains.length) {
    const plans = [
      `# EXPLAIN (ANALYZE, BUFFERS) — ${size.toLocaleString('en')} complaints, ${at}`,
      '',
      ...explains.flatMap(({ title, plan }) => [`## ${title}`, '', '```', plan, '```', '']),
    ].join('\n');
    fs.writeFileSync(path.join(resultsDir, `explain-${sizeLabel}${variant}.md`), plans);
  }
  log(`wrote ${path.relative(process.cwd(), path.join(resultsDir, 'latest.md'))}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
