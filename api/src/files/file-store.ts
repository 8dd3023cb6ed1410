import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { FileStoreConfig } from '../config';
import type { Logger } from '../shared/logger';
import type * as DiskModule from './disk-file-store';
import type * as S3Module from './s3-file-store';

export type { FileStoreConfig, S3Settings } from '../config';

/** What a put stored: its size and SHA-256 counted on the way, and its first bytes for content-type detection. */
export interface StoredFile {
  key: string;
  sizeBytes: number;
  /** Hex. */
  sha256: string;
  /** The first up to HEAD_BYTES bytes. */
  head: Buffer;
}

/** As many bytes as content-type sniffing reads (file-type's sample size). */
export const HEAD_BYTES = 4100;

export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the file is larger than ${limitBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class FileNotFoundError extends Error {
  override name = 'FileNotFoundError';
}

/** A key that breaks the rules below: a programming error, never a user's input. */
export class InvalidFileKeyError extends Error {
  override name = 'InvalidFileKeyError';
}

/**
 * Attachments and exports, by key (`attachments/<uuid>`, `exports/<uuid>.zip`): on disk under DATA_DIR, or in an
 * S3-compatible bucket when S3_BUCKET is set. Both promise the same: a key holds a whole file or nothing.
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  /**
   * Streams body to key (never buffering the whole file in memory: constant memory for a 20 MB file), computing size and
   * SHA-256 on the way; beyond maxBytes it stops reading, removes whatever was written and rejects with FileTooLargeError.
   * Nothing is visible under key until the whole body arrived (disk: temp file + rename; S3: a multipart upload is only
   * visible on completion). A failing body stream rejects and leaves nothing behind. The body itself is not destroyed:
   * it stays its owner's, so an HTTP request can still be answered 413.
   */
  put(key: string, body: NodeJS.ReadableStream | Readable, options: { maxBytes: number; contentType?: string }): Promise<StoredFile>;
  /** The stored bytes as a stream; FileNotFoundError when absent. */
  open(key: string): Promise<Readable>;
  /** Idempotent: absent is fine. */
  delete(key: string): Promise<void>;
  /** Every key under prefix, sorted (tests and the retention check use this to prove files are gone). */
  list(prefix: string): Promise<string[]>;
  /** Cheap reachability check (disk: the folder is writable; S3: HeadBucket). */
  check(): Promise<void>;
  /** Lets go of connections (the S3 client's sockets) when the app stops. */
  close(): void;
}

export function createFileStore(config: FileStoreConfig, logger?: Logger): FileStore {
  // required here rather than imported above: both import this module, and the AWS SDK (some 200 ms and 20 MB at
  // start) is loaded only where S3_BUCKET is set
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (config.kind === 's3') {
    const { S3FileStore } = require('./s3-file-store') as typeof S3Module;
    return new S3FileStore(config.s3, logger);
  }
  const { DiskFileStore } = require('./disk-file-store') as typeof DiskModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new DiskFileStore(config.directory, logger);
}

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/**
 * Lowercase letters, digits and `/ _ . -`, at most 201 characters; no `..`, no leading or trailing slash, no empty
 * segment and none that starts with a dot (the disk store's temp files do). Path traversal is impossible by
 * construction: a key that passes names a file inside the store's folder.
 */
export function assertFileKey(key: string): void {
  if (typeof key !== 'string' || !KEY.test(key) || key.endsWith('/') || !segmentsAreNamed(key)) {
    throw new InvalidFileKeyError(`not a file key: ${JSON.stringify(String(key).slice(0, 220))}`);
  }
}

/** A prefix for list: empty, or a key's beginning (`attachments/`). */
export function assertFilePrefix(prefix: string): void {
  if (typeof prefix !== 'string' || (prefix !== '' && (!KEY.test(prefix) || !segmentsAreNamed(prefix.replace(/\/$/, ''))))) {
    throw new InvalidFileKeyError(`not a file key prefix: ${JSON.stringify(String(prefix).slice(0, 220))}`);
  }
}

const segmentsAreNamed = (key: string): boolean => !key.includes('..') && key.split('/').every((segment) => segment !== '' && !segment.startsWith('.'));

/**
 * Counts, hashes and keeps the head of what passes through; past the limit it fails with FileTooLargeError.
 * `failure` is why it stopped, if it did: the limit, or the body's own error (see `feed`).
 */
export class Meter extends Transform {
  failure: Error | undefined;
  private sizeBytes = 0;
  private readonly hash = createHash('sha256');
  private readonly head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly limitBytes: number) {
    super();
    // NaN would compare false with every size: no limit at all
    if (!Number.isSafeInteger(limitBytes) || limitBytes < 0) throw new RangeError(`maxBytes must be a whole number of bytes (got ${limitBytes})`);
    // its consumer hears the error too; this keeps one that comes before the consumer listens from being uncaught
    this.on('error', () => undefined);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sizeBytes += chunk.length;
    if (this.sizeBytes > this.limitBytes) return callback(new FileTooLargeError(this.limitBytes));
    this.hash.update(chunk);
    if (this.headBytes < HEAD_BYTES) {
      // a copy: a slice would keep the whole chunk alive
      const part = Buffer.from(chunk.subarray(0, HEAD_BYTES - this.headBytes));
      this.head.push(part);
      this.headBytes += part.length;
    }
    callback(null, chunk);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (error) this.failure ??= error;
    callback(error);
  }

  /** Once everything passed. */
  stored(key: string): StoredFile {
    return { key, sizeBytes: this.sizeBytes, sha256: this.hash.digest('hex'), head: Buffer.concat(this.head) };
  }
}

/**
 * Pipes body into meter without taking body over: an error of body destroys meter with it; the returned release
 * stops reading body and leaves the rest to its owner (nothing more is read, nothing is destroyed).
 */
export function feed(body: NodeJS.ReadableStream | Readable, meter: Meter): () => void {
  // stays attached after release: a body that errors later, without a listener of its owner's, must not crash the process
  body.on('error', (error: unknown) => meter.destroy(error instanceof Error ? error : new Error(String(error))));
  body.pipe(meter);
  return () => {
    body.unpipe(meter);
    body.pause();
  };
}
