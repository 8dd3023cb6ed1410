import type { DataSource, EntityManager } from 'typeorm';
import { Complaint as ComplaintEntity, type Complaint } from '../complaint/complaint.entity';
import { concernsCaller, maySee } from '../complaint/visibility';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import type { ClockService } from '../complaint/clock.service';
import type { Caller, OnlineComplainant } from '../shared/caller';
import { Channel, ComplaintEventType } from '../complaint/complaint.enums';
import type { Clock } from '../shared/clock';
import { AppError, ConflictError, NotFoundError, StaleVersionError } from '../shared/errors';
import type { RateLimits } from '../shared/rate-limits';
import type { AttachmentService } from '../files/attachment.service';
import type { HearingService } from '../hearing/hearing.service';
import { NotificationKind } from '../notification/notification.entity';
import type { LetterRenderer } from '../correspondence/letter-renderer';
import type { NotificationService } from '../notification/notification.service';
import type { ObjectionService } from '../objection/objection.service';
import type { SatisfactionService } from '../satisfaction/satisfaction.service';
import type { SurveyAnswerInput } from '../satisfaction/satisfaction.input';
import type { HearingAnswerInput, InformationAnswerInput, OnlineObjectionInput } from './portal.input';
import type { PublicComplaintStatus } from './portal.types';
import { publicStatus } from './public-status';
import type { StatusCodes } from './status-code';

/** The one answer to a reference and code that do not open a complaint, whichever of the two was wrong. */
export class StatusNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', 'No complaint has this reference and code: check both, as in the confirmation.');
  }
}

/** What the complainant's side needs of the rest of the product. */
export interface PortalSteps {
  clockSteps: ClockService;
  objections: ObjectionService;
  hearings: HearingService;
  satisfaction: SatisfactionService;
  attachments: AttachmentService;
  notifications: NotificationService;
  letters: LetterRenderer;
}

/**
 * The complainant's side (issue 15, DOMAIN.md "The complainant's side"): with the reference and the secret code,
 * where the complaint stands and what comes next (public-status.ts), and acting online — answering a request for
 * information, objecting within the window, accepting or waiving the hearing, the satisfaction survey. Each action
 * is the procedure table's step for the party COMPLAINANT, through the same services as staff's, in one transaction
 * with its history event, meeting its deadlines.
 *
 * Anonymous and throttled twice — per client address (every look and action), and per reference for wrong codes
 * (10 an hour, whoever tries) — and a wrong code, an unknown reference and an anonymised dossier get one and the
 * same answer, in the same time.
 */
