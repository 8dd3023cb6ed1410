import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createFileStore, FileNotFoundError, FileTooLargeError, InvalidFileKeyError, type FileStore } from '../../../api/src/files/file-store';
import { S3FileStore } from '../../../api/src/files/s3-file-store';
import { startS3Server, type S3Server } from '../../helpers/s3-server';

/**
 * The file store's promises, each against the disk store and against a real S3-compatible server (s3rver, see
 * test/helpers/s3-server.ts for how it differs from AWS). Every test gets a store of its own: a folder not yet
 * created on disk, a key prefix of its own (S3_PREFIX) in the bucket.
 */
const MiB = 1024 * 1024;

interface Backend {
  store: FileStore;
  /** Everything the store left, visible or not: on disk every file in its folder (temp files too); in S3 every object and unfinished multipart upload. */
  leftovers(): Promise<string[]>;
  /** Whether the store has not touched its storage yet: its folder does not exist; the server had no request since. */
  untouched(): Promise<boolean>;
}

interface Harness {
  fresh(): Promise<Backend>;
  /** A store whose storage cannot be reached or written. */
  broken(): FileStore;
  stop(): Promise<void>;
}

async function diskHarness(): Promise<Harness> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-files-'));
  let count = 0;
  return {
    async fresh() {
      const directory = path.join(base, `store-${(count += 1)}`);
      return {
        store: createFileStore({ kind: 'disk', directory }),
        leftovers: async () => (fs.existsSync(directory) ? filesUnder(directory) : []),
        untouched: async () => !fs.existsSync(directory),
      };
    },
    broken() {
      const file = path.join(base, 'a-file');
      fs.writeFileSync(file, '');
      return createFileStore({ kind: 'disk', directory: path.join(file, 'files') });
    },
    async stop() {
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

async function s3Harness(server: S3Server): Promise<Harness> {
  const settings = (bucket: string, prefix: string) => ({
    bucket,
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    forcePathStyle: true,
    prefix,
  });
  const raw = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: settings(server.bucket, '').credentials });
  const stores: FileStore[] = [];
  let count = 0;
  const track = (store: FileStore) => (stores.push(store), store);
  return {
    async fresh() {
      const prefix = `t${(count += 1)}/`;
      const store = track(createFileStore({ kind: 's3', s3: settings(server.bucket, prefix) }));
      const requestsBefore = server.requests;
      return {
        store,
        async leftovers() {
          const { Contents = [] } = await raw.send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: prefix }));
          const uploads = (await server.unfinishedUploads()).filter((key) => key.startsWith(prefix)).map((key) => `unfinished upload of ${key}`);
          return [...Contents.map((object) => object.Key ?? ''), ...uploads];
        },
        untouched: async () => server.requests === requestsBefore,
      };
    },
    broken: () => track(createFileStore({ kind: 's3', s3: settings('no-such-bucket', '') })),
    async stop() {
      for (const store of stores) if (store instanceof S3FileStore) store.close();
      raw.destroy();
    },
  };
}

