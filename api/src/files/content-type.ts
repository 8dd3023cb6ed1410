import path from 'node:path';
import FileType from 'file-type';

/**
 * The attachments the product takes (seed 003: "relevante documentatie"): PDF, images, e-mails (.eml, .msg)
 * and Office documents — each by the type its content shows, with the file name's extension agreeing. The
 * name alone decides nothing: an executable renamed to .pdf is an executable.
 */
export const ALLOWED_TYPES: Record<string, { label: string; extensions: string[] }> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/gif': { label: 'GIF', extensions: ['gif'] },
  'image/webp': { label: 'WebP', extensions: ['webp'] },
  'image/tiff': { label: 'TIFF', extensions: ['tif', 'tiff'] },
  'message/rfc822': { label: 'e-mail (.eml)', extensions: ['eml'] },
  'application/vnd.ms-outlook': { label: 'Outlook e-mail (.msg)', extensions: ['msg'] },
  'application/msword': { label: 'Word 97–2003', extensions: ['doc'] },
  'application/vnd.ms-excel': { label: 'Excel 97–2003', extensions: ['xls'] },
  'application/vnd.ms-powerpoint': { label: 'PowerPoint 97–2003', extensions: ['ppt'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel', extensions: ['xlsx'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { label: 'PowerPoint', extensions: ['pptx'] },
  'application/vnd.oasis.opendocument.text': { label: 'OpenDocument text', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'OpenDocument spreadsheet', extensions: ['ods'] },
};

/** Outlook messages and the old Office formats share one container (CFB): the extension says which it is. */
const CFB_BY_EXTENSION: Record<string, string> = {
  msg: 'application/vnd.ms-outlook',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** RFC 5322 header lines as an .eml file starts with; it has no magic number. */
const MAIL_HEADER = /^[!-9;-~]+:[ \t]/;

export type Detection = { ok: true; contentType: string } | { ok: false; detected: string | null; reason: 'NOT_ALLOWED' | 'EXTENSION_MISMATCH' };

/** The type of a file from its first bytes (`head`, at least 4100 when the file is that long) and its name. */
export async function detectContentType(head: Buffer, fileName: string): Promise<Detection> {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  const found = await FileType.fromBuffer(head);
  let contentType: string | null = found?.mime ?? null;
  if (found?.ext === 'cfb') contentType = CFB_BY_EXTENSION[extension] ?? null;
  if (!found && extension === 'eml' && looksLikeMail(head)) contentType = 'message/rfc822';
  if (!contentType || !ALLOWED_TYPES[contentType]) return { ok: false, detected: found?.mime ?? null, reason: 'NOT_ALLOWED' };
  if (!ALLOWED_TYPES[contentType].extensions.includes(extension)) return { ok: false, detected: contentType, reason: 'EXTENSION_MISMATCH' };
  return { ok: true, contentType };
}

/** An RFC 5322 header block: header lines (or their continuations) up to the blank line, with From and Date or Message-ID. */
function looksLikeMail(head: Buffer): boolean {
  if (head.includes(0)) return false;
  const text = head.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const lines = (end === -1 ? text : text.slice(0, end)).split(/\r?\n/);
  // a header block longer than the head: its last line may be cut off
  if (end === -1) lines.pop();
  if (!lines.every((line) => MAIL_HEADER.test(line) || /^[ \t]/.test(line))) return false;
  const names = new Set(lines.map((line) => line.split(':', 1)[0].toLowerCase()));
  return names.has('from') && (names.has('date') || names.has('message-id'));
}