export class PortalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: StatusCodes,
    private readonly rateLimits: RateLimits,
    private readonly clock: Clock,
    private readonly engine: ProcedureEngine,
    private readonly steps: PortalSteps,
  ) {}

  async status(reference: string, code: string, address: string): Promise<PublicComplaintStatus> {
    return this.statusOf(await this.open(reference, code, address));
  }

  /** Sends the information asked for: the answer (and files) ends the pause; the handler is told. */
  async answerInformation(reference: string, code: string, address: string, input: InformationAnswerInput): Promise<PublicComplaintStatus> {
    return this.act(reference, code, address, (complainant, id) =>
      this.steps.clockSteps.resume(complainant, id, null, { answered: true, answer: input.answer, channel: Channel.WEB_FORM }, (complaint, manager) =>
        this.withFiles(manager, complaint, input.attachmentIds, NotificationKind.INFORMATION_RECEIVED),
      ),
    );
  }

  /** An objection online counts as written (DOMAIN.md); the window is the staff path's: after it, refused. */
  async object(reference: string, code: string, address: string, input: OnlineObjectionInput): Promise<PublicComplaintStatus> {
    return this.act(reference, code, address, (complainant, id) =>
      this.steps.objections.file(complainant, id, null, { channel: Channel.WEB_FORM, grounds: input.grounds }, (complaint, manager) =>
        this.withFiles(manager, complaint, input.attachmentIds, null),
      ),
    );
  }

  /** Comes to the hearing they were invited to, or wants none (the director then decides without one). */
  async answerHearing(reference: string, code: string, address: string, input: HearingAnswerInput): Promise<PublicComplaintStatus> {
    return this.act(reference, code, address, (complainant, id) =>
      input.attend ? this.steps.hearings.accept(complainant, id) : this.steps.hearings.waive(complainant, id, null, { note: input.note ?? null }),
    );
  }

  async answerSurvey(reference: string, code: string, address: string, input: SurveyAnswerInput): Promise<PublicComplaintStatus> {
    return this.act(reference, code, address, (complainant, id) => this.steps.satisfaction.answer(complainant, id, input));
  }

  /**
   * A new code for a complaint the caller may see (not one about them): written with its history event in one
   * transaction under the complaint's row lock; answered once. Not a step of the procedure: it changes nothing the
   * procedure decides on, and may be done in any state but after anonymisation.
   */
  async issue(caller: Caller, id: string, version: number): Promise<{ complaint: Complaint; code: string }> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await manager.getRepository(ComplaintEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!complaint || !maySee(complaint, caller) || concernsCaller(complaint, caller)) throw new NotFoundError('Complaint', id);
      if (complaint.version !== version) throw new StaleVersionError(complaint.reference, version, complaint.version);
      if (complaint.anonymisedAt) throw new ConflictError(`${complaint.reference} was anonymised: it has no status page any more.`);
      // a later moment than the last code's, always: another moment is another code
      const issuedAt = new Date(Math.max(this.clock.now().toMillis(), (complaint.statusCodeIssuedAt?.getTime() ?? 0) + 1));
      const code = await this.codes.issue(manager, complaint.id, issuedAt);
      await manager.query('UPDATE complaint SET version = version + 1, updated_at = now() WHERE id = $1', [complaint.id]);
      await this.engine.writeEvent(manager, complaint, {
        type: ComplaintEventType.STATUS_CODE_ISSUED,
        actorId: caller.id,
        from: complaint.status,
        to: complaint.status,
        at: this.clock.now(),
        data: {},
      });
      return { complaint: await manager.getRepository(ComplaintEntity).findOneByOrFail({ id }), code };
    });
  }

  /** The code of a complaint as it was issued (the confirmation page after a retried submission). */
  async currentCode(reference: string): Promise<string | null> {
    const [row] = (await this.dataSource.query('SELECT id, status_code_issued_at AS "issuedAt" FROM complaint WHERE reference = $1', [reference])) as Array<{
      id: string;
      issuedAt: Date | null;
    }>;
    return row?.issuedAt ? this.codes.derive(row.id, row.issuedAt) : null;
  }

  /**
   * A letter's PDF by the link the status page gave (public-status.ts): only a sent letter, only while the link's
   * hour runs and its code is the complaint's, never once the dossier was anonymised. Null for anything else.
   */
  async letterPdf(letterId: string, token: string): Promise<{ reference: string; kind: string; pdf: Buffer } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT l.kind, c.reference, c.status_code_issued_at AS "issuedAt" FROM letter l JOIN complaint c ON c.id = l.complaint_id
       WHERE l.id = $1 AND l.sent_at IS NOT NULL AND c.anonymised_at IS NULL`,
      [letterId],
    )) as Array<{ kind: string; reference: string; issuedAt: Date | null }>;
    // the token is checked either way: the answer takes as long for a letter that is not there
    const opens = this.codes.opensLetter(token, letterId, row?.issuedAt ?? new Date(0), this.clock.now().toMillis());
    if (!row || !opens) return null;
    const pdf = await this.steps.letters.pdf(letterId);
    return pdf ? { ...row, pdf } : null;
  }

  /** Reference and code checked (throttled, constant time), the complaint as it is now. */
  private async open(reference: string, code: string, address: string): Promise<Complaint> {
    await this.rateLimits.consumeStatusLookup(address);
    const key = reference.trim().toUpperCase();
    await this.rateLimits.assertStatusReferenceOpen(key);
    const [row] = (await this.dataSource.query(
      `SELECT id, status_code_hash AS "statusCodeHash", anonymised_at AS "anonymisedAt" FROM complaint WHERE reference = $1`,
      [key],
    )) as Array<{ id: string; statusCodeHash: string | null; anonymisedAt: Date | null }>;
    const opens = this.codes.matches(row && !row.anonymisedAt ? row.statusCodeHash : null, code);
    if (!opens) {
      await this.rateLimits.failStatusReference(key);
      throw new StatusNotFoundError();
    }
    return this.dataSource.getRepository(ComplaintEntity).findOneByOrFail({ id: row.id });
  }

  /** An action of the complainant: their step, as the one whose code it still is (checked again under the row lock). */
  private async act(
    reference: string,
    code: string,
    address: string,
    step: (complainant: OnlineComplainant, id: string) => Promise<Complaint>,
  ): Promise<PublicComplaintStatus> {
    const complaint = await this.open(reference, code, address);
    try {
      return await this.statusOf(await step({ complainantOf: complaint.id, codeIssuedAt: complaint.statusCodeIssuedAt! }, complaint.id));
    } catch (error) {
      // a new code was issued meanwhile: as for any code that opens nothing
      if (error instanceof NotFoundError) throw new StatusNotFoundError();
      throw error;
    }
  }

  private statusOf(complaint: Complaint): Promise<PublicComplaintStatus> {
    return publicStatus(this.dataSource, this.codes, this.clock, complaint);
  }

  /** In the step's transaction: the files the web form uploaded for it become attachments; whoever handles it is told. */
  private async withFiles(
    manager: EntityManager,
    complaint: Complaint,
    attachmentIds: readonly string[] | null | undefined,
    tell: NotificationKind | null,
  ): Promise<Record<string, unknown>> {
    const files = await this.steps.attachments.attachWebsiteUploads(manager, complaint, attachmentIds ?? []);
    if (tell) await this.steps.notifications.tellAbout(manager, complaint, tell, [complaint.handlerId, complaint.forwardedToId], null);
    return files ? { files } : {};
  }
}
