import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/**
 * A real S3-compatible server for the tests: s3rver (npm, in-process, files in a temp folder) on a free local port,
 * with one bucket. It speaks S3's REST API to the real AWS SDK; where it differs from AWS S3 in what matters to the
 * file store:
 *
 * - Authentication: SigV4 signatures are not verified. The access key id must be s3rver's built-in `S3RVER`, the
 *   secret is never checked, and a request without an Authorization header is served as anonymous. The tests prove
 *   nothing about credentials or signing.
 * - Checksums: the SDK's default CRC32 on every upload (`x-amz-checksum-crc32`, `x-amz-checksum-algorithm` on
 *   CreateMultipartUpload) and Content-MD5 are accepted and ignored, never verified; its answers carry no checksum,
 *   so the SDK's response validation never runs here. The store therefore works with the SDK's default
 *   (`requestChecksumCalculation`/`responseChecksumValidation` WHEN_SUPPORTED) and needs no WHEN_REQUIRED. It does
 *   not decode `aws-chunked` bodies (a streaming PutObject of unknown length would be stored with its chunk
 *   framing): lib-storage never sends one, its parts are buffers of known length.
 * - Multipart: AbortMultipartUpload is not implemented (it answers MethodNotAllowed); this helper answers it itself
 *   by removing s3rver's folder of that upload, so that a failed put's abort is exercised and can be checked with
 *   `unfinishedUploads()`. No minimum part size (AWS: 5 MiB but the last), part ETags are not checked on completion,
 *   no ListMultipartUploads or ListParts, and a completed object's ETag is the MD5 of the whole (AWS: of the parts,
 *   with `-N`).
 * - Consistency: AWS shows an object whole or not at all, with strong read-after-write. s3rver writes a PutObject
 *   in place while it streams and assembles a completed multipart upload in place likewise, so a read during a
 *   write may see part of it. The tests read only after a put settled; "nothing visible before completion" is
 *   checked by what is left after a failure, not by racing a reader.
 * - Otherwise: path-style only as used here, no versioning, object lock or lifecycle rules (AWS needs a lifecycle
 *   rule to remove uploads whose abort failed; nothing here can show that).
 */
export interface S3Server {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Requests it answered so far. */
  readonly requests: number;
  /** The keys of multipart uploads begun and neither completed nor aborted. */
  unfinishedUploads(): Promise<string[]>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

const BUCKET = 'klachten-test';

export async function startS3Server(): Promise<S3Server> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'klachten-s3-'));
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await s3rver.configureBuckets();
  // s3rver's own layout: <directory>/<bucket>/._S3rver_uploads/<upload id>/{key,metadata,1,2,…}
  const uploads = path.join(directory, BUCKET, '._S3rver_uploads');
  const serve = s3rver.callback();
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests += 1;
    const url = new URL(request.url ?? '/', 'http://s3.local');
    if (request.method === 'DELETE' && url.searchParams.has('uploadId')) {
      abortUpload(uploads, url, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
      return;
    }
    serve(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: BUCKET,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    get requests() {
      return requests;
    },
    async unfinishedUploads() {
      const ids = await fs.readdir(uploads).catch(() => []);
      return Promise.all(ids.map((id) => fs.readFile(path.join(uploads, id, 'key'), 'utf8')));
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

/** AbortMultipartUpload (`DELETE /<bucket>/<key>?uploadId=…`): 204 and the parts gone, or 404 NoSuchUpload. */
async function abortUpload(uploads: string, url: URL, response: http.ServerResponse): Promise<void> {
  const id = url.searchParams.get('uploadId') ?? '';
  const key = decodeURIComponent(url.pathname.split('/').slice(2).join('/'));
  const folder = path.join(uploads, id);
  const begun = /^[0-9a-f]{32}$/.test(id) ? await fs.readFile(path.join(folder, 'key'), 'utf8').catch(() => undefined) : undefined;
  if (begun === undefined || begun !== key) {
    response.writeHead(404, { 'content-type': 'application/xml' });
    response.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>');
    return;
  }
  await fs.rm(folder, { recursive: true, force: true });
  response.writeHead(204).end();
}
