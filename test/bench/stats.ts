import http from 'node:http';

/** Latencies (ms) of one side of a comparison, and how long the side ran. */
export interface Sample {
  latencies: number[];
  seconds: number;
  errors: number;
}

export interface Summary {
  ops: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarise(sample: Sample): Summary {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  return {
    ops: sorted.length,
    opsPerSecond: sorted.length / sample.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: sample.errors,
  };
}

export function merge(samples: readonly Sample[]): Sample {
  return {
    latencies: samples.flatMap((sample) => sample.latencies),
    seconds: samples.reduce((sum, sample) => sum + sample.seconds, 0),
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
  };
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Runs `operation` `count` times, one at a time, and records each latency. */
export async function sequential(count: number, operation: (index: number) => Promise<unknown>): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  const started = now();
  for (let index = 0; index < count; index++) {
    const begin = now();
    try {
      await operation(index);
      latencies.push(now() - begin);
    } catch {
      errors++;
    }
  }
  return { latencies, seconds: (now() - started) / 1000, errors };
}

/** `concurrency` closed loops calling `operation` until `seconds` have passed. */
export async function closedLoop(concurrency: number, seconds: number, operation: () => Promise<unknown>): Promise<Sample & { firstError?: unknown }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const started = now();
  const until = started + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (now() < until) {
      const begin = now();
      try {
        await operation();
        latencies.push(now() - begin);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, seconds: (now() - started) / 1000, errors, firstError };
}

/**
 * Every side in turn: `rounds` blocks of `perRound` sequential calls per side (after a warm-up of each), the
 * order turning round each round, so that drift in the machine's state hits every side alike.
 */
export async function alternateAll<K extends string>(
  rounds: number,
  perRound: number,
  warmup: number,
  sides: Record<K, (index: number) => Promise<unknown>>,
): Promise<Record<K, Sample>> {
  const keys = Object.keys(sides) as K[];
  for (const key of keys) await sequential(warmup, sides[key]);
  const samples = Object.fromEntries(keys.map((key) => [key, [] as Sample[]])) as unknown as Record<K, Sample[]>;
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < keys.length; turn++) {
      const key = keys[(turn + round) % keys.length];
      samples[key].push(await sequential(perRound, sides[key]));
    }
  }
  return Object.fromEntries(keys.map((key) => [key, merge(samples[key])])) as Record<K, Sample>;
}

/** A and B side by side (alternateAll with two sides). */
export async function alternate(
  rounds: number,
  perRound: number,
  warmup: number,
  a: (index: number) => Promise<unknown>,
  b: (index: number) => Promise<unknown>,
): Promise<{ a: Sample; b: Sample }> {
  return alternateAll(rounds, perRound, warmup, { a, b });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POST a JSON body to 127.0.0.1 and parse the JSON answer (keep-alive, no other overhead). */
export function postJson<T>(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export function closeAgent(): void {
  agent.destroy();
}

export const ms = (value: number): string =>
  Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) : '–';
export const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
export const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`;
