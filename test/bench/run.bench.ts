import 'reflect-metadata';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
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
import { factCsvCopySql } from '../../api/src/stats/fact-csv';
import { to as copyTo } from 'pg-copy-streams';
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
import { alternateAll, closeAgent, closedLoop, merge, mib, ms, postJson, ratio, sequential, summarise, type Sample, type Summary } from './stats';

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

/** The baselines of a comparison, each measured in the same run as the app. */
const BASELINES = [
  { key: 'design', name: '(a)', meaning: "the app's own statements run directly through pg: the limit for the design" },
  { key: 'data', name: '(b)', meaning: 'the best hand-written SQL for the same answer: the limit for the data' },
  { key: 'limit', name: '(c)', meaning: "the machine's limit for the work: pgbench with the same inserts, COPY … TO STDOUT" },
] as const;
type Baseline = (typeof BASELINES)[number]['key'];

interface Comparison {
  workload: string;
  title: string;
  app: Side;
  design?: Side;
  data?: Side;
  limit?: Side;
  /** Shown in the details, not part of a ratio. */
  extra?: Side[];
  /** What the ratios compare, the goal, and the baseline the goal is measured against. */
  measure: 'ops/s' | 'p99';
  goal: string;
  against: Baseline;
  met: boolean;
  peakRss: number;
  notes: string[];
}

/** app / baseline: throughput as a share of the baseline's (ops/s), or latency as a multiple of it (p99). */
function ratioTo(measure: Comparison['measure'], app: Side, baseline: Side | undefined): number {
  if (!baseline) return NaN;
  return measure === 'ops/s' ? app.opsPerSecond / baseline.opsPerSecond : app.p99 / baseline.p99;
}

const comparisons: Comparison[] = [];
const profiles: Array<{ workload: string; summary: ProfileSummary; file: string }> = [];
const explains: Array<{ title: string; plan: string }> = [];
const statementSamples: Array<{ workload: string; statements: string[] }> = [];
const proposals: Array<{ workload: string; current: number; proposed: number }> = [];

function side(label: string, sample: Sample, extra: Partial<Side> = {}): Side {
  return { label, ...summarise(sample), ...extra };
}

/**
 * The dashboard's statistics request, as admin/src/dashboard/dashboard-api.ts sends it (a copy: the panel's generated
 * document is an ES module, which this CommonJS build cannot import).
 */
