import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { Attachment } from '../complaint/attachment.entity';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintEventType } from '../complaint/complaint.enums';
import { ComplaintAction } from '../complaint/complaint.procedure';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { concernsCaller, maySee } from '../complaint/visibility';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { AppError, FieldCode, ForbiddenError, NotFoundError, problem, UserInputError } from '../shared/errors';
import type { RateLimits } from '../shared/rate-limits';
import type { Logger } from '../shared/logger';
import { ALLOWED_TYPES, detectContentType } from './content-type';
import { FileTooLargeError, type FileStore } from './file-store';

/** ATTACHMENT_MAX_MB, COMPLAINT_ATTACHMENTS_MAX_MB and the website's tighter limits (config.ts). */
export interface AttachmentLimits {
  fileBytes: number;
  complaintBytes: number;
  websiteFileBytes: number;
  /** Files one submitComplaint may name. */
  websiteFiles: number;
  uploadsPer10Minutes: number;
}

/** A file the website uploaded for the complaint it is about to submit (submitComplaint's attachmentIds). */
export interface WebsiteUpload {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** How long an upload waits for the complaint that names it; then the retention job removes it. */
export const UPLOAD_CLAIM_HOURS = 24;

/** A file the product does not take, by its content; HTTP 415 with a stable code. */
export class UnsupportedFileError extends AppError {
  constructor(message: string, reason: 'NOT_ALLOWED' | 'EXTENSION_MISMATCH', detected: string | null) {
    super('UNSUPPORTED_FILE_TYPE', message, {
      reason,
      detected,
      allowed: Object.values(ALLOWED_TYPES).map((type) => type.label),
    });
  }
}

/** A file or a complaint's files together beyond their limit; HTTP 413. */
export class AttachmentTooLargeError extends AppError {
  constructor(message: string, limitBytes: number) {
    super('PAYLOAD_TOO_LARGE', message, { limitBytes });
  }
}

const MB = 1024 * 1024;

/**
 * Attachments for real (seed 003, "relevante documentatie"): the upload streams to the file store (DATA_DIR or
 * S3) while its size and SHA-256 are counted, its type is read from its content, and only then is it recorded —
 * as the procedure table's ADD_ATTACHMENT step, in one transaction with its history event, within the
 * complaint's total. Whatever fails after the file was stored removes it again. A download is for whoever may
 * see the complaint, and never for the employee it names (the deliberation is not theirs: subject-view.ts).
 */
export class AttachmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcedureEngine,
    private readonly files: FileStore,
    readonly limits: AttachmentLimits,
    private readonly rateLimits: RateLimits,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Refused before a byte is read: the complaint must be visible and the step the caller's to take. */
  async assertMayAdd(caller: Caller, complaintId: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.engine.mayTake(manager, caller, complaintId, null, ComplaintAction.ADD_ATTACHMENT));
  }

  /** Streams body to key within maxBytes and reads its type; whatever is refused is removed again. */
  private async store(key: string, fileName: string, body: Readable, maxBytes: number) {
    let stored;
    try {
      stored = await this.files.put(key, body, { maxBytes });
    } catch (error) {
      if (error instanceof FileTooLargeError) throw new AttachmentTooLargeError(`A file may be at most ${maxBytes / MB} MB.`, maxBytes);
      throw error;
    }
    const detection = await detectContentType(stored.head, fileName);
    if (detection.ok) return { ...stored, contentType: detection.contentType };
    await this.removeRefused(key);
    throw new UnsupportedFileError(
      detection.reason === 'EXTENSION_MISMATCH'
        ? `"${fileName}" holds ${ALLOWED_TYPES[detection.detected!].label}, which its name does not say: rename it and try again.`
        : `"${fileName}" is not a PDF, an image, an e-mail or an Office document.`,
      detection.reason,
      detection.detected,
    );
  }

  private async removeRefused(key: string): Promise<void> {
    await this.files
      .delete(key)
      .catch((removal: unknown) => this.logger.error('an upload that was refused could not be removed', { key, error: String(removal) }));
  }

  /**
   * The website's form, before it submits (anonymous, or a WEBSITE token): within the website's tighter size
   * limit and its rate limit per client address; the answer's id goes into submitComplaint's attachmentIds.
   */
  async uploadFromWebsite(sender: { address: string; websiteTokenId: string | null }, fileName: string, body: Readable): Promise<WebsiteUpload> {
    if (this.limits.websiteFiles === 0) throw new ForbiddenError('This organisation takes no files with the web form.');
    await this.rateLimits.consumeUpload(sender.address, sender.websiteTokenId);
    // under attachments/ from the start: a claimed upload is an attachment, its file stays where it is
    const key = `attachments/${randomUUID()}`;
    const stored = await this.store(key, fileName, body, this.limits.websiteFileBytes);
    try {
      const [upload] = (await this.dataSource.query(
        `INSERT INTO website_upload (file_key, file_name, content_type, size_bytes, sha256, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256`,
        [key, fileName.trim(), stored.contentType, stored.sizeBytes, stored.sha256, this.clock.now().toJSDate()],
      )) as WebsiteUpload[];
      return upload;
    } catch (error) {
      await this.removeRefused(key);
      throw error;
    }
  }

  /** At most WEBSITE_ATTACHMENTS files with one thing the web form sends. */
  assertWebsiteFileCount(ids: readonly string[] | null | undefined): void {
    if ((ids?.length ?? 0) > this.limits.websiteFiles)
      throw new UserInputError(`At most ${this.limits.websiteFiles} files go with what the web form sends.`, {
        attachmentIds: problem(FieldCode.TOO_MANY_ITEMS, `at most ${this.limits.websiteFiles}`, { max: this.limits.websiteFiles }),
      });
  }

  /**
   * In the transaction of what the website sends — the intake, or the complainant's answer or objection online
   * (portal/) — the uploads it names become the complaint's attachments, each claimed once, within
   * UPLOAD_CLAIM_HOURS and within the complaint's total, each with its ATTACHMENT_ADDED event; an id that is
   * unknown, taken or expired refuses the whole request. Answers how many were attached.
   */
  async attachWebsiteUploads(manager: EntityManager, complaint: Complaint, ids: readonly string[]): Promise<number> {
    if (!ids.length) return 0;
    this.assertWebsiteFileCount(ids);
    const since = this.clock.now().minus({ hours: UPLOAD_CLAIM_HOURS }).toJSDate();
    const claimed = (await manager.query(
      `WITH claimed AS (DELETE FROM website_upload WHERE id = ANY($1) AND uploaded_at > $2 RETURNING *)
       SELECT id, file_key AS "fileKey", file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256
       FROM claimed`,
      [ids, since],
    )) as Array<WebsiteUpload & { fileKey: string }>;
    if (claimed.length !== new Set(ids).size)
      throw new UserInputError('An attachment was not uploaded, was already used, or was uploaded too long ago: upload it again.', {
        attachmentIds: problem(FieldCode.DOES_NOT_EXIST, 'names an upload that does not exist (any more)'),
      });
    const [{ total }] = (await manager.query(
      'SELECT coalesce(sum(size_bytes), 0)::bigint AS total FROM attachment WHERE complaint_id = $1 AND file_key IS NOT NULL',
      [complaint.id],
    )) as Array<{ total: string }>;
    if (Number(total) + claimed.reduce((sum, upload) => sum + upload.sizeBytes, 0) > this.limits.complaintBytes)
      throw new AttachmentTooLargeError(
        `The files of ${complaint.reference} may be at most ${this.limits.complaintBytes / MB} MB together.`,
        this.limits.complaintBytes,
      );
    // in the order the form named them
    claimed.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    const repository = manager.getRepository(Attachment);
    const saved = await repository.save(
      claimed.map((upload) =>
        repository.create({
          complaintId: complaint.id,
          fileName: upload.fileName,
          contentType: upload.contentType,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
          fileKey: upload.fileKey,
          storageKey: null,
          addedById: null,
        }),
      ),
    );
    for (const attachment of saved)
      await this.engine.writeEvent(manager, complaint, {
        type: ComplaintEventType.ATTACHMENT_ADDED,
        actorId: null,
        from: complaint.status,
        to: complaint.status,
        at: this.clock.now(),
        data: { attachmentId: attachment.id, fileName: attachment.fileName, sizeBytes: attachment.sizeBytes, contentType: attachment.contentType },
      });
    return saved.length;
  }

  /** Uploads no complaint claimed in time: their rows go, their files are released for removal (the retention job). */
  async releaseUnclaimedUploads(manager: EntityManager): Promise<number> {
    const since = this.clock.now().minus({ hours: UPLOAD_CLAIM_HOURS }).toJSDate();
    const released = (await manager.query(
      `WITH gone AS (DELETE FROM website_upload WHERE uploaded_at <= $1 RETURNING file_key),
            released AS (INSERT INTO file_deletion (storage_key) SELECT file_key FROM gone ON CONFLICT DO NOTHING RETURNING storage_key)
       SELECT count(*)::int AS released FROM released`,
      [since],
    )) as Array<{ released: number }>;
    return released[0].released;
  }

  async upload(caller: Caller, complaintId: string, fileName: string, body: Readable): Promise<Attachment> {
    await this.assertMayAdd(caller, complaintId);
    const key = `attachments/${randomUUID()}`;
    const stored = await this.store(key, fileName, body, this.limits.fileBytes);
    try {
      let attachmentId = '';
      await this.engine.step(caller, complaintId, null, ComplaintAction.ADD_ATTACHMENT, async (complaint, manager) => {
        const [{ total }] = (await manager.query(
          'SELECT coalesce(sum(size_bytes), 0)::bigint AS total FROM attachment WHERE complaint_id = $1 AND file_key IS NOT NULL',
          [complaint.id],
        )) as Array<{ total: string }>;
        if (Number(total) + stored.sizeBytes > this.limits.complaintBytes)
          throw new AttachmentTooLargeError(
            `The files of ${complaint.reference} may be at most ${this.limits.complaintBytes / MB} MB together.`,
            this.limits.complaintBytes,
          );
        const repository = manager.getRepository(Attachment);
        const attachment = await repository.save(
          repository.create({
            complaintId: complaint.id,
            fileName: fileName.trim(),
            contentType: stored.contentType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
            fileKey: key,
            storageKey: null,
            addedById: caller.id,
          }),
        );
        attachmentId = attachment.id;
        return {
          data: { attachmentId, fileName: attachment.fileName, sizeBytes: stored.sizeBytes, contentType: stored.contentType, sha256: stored.sha256 },
        };
      });
      return await this.dataSource.getRepository(Attachment).findOneByOrFail({ id: attachmentId });
    } catch (error) {
      await this.files
        .delete(key)
        .catch((removal: unknown) => this.logger.error('an upload that was refused could not be removed', { key, error: String(removal) }));
      throw error;
    }
  }

  /** The file of an attachment, for whoever may see its complaint's attachments; NotFound for everyone else. */
  async open(caller: Caller, attachmentId: string): Promise<{ attachment: Attachment; body: Readable }> {
    const attachment = await this.dataSource.getRepository(Attachment).findOneBy({ id: attachmentId });
    if (!attachment?.fileKey) throw new NotFoundError('Attachment', attachmentId);
    const complaint = await this.dataSource.getRepository(Complaint).findOneBy({ id: attachment.complaintId });
    if (!complaint || !maySee(complaint, caller) || concernsCaller(complaint, caller)) throw new NotFoundError('Attachment', attachmentId);
    return { attachment, body: await this.files.open(attachment.fileKey) };
  }
}
