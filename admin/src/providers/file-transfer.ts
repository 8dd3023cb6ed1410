import { apiMessage, interpolate } from '../i18n/api-codes';
import { contentTypeLabel } from '../i18n/domain-labels';
import { currentToken } from './session';

/**
 * The API's routes beside /graphql that carry files (a letter's PDF, an attachment, an access export, an
 * upload): plain HTTP with the bearer token, which a link or `<iframe src>` would not send, so the file is
 * fetched as a blob and shown or saved from a `blob:` URL. Their errors are the GraphQL shape,
 * `{ errors: [{ message, extensions: { code } }] }`, and are told in the panel's language by code like every other.
 */

/** An error of a file route: its code and its message (or a react-admin key, which `notify` and `translate` read). */
export class FileRouteError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'FileRouteError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The code a status stands for when the body has none (a proxy's own 413, a gateway's 502). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'INVALID_TRANSITION',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_FILE_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

const MB = 1024 * 1024;

/** The error a file route answered with, in the panel's language by its code (and, for a refused file, by why). */
export const fileRouteError = (status: number, body: unknown): FileRouteError => {
  const first = isRecord(body) && Array.isArray(body.errors) && isRecord(body.errors[0]) ? body.errors[0] : undefined;
  const extensions = first && isRecord(first.extensions) ? first.extensions : {};
  const code = typeof extensions.code === 'string' ? extensions.code : (CODE_BY_STATUS[status] ?? 'INTERNAL_SERVER_ERROR');
  const limitMb = typeof extensions.limitBytes === 'number' ? Math.round(extensions.limitBytes / MB) : undefined;
  const key =
    code === 'UNSUPPORTED_FILE_TYPE' && extensions.reason === 'EXTENSION_MISMATCH'
      ? 'EXTENSION_MISMATCH'
      : code === 'PAYLOAD_TOO_LARGE' && limitMb === undefined
        ? 'PAYLOAD_TOO_LARGE_FOR_SERVER'
        : code;
  const own = apiMessage('error', key);
  const english = first && typeof first.message === 'string' ? first.message : '';
  const detected = typeof extensions.detected === 'string' ? contentTypeLabel(extensions.detected) : undefined;
  const message = own ? interpolate(own, { ...extensions, limitMb, detected }) : english || 'ra.notification.http_error';
  return new FileRouteError(message, code, status);
};

const authorization = (): Record<string, string> => {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

/** GETs a file with the bearer token; `type` overrides the blob's type (the one the API detected on upload). */
export const fetchFile = async (path: string, type?: string): Promise<Blob> => {
  let response: Response;
  try {
    response = await fetch(path, { headers: authorization() });
  } catch {
    throw new FileRouteError('ra.notification.http_error', 'NETWORK_ERROR', 0);
  }
  if (!response.ok) throw fileRouteError(response.status, await response.json().catch(() => undefined));
  const blob = await response.blob();
  return type && blob.type !== type ? new Blob([blob], { type }) : blob;
};

/** Offers a blob as a download under `fileName`. */
export const saveBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Opens a blob in a new tab (a letter's PDF). */
export const openBlob = (blob: Blob): void => {
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/**
 * POSTs one file as multipart/form-data in a part named `file`, with the bearer token; resolves with the
 * answer's JSON (201). XMLHttpRequest rather than fetch: only it reports how far the upload is.
 */
export const uploadFile = (path: string, file: File, onProgress?: (fraction: number) => void): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    for (const [name, value] of Object.entries(authorization())) request.setRequestHeader(name, value);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(request.response);
      else reject(fileRouteError(request.status, request.response));
    };
    request.onerror = () => reject(new FileRouteError('ra.notification.http_error', 'NETWORK_ERROR', 0));
    const body = new FormData();
    body.append('file', file, file.name);
    request.send(body);
  });