const DASHBOARD_QUERY = `query Dashboard($months: StatisticsInput!, $categories: StatisticsInput!, $overall: StatisticsInput!, $statuses: StatisticsInput!, $units: StatisticsInput!) {
  perMonth: complaintStatistics(input: $months) { month complaints signals }
  overall: complaintStatistics(input: $overall) { complaints signals compliance { kind onTime late open breached } }
  perCategory: complaintStatistics(input: $categories) { category categoryName complaints }
  perStatus: complaintStatistics(input: $statuses) { status complaints }
  perUnit: complaintStatistics(input: $units) { unit unitName compliance { breached } }
}`;

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
    const countStatements = async (
      workload: string,
      once: () => Promise<unknown>,
    ): Promise<{ statements: number; observed: number; calls: Readout['calls'] }> => {
      await api!.call({ type: 'mark' });
      await once();
      const readout = await api!.call<Readout>({ type: 'read' });
      statementSamples.push({ workload, statements: readout.sample });
      return { statements: readout.statements, observed: readout.observed, calls: readout.calls };
    };
    /** Baseline (a) of a read: the statements one request sent, with its parameters, run again on one connection in order. */
    const replay = (calls: Readout['calls']) => async () => {
      const client = await pool!.connect();
      try {
        for (const call of calls) await client.query(call.text, call.values);
      } finally {
        client.release();
      }
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
        alternateAll(ROUNDS, PER_ROUND, WARMUP, {
          app: () => gql(LIST_GRAPHQL, variables),
          design: replay(statements.calls),
          data: () => sqlPage(LIST_SQL, [unit.id]),
        }),
      );
      const apiCalls = ROUNDS * PER_ROUND + WARMUP;
      const app = side('complaintList over HTTP (DIRECTOR)', result.app, {
        statementsPerOp: readout.statements / apiCalls,
        cpuMsPerOp: readout.cpuMs / apiCalls,
      });
      const design = side(`(a) its ${statements.calls.length} statements run directly`, result.design, { statementsPerOp: statements.calls.length });
      const data = side('(b) one hand-written statement (json_agg, total by count sub-select)', result.data, { statementsPerOp: 1 });
      comparisons.push({
        workload: '2',
        title: `Back-office list: unit U01, 50 by nextDueAt, with handler, unit, complainant, deadlines; total ${(viaApi.complaintList as { total: number }).total.toLocaleString('en')}`,
        app,
        design,
        data,
        measure: 'p99',
        goal: '≤ 3 statements; p99 ≤ 1.5× (b)',
        against: 'data',
        met: statements.statements <= 3 && ratioTo('p99', app, data) <= 1.5,
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
          alternateAll(ROUNDS, PER_ROUND, WARMUP, {
            app: () => gql(sweep.query, sweep.variables),
            design: replay(statements.calls),
            data: () => sqlPage(sweep.sql, sweep.params()),
          }),
        );
        const apiCalls = ROUNDS * PER_ROUND + WARMUP;
        const app = side(`${sweep.label} over HTTP`, result.app, { statementsPerOp: readout.statements / apiCalls, cpuMsPerOp: readout.cpuMs / apiCalls });
        const design = side(`(a) its ${statements.calls.length} statements run directly`, result.design, { statementsPerOp: statements.calls.length });
        const data = side('(b) the same query as one hand-written statement', result.data, { statementsPerOp: 1 });
        comparisons.push({
          workload: sweep.key,
          title: `Deadline sweep: ${sweep.label}, 50 per page, total: ${(viaApi[sweep.pick] as { total: number }).total.toLocaleString('en')}`,
          app,
          design,
          data,
          measure: 'p99',
          goal: 'p99 ≤ 1.5× (b)',
          against: 'data',
          met: ratioTo('p99', app, data) <= 1.5,
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
      const design: Side = {
        label: '(a) a hand-built graphql-js schema over the same loaders and service',
        ...result.plain,
        statementsPerOp: result.statementsPerOp.plain,
        cpuMsPerOp: result.plain.cpuUsPerOp / 1000,
      };
      comparisons.push({
        workload: '4',
        title: 'Resolver overhead: the list query of workload 2, executed in the API process',
        app,
        design,
        measure: 'p99',
        goal: 'p99 ≤ 1.5× (a)',
        against: 'design',
        met: ratioTo('p99', app, design) <= 1.5,
        peakRss: readout.peakRss,
        notes: [
          `same data from both schemas: ${result.identical ? 'yes' : 'NO'}`,
          `p50 ratio ${ratio(app.p50 / design.p50)}; CPU per execution ${ms(app.cpuMsPerOp!)} ms vs ${ms(design.cpuMsPerOp!)} ms (${ratio(app.cpuMsPerOp! / design.cpuMsPerOp!)})`,
        ],
      });
    }

    // ---------------------------------------------------------------- 5. statistics (BI)
    if (only.has(5)) {
      log('5. statistics over all complaints, grouped by month …');
      const input = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', groupBy: ['MONTH'] };
      const query = `query ($input: StatisticsInput!) { complaintStatistics(input: $input) { month complaints assessed wellFoundedShare
        toAcknowledgement { median p90 count } toResponse { median p90 count } toClosure { median p90 count } compliance { kind onTime late open breached }
        averageSatisfaction } }`;
      // As in use: the statistics job has run (each minute); after a seed it writes every month once.
      const caughtUp = await api!.call<{ days: number; months: number; ms: number }>({ type: 'statistics-rollup' });
      const statements = await countStatements('5', () => gql(query, { input }));
      const scan = () => api!.call<unknown>({ type: 'statistics', input, path: 'scan' });
      const direct = () => api!.call<unknown>({ type: 'statistics', input, path: 'best' });
      // the rollup's answers take milliseconds, the scan's seconds: many samples of the first two, a few of the scan
      const { result, readout } = await withApiMeasured('5-statistics', async () => ({
        ...(await alternateAll(4, 20, 3, { app: () => gql(query, { input }), design: direct })),
        data: await sequential(large ? 3 : 5, scan),
      }));
      // The day the intake writes to, changed and not yet written by the job (as nearly always under intake): counted
      // from its complaints; then the job's run that writes it again.
      const newest = await pool!.query<{ day: string; complaints: string }>(
        `WITH newest AS (SELECT (max(received_at) AT TIME ZONE 'Europe/Amsterdam')::date AS day FROM complaint)
         SELECT day::text, (SELECT count(*) FROM complaint WHERE (received_at AT TIME ZONE 'Europe/Amsterdam')::date = day) AS complaints FROM newest`,
      );
      await pool!.query(`INSERT INTO statistics_change (day) VALUES ($1)`, [newest.rows[0].day]);
      const changed = await sequential(large ? 20 : 40, () => gql(query, { input }));
      // The dashboard's request as the panel sends it (admin/src/dashboard/dashboard-api.ts): five statistics, the last
      // twelve months and "ever", with the newest day still marked.
      const thisMonth = DateTime.now().setZone(ZONE).startOf('month');
      const year = { from: thisMonth.minus({ months: 11 }).toISO(), to: thisMonth.plus({ months: 1 }).toISO() };
      const ever = { from: DateTime.fromISO('2000-01-01', { zone: ZONE }).toISO(), to: DateTime.now().setZone(ZONE).plus({ days: 1 }).toISO() };
      const dashboard = await sequential(large ? 20 : 40, () =>
        gql(DASHBOARD_QUERY, {
          months: { ...year, groupBy: ['MONTH'] },
          overall: year,
          categories: { ...year, groupBy: ['CATEGORY'] },
          statuses: { ...ever, groupBy: ['STATUS'] },
          units: { ...ever, groupBy: ['UNIT'] },
        }),
      );
      const rewritten = await api!.call<{ ms: number }>({ type: 'statistics-rollup' });
      // the fields the query asks for, in its order (the service's rows carry more)
      type Lead = { median: number | null; p90: number | null; count: number };
      type Kept = { kind: string; onTime: number; late: number; open: number; breached: number };
      const lead = ({ median, p90, count }: Lead) => ({ median, p90, count });
      const fields = (rows: Array<Record<string, unknown>>) =>
        JSON.stringify(
          rows.map((row) => ({
            month: row.month,
            complaints: row.complaints,
            assessed: row.assessed,
            wellFoundedShare: row.wellFoundedShare,
            toAcknowledgement: lead(row.toAcknowledgement as Lead),
            toResponse: lead(row.toResponse as Lead),
            toClosure: lead(row.toClosure as Lead),
            compliance: (row.compliance as Kept[]).map(({ kind, onTime, late, open, breached }) => ({ kind, onTime, late, open, breached })),
            averageSatisfaction: row.averageSatisfaction,
          })),
        );
      const answered = (await gql<{ complaintStatistics: Array<Record<string, unknown>> }>(query, { input })).complaintStatistics;
      const counted = (await scan()) as Array<Record<string, unknown>>;
      const app = side('complaintStatistics over HTTP (groupBy MONTH), from the rollup', result.app, { statementsPerOp: statements.statements });
      const design = side('(a) the same statistics in the API process (its statements through pg, no HTTP)', result.design);
      const data = side('(b) counted from every complaint (the scan: percentile_cont, GROUP BY), in the API process', result.data);
      comparisons.push({
        workload: '5',
        title: `Statistics: all ${size.toLocaleString('en')} complaints grouped by month (percentiles, compliance) in PostgreSQL`,
        app,
        design,
        data,
        extra: [
          side(`complaintStatistics over HTTP with the newest day (${newest.rows[0].day}) changed: counted from its complaints`, changed),
          side(`the dashboard's request (five statistics, a year and "ever"), the newest day changed`, dashboard),
        ],
        measure: 'p99',
        goal: 'p99 ≤ 500 ms; ≤ 1.5× (a)',
        against: 'design',
        met: app.p99 <= 500 && ratioTo('p99', app, design) <= 1.5,
        peakRss: readout.peakRss,
        notes: [
          countNote(statements),
          `the same figures as counting every complaint: ${fields(answered) === fields(counted) ? 'yes' : 'NO'}`,
          `the statistics job caught up with ${caughtUp.days} days and ${caughtUp.months} months in ${(caughtUp.ms / 1000).toFixed(1)} s (all of them after a seed; in use each minute writes the days that changed); today's day written again in ${(rewritten.ms / 1000).toFixed(2)} s`,
          `complaints received on the newest day: ${Number(newest.rows[0].complaints).toLocaleString('en')}`,
        ],
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
      /** A COPY … TO STDOUT through pg-copy-streams on one pooled connection, read to the end; its bytes. */
      const copyOnce = async (sql: string) => {
        const client = await pool!.connect();
        try {
          let bytes = 0;
          for await (const chunk of client.query(copyTo(sql)) as AsyncIterable<Buffer>) bytes += chunk.length;
          return bytes;
        } finally {
          client.release();
        }
      };
      // (a) the export's own statement, with the moment as the API gives it; (c) the same rows of complaint by a plain COPY
      const designSql = () => factCsvCopySql(`'${benchNow().toISOString()}'`);
      const limitSql =
        'COPY (SELECT id, reference, kind, status, channel, received_at, closed_at, unit_id, category_id FROM complaint ORDER BY updated_at, id) TO STDOUT WITH (FORMAT csv, HEADER true)';
      let shape = { bytes: 0, rows: 0 };
      let designBytes = 0;
      let limitBytes = 0;
      const { result, readout } = await withApiMeasured('6-csv', () =>
        alternateAll(large ? 1 : 2, 1, 1, {
          app: async () => {
            shape = await exportOnce();
          },
          design: async () => {
            designBytes = await copyOnce(designSql());
          },
          limit: async () => {
            limitBytes = await copyOnce(limitSql);
          },
        }),
      );
      const app = side(`GET /bi/complaints.csv (${shape.rows.toLocaleString('en')} rows, ${(shape.bytes / 1048576).toFixed(0)} MiB)`, result.app);
      const design = side(`(a) its COPY statement run directly through pg-copy-streams (${(designBytes / 1048576).toFixed(0)} MiB)`, result.design);
      const limit = side(`(c) COPY of the same rows of complaint alone, 9 columns, no joins (${(limitBytes / 1048576).toFixed(0)} MiB)`, result.limit);
      const rowsPerSecond = (sample: Side) => Math.round(size / (sample.p50 / 1000)).toLocaleString('en');
      comparisons.push({
        workload: '6',
        title: `CSV export of ${shape.rows.toLocaleString('en')} pseudonymised rows, written by PostgreSQL (COPY) and streamed`,
        app,
        design,
        limit,
        measure: 'p99',
        goal: '≥ 0.3× the throughput of (a); constant memory',
        against: 'design',
        met: ratioTo('p99', app, design) <= 1 / 0.3 && readout.peakRss - rssBefore < 64 * 1048576 && shape.rows === size,
        peakRss: readout.peakRss,
        notes: [
          `API peak RSS ${(readout.peakRss / 1048576).toFixed(0)} MiB during the export against ${(rssBefore / 1048576).toFixed(0)} MiB before: ` +
            `${readout.peakRss >= rssBefore ? '+' : '−'}${(Math.abs(readout.peakRss - rssBefore) / 1048576).toFixed(0)} MiB for ${(shape.bytes / 1048576).toFixed(0)} MiB of CSV`,
          `throughput (p50): app ${rowsPerSecond(app)} rows/s, (a) ${rowsPerSecond(design)} rows/s, (c) ${rowsPerSecond(limit)} rows/s; ` +
            `app at ${(design.p50 / app.p50).toFixed(2)}× of (a)'s throughput`,
          // (a) runs a moment later: a deadline falling due in between changes a count, and so a byte
          `the same bytes from the API as from (a): ${designBytes === shape.bytes ? 'yes' : `no (${shape.bytes} against ${designBytes})`}`,
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
      const design = side('(a) its breach statement alone, through pg (BEGIN; SELECT … FOR UPDATE SKIP LOCKED; ROLLBACK)', result.b);
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
        design,
        extra: [side('complaintList, alone', listAlone), side('complaintList, with the watch running back to back', listWithWatch)],
        measure: 'p99',
        goal: 'index scan; list p99 with the watch ≤ 1.2× without',
        against: 'design',
        met: /deadline_breach_due_idx/.test(plan) && summarise(listWithWatch).p99 <= 1.2 * summarise(listAlone).p99,
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
      const intake = await intakeWorkload(pool, database.url, api, graphqlUrl, benchNow, seedInfo.seededAt);
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

async function intakeWorkload(pool: Pool, databaseUrl: string, api: ApiProcess, graphqlUrl: string, benchNow: () => Date, seededAt: Date): Promise<Comparison> {
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

  const pseudonymOf = createHmac('sha256', 'bench').update('intake@bench.example').digest('hex');
  const person = pseudonym
    ? {
        sql: 'INSERT INTO complainant (name, email, relation, pseudonym) VALUES ($1, $2, $3, $4) RETURNING id',
        values: ['Bench Intake', 'intake@bench.example', 'CLIENT', pseudonymOf],
      }
    : { sql: 'INSERT INTO complainant (name, email, relation) VALUES ($1, $2, $3) RETURNING id', values: ['Bench Intake', 'intake@bench.example', 'CLIENT'] };
  const COUNTER = `INSERT INTO complaint_reference_counter (year, last_number) VALUES ($1, 1)
    ON CONFLICT (year) DO UPDATE SET last_number = complaint_reference_counter.last_number + 1 RETURNING last_number`;
  const plan = () => {
    const now = DateTime.fromJSDate(benchNow()).setZone(ZONE);
    const dues = rules.map((rule) => ({ rule, due: calendar.due(now, rule as Term) }));
    const nextDue = dues.reduce((min, { due }) => (due.dueAt < min ? due.dueAt : min), dues[0].due.dueAt);
    const deadlinesOpened = dues.map(({ rule, due }) => ({ kind: rule.kind, dueDate: due.dueDate, dueAt: due.dueAt.toISO() }));
    return { now, dues, nextDue, event: { channel: 'WEB_FORM', policy: ids.snapshot.key, kind: 'COMPLAINT', deadlinesOpened } };
  };
  const inTransaction = async (work: (client: PoolClient) => Promise<void>): Promise<void> => {
    const client: PoolClient = await pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  /**
   * (a) the API's statements in the API's order, through pg: the reads before (unit, category, policy), the
   * complainant, the calendar, the counter, the complaint, its deadlines, next_due_at, the event, the re-read —
   * the reference counter's row stays locked from the counter to COMMIT across the round trips after it.
   */
  const designSubmit = () =>
    inTransaction(async (client) => {
      const { now, dues, nextDue, event } = plan();
      await client.query("SELECT * FROM organisational_unit WHERE code = 'U01' AND active LIMIT 1");
      await client.query("SELECT * FROM category WHERE key = 'bejegening' AND active LIMIT 1");
      await client.query('SELECT * FROM policy WHERE is_default LIMIT 1');
      const complainant = await client.query<{ id: string }>(person.sql, person.values);
      await client.query('SELECT * FROM calendar_day');
      const counter = await client.query<{ last_number: number }>(COUNTER, [now.year]);
      const reference = `KL-${now.year}-${String(counter.rows[0].last_number).padStart(6, '0')}`;
      const complaint = await client.query<{ id: string }>(
        `INSERT INTO complaint (reference, kind, status, channel, received_at, complainant_id, unit_id, category_id, policy_id, policy_snapshot, description, next_due_at)
         VALUES ($1, 'COMPLAINT', 'RECEIVED', 'WEB_FORM', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [reference, now.toJSDate(), complainant.rows[0].id, ids.unit, ids.category, ids.policy, ids.snapshot, 'BENCH-INTAKE: (a)', nextDue.toJSDate()],
      );
      const id = complaint.rows[0].id;
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
      await client.query(
        'UPDATE complaint SET next_due_at = (SELECT min(due_at) FROM deadline WHERE complaint_id = $1 AND met_at IS NULL AND cancelled_at IS NULL) WHERE id = $1',
        [id],
      );
      await client.query(`INSERT INTO complaint_event (complaint_id, type, at, to_status, data) VALUES ($1, 'SUBMITTED', $2, 'RECEIVED', $3)`, [
        id,
        now.toJSDate(),
        event,
      ]);
      await client.query('SELECT * FROM complaint WHERE id = $1', [id]);
    });

  /**
   * (b) the same rows, gapless as the app's, written as well as SQL allows: the complainant, then one statement
   * that takes the number and writes the complaint, its deadlines and its event — the counter's row is locked from
   * that statement to COMMIT, one round trip.
   */
  const dataSubmit = () =>
    inTransaction(async (client) => {
      const { now, dues, nextDue, event } = plan();
      const complainant = await client.query<{ id: string }>(person.sql, person.values);
      await client.query(
        `WITH n AS (${COUNTER}),
              c AS (INSERT INTO complaint (reference, kind, status, channel, received_at, complainant_id, unit_id, category_id, policy_id, policy_snapshot, description, next_due_at)
                    SELECT 'KL-' || $1 || '-' || lpad(n.last_number::text, 6, '0'), 'COMPLAINT', 'RECEIVED', 'WEB_FORM', $2, $3, $4, $5, $6, $7, 'BENCH-INTAKE: (b)', $8 FROM n
                    RETURNING id),
              d AS (INSERT INTO deadline (complaint_id, kind, amount, unit, starts_at, started_at, due_at, due_date)
                    SELECT c.id, r.kind, r.amount, r.unit, 'RECEIPT', $2, r.due_at, r.due_date
                      FROM c, jsonb_to_recordset($9::jsonb) AS r(kind text, amount int, unit text, due_at timestamptz, due_date date))
         INSERT INTO complaint_event (complaint_id, type, at, to_status, data) SELECT c.id, 'SUBMITTED', $2, 'RECEIVED', $10 FROM c`,
        [
          now.year,
          now.toJSDate(),
          complainant.rows[0].id,
          ids.unit,
          ids.category,
          ids.policy,
          ids.snapshot,
          nextDue.toJSDate(),
          JSON.stringify(
            dues.map(({ rule, due }) => ({ kind: rule.kind, amount: rule.amount, unit: rule.unit, due_at: due.dueAt.toISO(), due_date: due.dueDate })),
          ),
          event,
        ],
      );
    });

  /** The API side: the same closed loops as the raw side, each a POST over a keep-alive connection. */
  const apiSubmit = async (): Promise<void> => {
    const response = await postJson<{ data?: { submitComplaint?: { reference?: string } }; errors?: unknown }>(graphqlUrl, body);
    if (response.status !== 200 || !response.body.data?.submitComplaint?.reference)
      throw new Error(`submitComplaint ${response.status}: ${JSON.stringify(response.body.errors)}`);
  };

  // One submission, its statements counted at the driver.
  await api.call({ type: 'mark' });
  const once = await postJson<{ data?: unknown; errors?: unknown }>(graphqlUrl, body);
  if (!once.body.data) throw new Error(`submitComplaint failed: ${JSON.stringify(once.body.errors)}`);
  const counted = await api.call<Readout>({ type: 'read' });
  statementSamples.unshift({ workload: '1', statements: counted.sample });

  // Warm every side up, then alternate: 2 rounds of duration/2 seconds per side.
  const loops = { app: apiSubmit, design: designSubmit, data: dataSubmit } as const;
  for (const operation of Object.values(loops)) await closedLoop(CONCURRENCY, 2, operation);
  const samples = { app: [] as Sample[], design: [] as Sample[], data: [] as Sample[], limit: [] as Sample[] };
  const rowsBefore = await created();
  let apiRows = 0;
  const { readout } = await withApiReadout(api, async () => {
    for (let round = 0; round < 2; round++) {
      for (const key of ['app', 'design', 'data'] as const) {
        const before = key === 'app' ? await created() : 0;
        const sample = await closedLoop(CONCURRENCY, duration / 2, loops[key]);
        if (sample.firstError) log(`intake ${key} error: ${String(sample.firstError)}`);
        if (key === 'app') apiRows += (await created()) - before;
        samples[key].push(sample);
      }
      const machine = await pgbenchInserts(duration / 2, { url: databaseUrl, ...ids, pseudonym: pseudonym ? pseudonymOf : null, rules, calendar, benchNow });
      if (machine) samples.limit.push(machine);
    }
  });
  const app = side('submitComplaint over HTTP', merge(samples.app), {
    statementsPerOp: readout.statements / Math.max(1, apiRows),
    cpuMsPerOp: readout.cpuMs / Math.max(1, apiRows),
  });
  const design = side("(a) the API's statements in its order, through pg", merge(samples.design), { statementsPerOp: 13 });
  const data = side('(b) gapless as well as SQL allows: complainant, then one statement from the counter on', merge(samples.data), { statementsPerOp: 4 });
  const limit = samples.limit.length
    ? side('(c) pgbench, the same inserts without the counter (reference at random), 32 clients', merge(samples.limit), { statementsPerOp: 6 })
    : undefined;
  const toData = ratioTo('ops/s', app, data);
  return {
    workload: '1',
    title: `Website intake: ${CONCURRENCY} concurrent, 2 × ${duration / 2} s per side, alternating`,
    app,
    design,
    data,
    limit,
    measure: 'ops/s',
    goal: 'ops/s ≥ 0.8× (b)',
    against: 'data',
    met: toData >= 0.8,
    peakRss: readout.peakRss,
    notes: [
      `statements per submission: ${counted.statements} (counted at the pg driver; startApp's onQuery saw ${counted.observed})`,
      `rows written by the API: ${apiRows} for ${app.ops} answered requests (errors: ${app.errors}); every side wrote ${(await created()) - rowsBefore} complaints in all`,
      limit
        ? `the gapless rule itself: (b) at ${ratio(data.opsPerSecond / limit.opsPerSecond)} of (c), the same rows without the counter`
        : '(c) not run: pgbench is not on the PATH (Debian: postgresql-client)',
      `pool of ${POOL_SIZE} like the app's for (a) and (b); pgbench opens its own 32 connections`,
    ],
  };
}

/**
 * (c) of the intake: pgbench (the PostgreSQL client's) running the same inserts as (b) without the reference
 * counter, 32 clients, prepared statements: the machine's commit limit for these rows. Values that hold a colon
 * (moments, JSON) go in as base64, since pgbench reads `:name` as a variable. Undefined without pgbench.
 */
async function pgbenchInserts(
  seconds: number,
  given: {
    url: string;
    unit: string;
    category: string;
    policy: string;
    snapshot: PolicySnapshot;
    pseudonym: string | null;
    rules: PolicySnapshot['rules'];
    calendar: WorkingCalendar;
    benchNow: () => Date;
  },
): Promise<Sample | undefined> {
  const installed = fs.existsSync('/usr/lib/postgresql')
    ? fs.readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin/pgbench`)
    : [];
  const binary = ['pgbench', ...installed].find((candidate) => spawnSync(candidate, ['--version']).status === 0);
  if (!binary) return undefined;
  const now = DateTime.fromJSDate(given.benchNow()).setZone(ZONE);
  const dues = given.rules.map((rule) => ({ rule, due: given.calendar.due(now, rule as Term) }));
  const nextDue = dues.reduce((min, { due }) => (due.dueAt < min ? due.dueAt : min), dues[0].due.dueAt);
  const b64 = (value: unknown) =>
    `convert_from(decode('${Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64')}', 'base64'), 'UTF8')`;
  const at = `${b64(now.toISO())}::timestamptz`;
  const deadlines = dues
    .map(
      ({ rule, due }) => `(:c_id, '${rule.kind}', ${rule.amount}, '${rule.unit}', 'RECEIPT', ${at}, ${b64(due.dueAt.toISO())}::timestamptz, '${due.dueDate}')`,
    )
    .join(', ');
  const script = [
    'BEGIN;',
    given.pseudonym
      ? `INSERT INTO complainant (name, email, relation, pseudonym) VALUES ('Bench Intake', 'intake@bench.example', 'CLIENT', '${given.pseudonym}') RETURNING id AS p_id \\gset`
      : `INSERT INTO complainant (name, email, relation) VALUES ('Bench Intake', 'intake@bench.example', 'CLIENT') RETURNING id AS p_id \\gset`,
    `INSERT INTO complaint (reference, kind, status, channel, received_at, complainant_id, unit_id, category_id, policy_id, policy_snapshot, description, next_due_at)
       VALUES ('PG-' || substr(md5(random()::text), 1, 16), 'COMPLAINT', 'RECEIVED', 'WEB_FORM', ${at}, :p_id, '${given.unit}', '${given.category}', '${given.policy}',
               ${b64(given.snapshot)}::jsonb, 'BENCH-INTAKE: (c)', ${b64(nextDue.toISO())}::timestamptz) RETURNING id AS c_id \\gset`.replace(/\s+/g, ' '),
    `INSERT INTO deadline (complaint_id, kind, amount, unit, starts_at, started_at, due_at, due_date) VALUES ${deadlines};`,
    `INSERT INTO complaint_event (complaint_id, type, at, to_status, data) VALUES (:c_id, 'SUBMITTED', ${at}, 'RECEIVED', ${b64({ channel: 'WEB_FORM', kind: 'COMPLAINT' })}::jsonb);`,
    'COMMIT;',
  ].join('\n');
  const file = path.join(os.tmpdir(), `klachten-bench-intake-${process.pid}.sql`);
  fs.writeFileSync(file, script + '\n');
  const run = spawnSync(
    binary,
    ['-n', '-M', 'prepared', '-c', String(CONCURRENCY), '-j', '2', '-T', String(Math.round(seconds)), '-r', '-f', file, given.url],
    {
      encoding: 'utf8',
    },
  );
  fs.rmSync(file, { force: true });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(run.stdout)?.[1];
  const failed = /number of failed transactions: (\d+)/.exec(run.stdout)?.[1];
  if (run.status !== 0 || !tps || !latency) throw new Error(`pgbench failed (${run.status}): ${run.stderr || run.stdout}`);
  // pgbench reports a rate and a mean, not each transaction: the sample is that many transactions of the mean latency
  const count = Math.round(Number(tps) * seconds);
  return { latencies: Array.from({ length: count }, () => Number(latency)), seconds, errors: Number(failed ?? 0) };
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
  lines.push(
    `Baselines, each measured in the same run: ${BASELINES.map((b) => `${b.name} ${b.meaning}`).join('; ')}. ` +
      'Ratios are app / baseline: a share of its throughput (ops/s), a multiple of its p99 (p99). The goal names the baseline it is measured against.',
    '',
  );
  lines.push('| # | workload | app | (a) design | (b) data | (c) limit | app/(a) | app/(b) | app/(c) | goal | | API peak RSS |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of comparisons) {
    const value = (s: Side | undefined) => (!s ? '–' : c.measure === 'ops/s' ? `${s.opsPerSecond.toFixed(0)} ops/s` : `p99 ${ms(s.p99)} ms`);
    const ratios = BASELINES.map((b) => ratio(ratioTo(c.measure, c.app, c[b.key])));
    lines.push(
      `| ${c.workload} | ${c.title.split(':')[0]} | ${value(c.app)} | ${value(c.design)} | ${value(c.data)} | ${value(c.limit)} | ${ratios.join(' | ')} | ${c.goal} | ${verdict(c)} | ${mib(c.peakRss)} |`,
    );
  }
  lines.push('', '## Details', '');
  for (const c of comparisons) {
    lines.push(`### ${c.workload}. ${c.title}`, '');
    lines.push('| variant | ops | ops/s | p50 ms | p99 ms | SQL/op | API CPU ms/op | errors |');
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const s of [c.app, c.design, c.data, c.limit, ...(c.extra ?? [])]) {
      if (!s) continue;
      lines.push(
        `| ${s.label} | ${s.ops} | ${s.opsPerSecond.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p99)} | ${s.statementsPerOp === undefined ? '–' : Number(s.statementsPerOp.toFixed(2))} | ${s.cpuMsPerOp === undefined ? '–' : ms(s.cpuMsPerOp)} | ${s.errors} |`,
      );
    }
    const against = BASELINES.find((b) => b.key === c.against)!;
    lines.push(
      '',
      `goal ${c.goal}: ${verdict(c)} — app/${against.name} ${ratio(ratioTo(c.measure, c.app, c[c.against]))} (${c.measure}); API peak RSS ${mib(c.peakRss)}.`,
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