function filesUnder(directory: string): string[] {
  return (fs.readdirSync(directory, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A 64 KiB pattern; each chunk a fresh copy with its number in front, so no two chunks are alike. */
const PATTERN = Buffer.from(Array.from({ length: 64 * 1024 }, (_, index) => (index * 7 + (index >> 8)) & 0xff));

/**
 * A body made on the fly, chunk by chunk (nothing held but the chunk in hand), with the SHA-256 and head of what it
 * yielded; it fails with `failWith` after `failAfter` bytes, if given.
 */
function generated(totalBytes: number, options: { failAfter?: number; failWith?: Error; onChunk?: () => void } = {}) {
  const hash = createHash('sha256');
  const state = { yielded: 0, chunks: 0, head: Buffer.alloc(0), sha256: () => hash.digest('hex') };
  const body = new Readable({
    read() {
      if (options.failAfter !== undefined && state.yielded >= options.failAfter) return this.destroy(options.failWith ?? new Error('the client went away'));
      if (state.yielded >= totalBytes) return void this.push(null);
      const chunk = Buffer.from(PATTERN.subarray(0, Math.min(PATTERN.length, totalBytes - state.yielded)));
      chunk.writeUInt32BE(state.chunks, 0);
      hash.update(chunk);
      if (state.head.length < 4100) state.head = Buffer.concat([state.head, chunk]).subarray(0, 4100);
      state.yielded += chunk.length;
      state.chunks += 1;
      options.onChunk?.();
      this.push(chunk);
    },
  });
  return { body, state };
}

async function sha256Of(stream: Readable): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const attachment = () => `attachments/${randomUUID()}`;

/** V8's gc(), exposed at run time (jest is not started with --expose-gc). */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.stop();
});

describe.each([
  ['disk', () => diskHarness()],
  ['s3', () => s3Harness(s3)],
])('the %s file store', (kind, makeHarness) => {
  let harness: Harness;
  let backend: Backend;
  let store: FileStore;

  beforeAll(async () => {
    harness = await makeHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(async () => {
    backend = await harness.fresh();
    store = backend.store;
  });

  it('is the kind configured', () => {
    expect(store.kind).toBe(kind);
  });

  it('gives back the bytes it stored, with their size, SHA-256 and head', async () => {
    const letter = Buffer.from('%PDF-1.7\n% a letter of complaint\n');
    const key = attachment();
    const stored = await store.put(key, Readable.from([letter.subarray(0, 9), letter.subarray(9)]), {
      maxBytes: letter.length,
      contentType: 'application/pdf',
    });
    expect(stored).toEqual({ key, sizeBytes: letter.length, sha256: createHash('sha256').update(letter).digest('hex'), head: letter });
    expect(await bytesOf(await store.open(key))).toEqual(letter);
    expect(await store.list('attachments/')).toEqual([key]);
  });

  it('stores an empty file', async () => {
    const key = attachment();
    expect(await store.put(key, Readable.from([]), { maxBytes: 10 })).toMatchObject({
      sizeBytes: 0,
      sha256: createHash('sha256').digest('hex'),
      head: Buffer.alloc(0),
    });
    expect(await bytesOf(await store.open(key))).toEqual(Buffer.alloc(0));
  });

  /**
   * What a put may add to the process's RSS, whatever the file's size. S3: lib-storage holds about three parts at
   * the end of each (the next part's chunks, their concatenation, and the previous part, which the remainder's slice
   * keeps alive): 3 × 5 MiB with queueSize 1, plus the server in this process receiving and assembling (up to 17 MiB
   * together in ten runs here). The 60 MiB put shows that it does not grow with the file.
   */
  const HELD = kind === 's3' ? 25 * MiB : 15 * MiB;

  /**
   * A put of a generated body with the process's RSS sampled on every chunk and every 5 ms. `collecting`: a scavenge
   * every 5 ms and a full collection every 2 MiB, so that the peak is what is held rather than garbage V8 has yet to
   * collect.
   */
  async function measuredPut(sizeBytes: number, collecting: boolean) {
    collect();
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sample = () => void (peak = Math.max(peak, process.memoryUsage.rss()));
    let chunks = 0;
    const { body, state } = generated(sizeBytes, {
      onChunk: () => {
        if (collecting && (chunks += 1) % 32 === 0) collect();
        sample();
      },
    });
    const timer = setInterval(() => (collecting ? (collect({ type: 'minor' }), sample()) : sample()), 5);
    try {
      const stored = await store.put(`exports/${randomUUID()}.zip`, body, { maxBytes: 100 * MiB, contentType: 'application/zip' });
      return { stored, sha256: state.sha256(), head: state.head, baseline, growth: peak - baseline };
    } finally {
      clearInterval(timer);
    }
  }

  it('stores 20 MB streamed in 64 KB chunks in constant memory', async () => {
    // once before, so that what loads and allocates once (SDK code paths, sockets, the first part buffer) is not counted
    await store.put(attachment(), generated(6 * MiB).body, { maxBytes: 6 * MiB });
    // the collected runs first: RSS seldom shrinks, so an uncollected run's peak would be the next one's baseline
    const held = await measuredPut(20 * MiB, true);
    const heldThreeTimes = await measuredPut(60 * MiB, true);
    const asItRuns = await measuredPut(20 * MiB, false);
    const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
    // eslint-disable-next-line no-console
    console.log(
      `${kind} store, process RSS over a put: 20 MiB +${mb(held.growth)} (from ${mb(held.baseline)}), 60 MiB +${mb(heldThreeTimes.growth)} ` +
        `with collections; 20 MiB +${mb(asItRuns.growth)} as it runs (from ${mb(asItRuns.baseline)}); bound ${mb(HELD)}`,
    );
    expect(held.growth).toBeLessThan(HELD);
    expect(heldThreeTimes.growth).toBeLessThan(HELD);
    expect(held.stored).toMatchObject({ sizeBytes: 20 * MiB, sha256: held.sha256, head: held.head });
    expect(held.stored.head).toHaveLength(4100);
    expect(await sha256Of(await store.open(held.stored.key))).toEqual({ sha256: held.sha256, sizeBytes: 20 * MiB });
    expect(heldThreeTimes.stored).toMatchObject({ sizeBytes: 60 * MiB, sha256: heldThreeTimes.sha256 });
  }, 120_000);

  it.each([
    ['within the first part', 1000, MiB],
    ['past the first 5 MiB part (S3: a multipart upload under way)', 6 * MiB, 8 * MiB],
  ])('refuses a body over the limit %s, stops reading it and keeps nothing', async (_when, maxBytes, totalBytes) => {
    const { body, state } = generated(totalBytes);
    const refusal = await store.put(attachment(), body, { maxBytes }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FileTooLargeError);
    expect((refusal as FileTooLargeError).limitBytes).toBe(maxBytes);
    expect(state.yielded).toBeLessThan(totalBytes);
    // left to its owner: an HTTP request can still be answered
    expect(body.destroyed).toBe(false);
    expect(await store.list('')).toEqual([]);
    expect(await backend.leftovers()).toEqual([]);
  });

  it('takes a body of exactly the limit', async () => {
    const { body } = generated(100_000);
    expect(await store.put(attachment(), body, { maxBytes: 100_000 })).toMatchObject({ sizeBytes: 100_000 });
  });

  it.each([
    ['within the first part', 100_000],
    ['past the first 5 MiB part (S3: a multipart upload under way)', 7 * MiB],
  ])('rejects with the error of a body that fails %s and keeps nothing', async (_when, failAfter) => {
    const { body } = generated(12 * MiB, { failAfter, failWith: new Error('the client went away') });
    await expect(store.put(attachment(), body, { maxBytes: 20 * MiB })).rejects.toThrow('the client went away');
    expect(await store.list('')).toEqual([]);
    expect(await backend.leftovers()).toEqual([]);
  });

  it('keeps the old file when a put over its key fails', async () => {
    const key = attachment();
    await store.put(key, Readable.from([Buffer.from('first version')]), { maxBytes: 100 });
    await expect(store.put(key, generated(8 * MiB, { failAfter: 6 * MiB }).body, { maxBytes: 20 * MiB })).rejects.toThrow('the client went away');
    await expect(store.put(key, generated(200).body, { maxBytes: 100 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect((await bytesOf(await store.open(key))).toString()).toBe('first version');
    // a whole new body replaces it
    await store.put(key, Readable.from([Buffer.from('second version')]), { maxBytes: 100 });
    expect((await bytesOf(await store.open(key))).toString()).toBe('second version');
    expect(await store.list('')).toEqual([key]);
  });

  it('deletes idempotently', async () => {
    const key = attachment();
    await store.put(key, Readable.from([Buffer.from('x')]), { maxBytes: 10 });
    await store.delete(key);
    await store.delete(key);
    await store.delete(attachment());
    expect(await store.list('')).toEqual([]);
    await expect(store.open(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('answers FileNotFoundError for a key that holds no file', async () => {
    await expect(store.open(attachment())).rejects.toBeInstanceOf(FileNotFoundError);
    await store.put('attachments/a', Readable.from([Buffer.from('a')]), { maxBytes: 10 });
    // the disk store's folder of the key above
    await expect(store.open('attachments')).rejects.toBeInstanceOf(FileNotFoundError);
    await store.delete('attachments');
    expect(await store.list('')).toEqual(['attachments/a']);
  });

  it('lists exactly the keys under a prefix', async () => {
    const keys = ['attachments/b', 'attachments/a', 'exports/c.zip', 'attachments-old/d', 'exports/2026/e.zip'];
    for (const key of keys) await store.put(key, Readable.from([Buffer.from(key)]), { maxBytes: 100 });
    expect(await store.list('attachments/')).toEqual(['attachments/a', 'attachments/b']);
    expect(await store.list('attachments')).toEqual(['attachments-old/d', 'attachments/a', 'attachments/b']);
    expect(await store.list('exports/')).toEqual(['exports/2026/e.zip', 'exports/c.zip']);
    expect(await store.list('exports/2026/')).toEqual(['exports/2026/e.zip']);
    expect(await store.list('nothing/')).toEqual([]);
    expect(await store.list('')).toEqual([...keys].sort());
  });

  it.each([
    '../x',
    '/x',
    'A B',
    'attachments/../x',
    'attachments/..',
    '',
    'attachments/',
    'attachments//x',
    'attachments/.x',
    `a${'b'.repeat(201)}`,
    'x\0',
    'x\\y',
  ])('refuses the key %j before any I/O', async (key) => {
    const { body } = generated(10);
    await expect(store.put(key, body, { maxBytes: 100 })).rejects.toBeInstanceOf(InvalidFileKeyError);
    await expect(store.open(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
    expect(body.readableDidRead).toBe(false);
    expect(await backend.untouched()).toBe(true);
  });

  it.each(['../', '/attachments', 'A', 'attachments//'])('refuses the prefix %j before any I/O', async (prefix) => {
    await expect(store.list(prefix)).rejects.toBeInstanceOf(InvalidFileKeyError);
    expect(await backend.untouched()).toBe(true);
  });

  it('refuses a limit that is not a number of bytes', async () => {
    await expect(store.put(attachment(), generated(10).body, { maxBytes: Number.NaN })).rejects.toBeInstanceOf(RangeError);
    expect(await backend.untouched()).toBe(true);
  });

  it('checks that its storage is reachable', async () => {
    await expect(store.check()).resolves.toBeUndefined();
    expect(await store.list('')).toEqual([]);
    await expect(harness.broken().check()).rejects.toThrow();
  });
});

describe('the disk file store', () => {
  it('keeps its files to the service: folders 0o700, files 0o600', async () => {
    const directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-files-')), 'files');
    try {
      const store = createFileStore({ kind: 'disk', directory });
      await store.put('attachments/a', Readable.from([Buffer.from('a')]), { maxBytes: 10 });
      expect(fs.statSync(directory).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(directory, 'attachments')).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(directory, 'attachments', 'a')).mode & 0o777).toBe(0o600);
      expect(filesUnder(directory)).toEqual([path.join('attachments', 'a')]);
    } finally {
      fs.rmSync(path.dirname(directory), { recursive: true, force: true });
    }
  });
});

describe('the S3 file store', () => {
  it('keeps every key under S3_PREFIX', async () => {
    const store = createFileStore({
      kind: 's3',
      s3: {
        bucket: s3.bucket,
        endpoint: s3.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        forcePathStyle: true,
        prefix: 'klachten/',
      },
    });
    const raw = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    try {
      await store.put('attachments/a', Readable.from([Buffer.from('a')]), { maxBytes: 10 });
      const { Contents = [] } = await raw.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'klachten/' }));
      expect(Contents.map((object) => object.Key)).toEqual(['klachten/attachments/a']);
      expect(await store.list('')).toEqual(['attachments/a']);
      await store.delete('attachments/a');
    } finally {
      (store as S3FileStore).close();
      raw.destroy();
    }
  });
});
