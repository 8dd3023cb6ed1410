import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, paginateListObjectsV2, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { S3Settings } from '../config';
import type { Logger } from '../shared/logger';
import { assertFileKey, assertFilePrefix, feed, FileNotFoundError, Meter, type FileStore, type StoredFile } from './file-store';

/**
 * What a put holds in memory: lib-storage sends `queueSize` parts of `partSize` bytes at once and, at the end of each
 * part, also holds the next one's chunks and their concatenation (the previous part stays alive through the slice of
 * the remainder). One part at a time of the minimum size S3 allows holds some 15 MB per upload, whatever its size
 * (its default, four at a time, some 30 MB), at the price of sending the parts one after the other.
 */
export interface S3Tuning {
  partSize: number;
  queueSize: number;
}

const TUNING: S3Tuning = { partSize: 5 * 1024 * 1024, queueSize: 1 };

/**
 * Files in an S3-compatible bucket, each key under S3_PREFIX. A put streams through lib-storage's Upload: a body of
 * one part goes as one PutObject, a longer one as a multipart upload, which S3 shows only once it is completed and
 * which is aborted when the body fails or grows too large (its parts would otherwise be kept, and billed).
 *
 * The SDK's default integrity checks stay on (a CRC32 with every upload, checked by S3; responses checked where S3
 * sends a checksum). An S3-compatible server that refuses them can be met with the SDK's own
 * AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED and AWS_RESPONSE_CHECKSUM_VALIDATION=WHEN_REQUIRED.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(
    private readonly settings: S3Settings,
    private readonly logger?: Logger,
    private readonly tuning: S3Tuning = TUNING,
  ) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // an unreachable endpoint fails the request (and check()) in seconds; a stalled transfer after a minute of silence
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, body: NodeJS.ReadableStream | Readable, options: { maxBytes: number; contentType?: string }): Promise<StoredFile> {
    const objectKey = this.objectKey(key);
    const meter = new Meter(options.maxBytes);
    const release = feed(body, meter);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: objectKey, Body: meter, ContentType: options.contentType },
      partSize: this.tuning.partSize,
      queueSize: this.tuning.queueSize,
    });
    try {
      await upload.done();
    } catch (error) {
      // the body's own error or the limit, not what the SDK made of it; when aborting failed, the SDK throws that instead
      if (meter.failure !== undefined && error !== meter.failure) {
        this.logger?.warn('files: an unfinished multipart upload could not be aborted (a lifecycle rule for incomplete uploads removes it)', {
          key: objectKey,
          error: String(error),
        });
      }
      throw meter.failure ?? error;
    } finally {
      release();
      meter.destroy();
    }
    return meter.stored(key);
  }

  async open(key: string): Promise<Readable> {
    const objectKey = this.objectKey(key);
    try {
      const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: objectKey }));
      if (!(Body instanceof Readable)) throw new Error(`GetObject ${objectKey} returned no stream`);
      return Body;
    } catch (error) {
      if (notFound(error)) throw new FileNotFoundError(`no file under ${key}`);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    try {
      // S3 answers 204 whether or not the key existed; a few compatible servers answer 404
      await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: objectKey }));
    } catch (error) {
      if (!notFound(error)) throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertFilePrefix(prefix);
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.settings.bucket, Prefix: this.settings.prefix + prefix })) {
      for (const object of page.Contents ?? []) {
        if (object.Key !== undefined) keys.push(object.Key.slice(this.settings.prefix.length));
      }
    }
    return keys.sort();
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
  }

  /** Closes the client's connections (when the app stops). */
  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    assertFileKey(key);
    return this.settings.prefix + key;
  }
}

/** No such key (HEAD-like answers have no body to name it: NotFound, or a bare 404); a missing bucket is no missing file. */
const notFound = (error: unknown): boolean =>
  error instanceof S3ServiceException &&
  error.name !== 'NoSuchBucket' &&
  (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);
