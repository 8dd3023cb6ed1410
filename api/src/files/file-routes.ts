import { PassThrough } from 'node:stream';
import busboy from 'busboy';
import type { Express, Request, Response } from 'express';
import { RETRY_AFTER_SECONDS, ServiceUnavailableError, isTransientDatabaseError } from '../shared/database-errors';
import { AppError } from '../shared/errors';
import type { Caller } from '../shared/caller';
import type { Logger } from '../shared/logger';
import type { Services } from '../services';
import { LENGTH } from '../shared/lengths';
import { writeAccessExport } from '../privacy/access-export';
import { FileNotFoundError } from './file-store';
import { ApiTokenScope } from '../token/api-token.entity';

/** The HTTP status of an AppError's code on the routes beside /graphql. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT_OF_INTEREST: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** Control characters (C0, DEL, C1) and the bidirectional overrides that make "fdp.exe" read as "exe.pdf". */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** Answers what the caller can act on; anything else is rethrown for the app's error handler (a 500 with an id). */
function answerError(response: Response, error: unknown): void {
  if (isTransientDatabaseError(error) || error instanceof ServiceUnavailableError) {
    response
      .status(503)
      .set('Retry-After', String(RETRY_AFTER_SECONDS))
      .json({ errors: [{ message: 'The database is busy or unreachable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    return;
  }
  if (error instanceof FileNotFoundError) {
    // the record names a file the store does not have: a fault of ours, answered as absent, never a 500 with a stack
    response.status(404).json({ errors: [{ message: 'The file is not in the store.', extensions: { code: 'NOT_FOUND' } }] });
    return;
  }
  if (error instanceof AppError) {
    const code = String(error.extensions.code);
    const { http: _http, ...extensions } = error.extensions;
    response.status(STATUS[code] ?? 400).json({ errors: [{ message: error.message, extensions }] });
    return;
  }
  throw error;
}

/**
 * A route for a signed-in member of staff (bearer token, as /graphql): 401 without one, 503 when the database
 * cannot tell who it is, an AppError as its status and code; anything else goes to the app's error handler.
 */
function staffRoute(services: Services, handle: (caller: Caller, request: Request, response: Response) => Promise<void>) {
  return (request: Request, response: Response, next: (error?: unknown) => void) => {
    (async () => {
      let caller: Caller | null;
      try {
        caller = await services.auth.authenticate(request.headers.authorization);
      } catch (error) {
        return answerError(response, error);
      }
      if (!caller) return void response.status(401).json({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] });
      try {
        await handle(caller, request, response);
      } catch (error) {
        if (response.headersSent) throw error;
        answerError(response, error);
      }
    })().catch(next);
  };
}

/** RFC 6266: a download, never rendered by the browser; the name in ASCII and in UTF-8. */
export function downloadHeaders(response: Response, fileName: string, contentType: string, sizeBytes?: number): void {
  response.attachment(fileName);
  response.set({
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    ...(sizeBytes !== undefined ? { 'Content-Length': String(sizeBytes) } : {}),
  });
}

/**
 * The routes beside /graphql that carry files:
 *
 *   POST /complaints/:id/attachments   multipart/form-data with one part `file`: streamed to the file store, never
 *                                      held whole in memory; 201 with the attachment, or 413/415 with a code
 *   POST /uploads                      the same for the website's form (anonymous, rate limited, its own limits):
 *                                      201 with the upload's id, for submitComplaint's attachmentIds
 *   GET  /attachments/:id              the file, as `attachment` with nosniff, for whoever may see it
 *   GET  /privacy-requests/:id/export.zip   an access request's export (QUALITY_MANAGER, DIRECTOR)
 */
export function registerFileRoutes(app: Express, services: Services, logger: Logger): void {
  app.post(
    new RegExp(`^/complaints/${UUID}/attachments$`),
    staffRoute(services, async (caller, request, response) => {
      const complaintId = (request.params as unknown as string[])[0];
      // refused before a byte of the body is read
      await services.attachments.assertMayAdd(caller, complaintId);
      const attachment = await readOneFile(request, services.attachments.limits.fileBytes, (fileName, body) =>
        services.attachments.upload(caller, complaintId, fileName, body),
      );
      response.status(201).set('Cache-Control', 'no-store').json({ attachment });
    }),
  );

  // the website's form, before it submits: anonymous (or a WEBSITE token), within the website's limits
  app.post('/uploads', (request, response, next) => {
    (async () => {
      try {
        const sender = await services.auth.authenticate(request.headers.authorization);
        const websiteTokenId = sender?.tokenScope === ApiTokenScope.WEBSITE ? sender.id : null;
        const upload = await readOneFile(request, services.attachments.limits.websiteFileBytes, (fileName, body) =>
          services.attachments.uploadFromWebsite({ address: request.ip ?? 'unknown', websiteTokenId }, fileName, body),
        );
        response.status(201).set('Cache-Control', 'no-store').json({ upload });
      } catch (error) {
        if (response.headersSent) throw error;
        answerError(response, error);
      }
    })().catch(next);
  });

  app.get(
    new RegExp(`^/attachments/${UUID}$`),
    staffRoute(services, async (caller, request, response) => {
      const { attachment, body } = await services.attachments.open(caller, (request.params as unknown as string[])[0]);
      downloadHeaders(response, attachment.fileName, attachment.contentType, attachment.sizeBytes);
      body.on('error', (error) => {
        logger.error('attachment download failed', { id: attachment.id, error: String(error) });
        response.destroy();
      });
      // a client that goes away: stop reading the file (the response closes before it finished)
      response.on('close', () => {
        if (!response.writableFinished) body.destroy();
      });
      body.pipe(response);
    }),
  );

  app.get(
    new RegExp(`^/privacy-requests/${UUID}/export\\.zip$`),
    staffRoute(services, async (caller, request, response) => {
      await writeAccessExport(services, caller, (request.params as unknown as string[])[0], response, logger);
    }),
  );
}

function tooLarge(limitBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `A file may be at most ${limitBytes / (1024 * 1024)} MB.`, { limitBytes });
}

/**
 * The one part `file` of a multipart/form-data body, streamed to `store` as it arrives (busboy, with backpressure);
 * anything else in the body is skipped. Refusals are AppErrors; the rest of a refused body is not read.
 */
async function readOneFile<T>(request: Request, limitBytes: number, store: (fileName: string, body: PassThrough) => Promise<T>): Promise<T> {
  if (!request.is('multipart/form-data')) throw new AppError('BAD_REQUEST', 'Send the file as multipart/form-data, in a part named "file".');
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // busboy stops at the limit and says so; the store counts as well and refuses beyond it
      // file names as the browser sends them, in UTF-8 (busboy's default is latin1: every é would be garbled)
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 0, parts: 1, fileSize: limitBytes + 1, fieldNameSize: 100 },
      });
    } catch {
      return reject(new AppError('BAD_REQUEST', 'The multipart body has no boundary.'));
    }
    let seen = false;
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || seen) return void stream.resume();
      seen = true;
      const fileName = info.filename?.trim() ?? '';
      if (!fileName || fileName.length > LENGTH.fileName || UNSAFE_NAME.test(fileName)) {
        stream.resume();
        return reject(new AppError('BAD_USER_INPUT', `The file needs a name of 1 to ${LENGTH.fileName} characters without control characters.`));
      }
      // the part's stream ends early at busboy's limit: hand the store a stream that fails then, so nothing is kept
      const body = new PassThrough();
      stream.on('limit', () => body.destroy(new Error('limit')));
      stream.on('error', (error) => body.destroy(error));
      // a client that goes away mid-upload: the store's put fails and removes what it wrote
      request.once('close', () => {
        if (!request.complete) body.destroy(new Error('the client went away during the upload'));
      });
      stream.pipe(body);
      store(fileName, body).then(resolve, (error: unknown) => {
        stream.resume();
        reject(error instanceof Error && error.message === 'limit' ? tooLarge(limitBytes) : error);
      });
    });
    parser.on('error', () => reject(new AppError('BAD_REQUEST', 'The multipart body is malformed.')));
    parser.on('close', () => {
      if (!seen) reject(new AppError('BAD_USER_INPUT', 'The body has no part named "file".'));
    });
    request.pipe(parser);
  }).catch((error: unknown) => {
    // the rest of the body is not wanted: stop reading it, the answer goes out now
    request.unpipe();
    request.resume();
    throw error;
  });
}
