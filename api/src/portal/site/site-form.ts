import { PassThrough, type Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '../../shared/errors';
import { LENGTH } from '../../shared/lengths';
import { UNSAFE_NAME } from '../../files/file-routes';

/** The text fields of a posted form; an absent field reads as ''. */
export class FormFields {
  constructor(private readonly values: ReadonlyMap<string, readonly string[]>) {}

  get(name: string): string {
    return this.values.get(name)?.[0] ?? '';
  }

  all(name: string): readonly string[] {
    return this.values.get(name) ?? [];
  }

  has(name: string): boolean {
    return this.values.has(name);
  }
}

export interface StoredUpload {
  id: string;
  fileName: string;
}

/** A file the form carried that was not stored, and why (an AppError's code and extensions, or the site's own). */
export interface FileRefusal {
  fileName: string;
  code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_FILE_TYPE' | 'RATE_LIMITED' | 'TOO_MANY_FILES' | 'BAD_FILE_NAME' | string;
  extensions: Record<string, unknown>;
}

export interface PostedForm {
  fields: FormFields;
  /** The files stored, in the order they came. */
  uploads: StoredUpload[];
  refusals: FileRefusal[];
}

export interface FormReading {
  /** Busboy stops a file past this; the store refuses it too. */
  fileBytes: number;
  /**
   * Asked with the fields read so far when the first file arrives (the hidden fields come first): how many files may
   * be stored with this form (the rest are refused as TOO_MANY_FILES, unread), or false to store none, silently.
   */
  acceptFiles: (fields: FormFields) => number | false;
  store: (fileName: string, body: Readable) => Promise<StoredUpload>;
}

/** A body that is not a form this site sent: a 400 page. */
export class BadFormError extends Error {
  constructor() {
    super('not a form of this site');
  }
}

/**
 * A posted form, url-encoded or multipart, streamed with busboy: text fields into memory (bounded), each file straight
 * to `store` (the website's uploads) as it arrives, one after the other, never held whole. A file the store refuses
 * (too large, a type it does not take, the upload rate limit) is a refusal, and the rest of the form is still read;
 * anything else fails the whole form.
 */
export function readForm(request: Request, reading: FormReading): Promise<PostedForm> {
  if (!request.is(['multipart/form-data', 'application/x-www-form-urlencoded'])) return Promise.reject(new BadFormError());
  return new Promise<PostedForm>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        defCharset: 'utf8',
        // a text field longer than any the API takes is cut, and then refused by the API for its length
        limits: { fields: 60, fieldSize: 256 * 1024, fieldNameSize: 100, files: 20, parts: 100, fileSize: reading.fileBytes + 1 },
      });
    } catch {
      return reject(new BadFormError());
    }
    const values = new Map<string, string[]>();
    const uploads: StoredUpload[] = [];
    const refusals: FileRefusal[] = [];
    let accepted: number | false | undefined;
    let rateLimited: AppError | undefined;
    let receiving: PassThrough | undefined;
    // a client that goes away mid-upload: the store's put fails and removes what it wrote
    request.once('close', () => {
      if (!request.complete) receiving?.destroy(new Error('the client went away during the upload'));
    });

    /** One file: stored, or refused and read past. The next waits for it, so the count of files stored is exact. */
    const take = async (fileName: string, stream: Readable, maxFiles: number): Promise<void> => {
      const refuse = (code: FileRefusal['code'], extensions: Record<string, unknown> = {}) => {
        refusals.push({ fileName, code, extensions });
        stream.resume();
      };
      if (rateLimited) return refuse('RATE_LIMITED', rateLimited.extensions);
      if (uploads.length >= maxFiles) return refuse('TOO_MANY_FILES');
      if (fileName.length > LENGTH.fileName || UNSAFE_NAME.test(fileName)) return refuse('BAD_FILE_NAME');
      const body = new PassThrough();
      receiving = body;
      stream.on('limit', () => body.destroy(new Error('limit')));
      stream.on('error', (error) => body.destroy(error));
      stream.pipe(body);
      try {
        uploads.push(await reading.store(fileName, body));
      } catch (error) {
        stream.unpipe(body);
        body.destroy();
        stream.resume();
        if (error instanceof Error && error.message === 'limit') return refuse('PAYLOAD_TOO_LARGE');
        if (!(error instanceof AppError)) throw error;
        if (error.extensions.code === 'RATE_LIMITED') rateLimited = error;
        refuse(String(error.extensions.code), error.extensions);
      }
    };

    let queue: Promise<void> = Promise.resolve();
    parser.on('field', (name, value) => {
      values.set(name, [...(values.get(name) ?? []), value]);
    });
    parser.on('file', (_name, stream, info) => {
      const fileName = info.filename?.trim() ?? '';
      // an empty file input still sends a part, without a name
      if (!fileName) return void stream.resume();
      accepted ??= reading.acceptFiles(new FormFields(values));
      if (accepted === false) return void stream.resume();
      const maxFiles = accepted;
      queue = queue.then(
        () => take(fileName, stream, maxFiles),
        (error: unknown) => {
          stream.resume();
          throw error;
        },
      );
    });
    parser.on('error', () => {
      queue.catch(() => undefined);
      reject(new BadFormError());
    });
    parser.on('close', () => {
      queue.then(() => resolve({ fields: new FormFields(values), uploads, refusals }), reject);
    });
    request.pipe(parser);
  });
}
