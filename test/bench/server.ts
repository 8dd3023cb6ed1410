import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { graphql, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import { DateTime } from 'luxon';
import type { StatsDimension } from '../../api/src/stats/stats.types';
import { startApp, type RunningApp } from '../../api/src/app';
import { loadConfig, type LogLevel } from '../../api/src/config';
import type { Caller } from '../../api/src/shared/caller';
import type { RequestContext } from '../../api/src/shared/request-context';
import { createLoaders } from '../../api/src/loaders';
import { createSchema } from '../../api/src/schema';
import { ZONE, type Clock } from '../../api/src/shared/clock';
import { createLogger } from '../../api/src/shared/logger';
import { createPlainSchema } from './plain-schema';
import { summariseProfile, type CpuProfile } from './profile';
import { alternate, sequential, summarise, type Summary } from './stats';

/**
 * The API process of the bench: the real app (startApp: migrations, services, Apollo, Express)
 * on 127.0.0.1, driven over IPC by run.bench.ts. It counts every SQL statement (onQuery), samples
 * its own RSS, profiles on request, and runs workload 4 (in-process execution) itself.
 */
export type Request =
  | { type: 'start'; env: Record<string, string>; clockOffsetMs: number }
  | { type: 'mark' }
  | { type: 'read'; keep?: number }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string }
  | { type: 'resolver'; token: string; query: string; variables: Record<string, unknown>; rounds: number; perRound: number; warmup: number }
  | { type: 'watch'; runs: number }
  | { type: 'watch-loop'; on: boolean }
  | { type: 'statistics-rollup' }
  | { type: 'statistics'; input: { from: string; to: string; groupBy: string[] }; path: 'best' | 'scan' }
  | { type: 'stop' };

export interface Readout {
  statements: number;
  observed: number;
  /** The first statements since the mark, as sent (to show what one request runs). */
  sample: string[];
  /** The same statements with their parameters, to be run again directly through pg (baseline (a)). */
  calls: Array<{ text: string; values: unknown[] }>;
  peakRss: number;
  cpuMs: number;
  hwm: number;
}

export interface ResolverResult {
  typegraphql: Summary & { cpuUsPerOp: number };
  plain: Summary & { cpuUsPerOp: number };
  statementsPerOp: { typegraphql: number; plain: number };
  identical: boolean;
}

let running: RunningApp | undefined;
/** Statements sent to PostgreSQL, counted at the driver (pg.Client#query): every one, whoever sends it. */
let statements = 0;
/** What startApp's onQuery saw over the same span (it should equal `statements`). */
let observed = 0;
let sample: string[] = [];
let calls: Array<{ text: string; values: unknown[] }> = [];
let keep = 40;
let peakRss = 0;
let cpuMark = process.cpuUsage();
let profiler: Session | undefined;
let clock: Clock;
/** Stops the back-to-back watch runs of workload 7, when they run. */
let watchLoop: (() => Promise<void>) | undefined;

const driverQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  const first = args[0] as string | { text?: string; values?: unknown[] } | undefined;
  const text = typeof first === 'string' ? first : (first?.text ?? '');
  if (sample.length < keep) {
    sample.push(text.replace(/\s+/g, ' ').trim());
    const values = typeof first === 'string' ? args[1] : first?.values;
    calls.push({ text, values: Array.isArray(values) ? values : [] });
  }
  return (driverQuery as (...rest: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 20).unref();

function vmHwm(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

async function resolverBench(request: Extract<Request, { type: 'resolver' }>): Promise<ResolverResult> {
  const app = running!;
  const caller: Caller | null = await app.services.auth.authenticate(`Bearer ${request.token}`);
  if (!caller) throw new Error('resolver bench: the token does not authenticate');
  const logger = createLogger('silent');
  // As http.ts builds it, once per request: fresh DataLoaders, the shared services.
  const context = (): RequestContext => ({
    requestId: randomUUID(),
    caller,
    ip: '127.0.0.1',
    clock,
    logger,
    services: app.services,
    loaders: createLoaders(app.dataSource),
  });
  const typegraphql = await createSchema();
  const plain = createPlainSchema();
  const execute = async (schema: GraphQLSchema) => {
    const result = await graphql({ schema, source: request.query, variableValues: request.variables, contextValue: context() });
    if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
    return result.data;
  };
  const identical = JSON.stringify(await execute(typegraphql)) === JSON.stringify(await execute(plain));

  // Statements per execution, counted (not assumed) for each side.
  statements = 0;
  await execute(typegraphql);
  const typegraphqlStatements = statements;
  statements = 0;
  await execute(plain);
  const plainStatements = statements;

  let cpuA = 0;
  let cpuB = 0;
  const timed = (schema: GraphQLSchema, add: (us: number) => void) => async () => {
    const before = process.cpuUsage();
    await execute(schema);
    const used = process.cpuUsage(before);
    add(used.user + used.system);
  };
  const { a, b } = await alternate(
    request.rounds,
    request.perRound,
    request.warmup,
    timed(typegraphql, (us) => (cpuA += us)),
    timed(plain, (us) => (cpuB += us)),
  );
  // The warm-up ran through the same functions: take it off again.
  const warm = request.warmup;
  const sa = summarise(a);
  const sb = summarise(b);
  return {
    typegraphql: { ...sa, cpuUsPerOp: cpuA / (sa.ops + warm) },
    plain: { ...sb, cpuUsPerOp: cpuB / (sb.ops + warm) },
    statementsPerOp: { typegraphql: typegraphqlStatements, plain: plainStatements },
    identical,
  };
}

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'start': {
      clock = { now: () => DateTime.fromMillis(Date.now() - request.clockOffsetMs).setZone(ZONE) };
      const config = loadConfig(request.env);
      running = await startApp(config, {
        clock,
        // BENCH_API_LOG=error (or debug) shows what the API logs; silent by default, as asked of a bench.
        logger: createLogger((process.env.BENCH_API_LOG as LogLevel | undefined) ?? 'silent'),
        onQuery: () => {
          observed++;
        },
      });
      return { url: running.url, pid: process.pid };
    }
    case 'mark':
      statements = 0;
      observed = 0;
      sample = [];
      calls = [];
      peakRss = process.memoryUsage.rss();
      cpuMark = process.cpuUsage();
      return {};
    case 'read': {
      keep = request.keep ?? keep;
      const cpu = process.cpuUsage(cpuMark);
      const readout: Readout = {
        statements,
        observed,
        sample,
        calls,
        peakRss: Math.max(peakRss, process.memoryUsage.rss()),
        cpuMs: (cpu.user + cpu.system) / 1000,
        hwm: vmHwm(),
      };
      return readout;
    }
    case 'profile-start':
      profiler = new Session();
      profiler.connect();
      await post(profiler, 'Profiler.enable');
      await post(profiler, 'Profiler.setSamplingInterval', { interval: 250 });
      await post(profiler, 'Profiler.start');
      return {};
    case 'profile-stop': {
      if (!profiler) throw new Error('no profile running');
      const { profile } = await post<{ profile: CpuProfile }>(profiler, 'Profiler.stop');
      profiler.disconnect();
      profiler = undefined;
      fs.mkdirSync(path.dirname(request.file), { recursive: true });
      fs.writeFileSync(request.file, JSON.stringify(profile));
      return summariseProfile(profile);
    }
    case 'resolver':
      return resolverBench(request);
    case 'watch':
      // workload 7: runs of the deadline watch, back to back, as the job queue's worker runs them
      return sequential(request.runs, () => running!.services.watch.run());
    case 'statistics-rollup': {
      // workload 5: the statistics job's run, as the worker runs it (the days and months that changed written again)
      const started = Date.now();
      const written = await running!.services.statisticsRollup.run();
      return { ...written, ms: Date.now() - started };
    }
    case 'statistics':
      // workload 5: (b) the same figures counted from every complaint of the period; (a) with path 'best', as the API reads them
      return running!.services.stats.statistics(
        { from: new Date(request.input.from), to: new Date(request.input.to), groupBy: request.input.groupBy as StatsDimension[] },
        request.path,
      );
    case 'watch-loop':
      if (request.on && !watchLoop) {
        let stop = false;
        const loop = (async () => {
          while (!stop) await running!.services.watch.run();
        })();
        watchLoop = async () => {
          stop = true;
          await loop;
        };
      } else if (!request.on && watchLoop) {
        await watchLoop();
        watchLoop = undefined;
      }
      return {};
    case 'stop':
      await running?.stop();
      setImmediate(() => process.exit(0));
      return {};
  }
}

process.on('message', (message: { id: number; request: Request }) => {
  handle(message.request).then(
    (result) => process.send!({ id: message.id, result }),
    (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
