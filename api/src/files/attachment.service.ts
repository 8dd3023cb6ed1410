import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { Attachment } from '../complaint/attachment.entity';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { concernsCaller, maySee } from '../complaint/visibility';
import type { Caller } from '../shared/caller';
import { AppError, NotFoundError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { ALLOWED_TYPES, detectContentType } from './content-type';
import { FileTooLargeError, type FileStore } from './file-store';

/** ATTACHMENT_MAX_MB and COMPLAINT_ATTACHMENTS_MAX_MB (config.ts). */
export interface AttachmentLimits {
  fileBytes: number;
  complaintBytes: number;
}

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
    private readonly logger: Logger,
  ) {}

  /** Refused before a byte is read: the complaint must be visible and the step the caller's to take. */
  async assertMayAdd(caller: Caller, complaintId: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.engine.mayTake(manager, caller, complaintId, null, ComplaintAction.ADD_ATTACHMENT));
  }

  async upload(caller: Caller, complaintId: string, fileName: string, body: Readable): Promise<Attachment> {
    await this.assertMayAdd(caller, complaintId);
    const key = `attachments/${randomUUID()}`;
    let stored;
    try {
      stored = await this.files.put(key, body, { maxBytes: this.limits.fileBytes });
    } catch (error) {
      if (error instanceof FileTooLargeError)
        throw new AttachmentTooLargeError(`A file may be at most ${this.limits.fileBytes / MB} MB.`, this.limits.fileBytes);
      throw error;
    }
    try {
      const detection = await detectContentType(stored.head, fileName);
      if (!detection.ok)
        throw new UnsupportedFileError(
          detection.reason === 'EXTENSION_MISMATCH'
            ? `"${fileName}" holds ${ALLOWED_TYPES[detection.detected!].label}, which its name does not say: rename it and try again.`
            : `"${fileName}" is not a PDF, an image, an e-mail or an Office document.`,
          detection.reason,
          detection.detected,
        );
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
            contentType: detection.contentType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
            fileKey: key,
            storageKey: null,
            addedById: caller.id,
          }),
        );
        attachmentId = attachment.id;
        return {
          data: { attachmentId, fileName: attachment.fileName, sizeBytes: stored.sizeBytes, contentType: detection.contentType, sha256: stored.sha256 },
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
