import type { DataSource } from 'typeorm';
import { owedByOrganisationSql } from '../complaint/complaint.procedure';
import { Complaint as ComplaintEntity, type Complaint } from '../complaint/complaint.entity';
import { concernsCaller, maySee } from '../complaint/visibility';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import type { Caller } from '../shared/caller';
import { ComplaintEventType, ComplaintStatus, DeadlineKind, type HearingForm } from '../complaint/complaint.enums';
import type { Clock } from '../shared/clock';
import { AppError, ConflictError, NotFoundError, StaleVersionError } from '../shared/errors';
import type { RateLimits } from '../shared/rate-limits';
import type { LetterKind } from '../correspondence/letter-kinds';
import { PublicNextStep, PublicStage, type PublicComplaintStatus } from './portal.types';
import type { StatusCodes } from './status-code';

/** The one answer to a reference and code that do not open a complaint, whichever of the two was wrong. */
export class StatusNotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND', 'No complaint has this reference and code: check both, as in the confirmation.');
  }
}

const NEXT_STEP: Partial<Record<DeadlineKind, PublicNextStep>> = {
  [DeadlineKind.FORWARD]: PublicNextStep.CONTACT,
  [DeadlineKind.ACKNOWLEDGE]: PublicNextStep.CONTACT,
  [DeadlineKind.PROGRESS_UPDATE]: PublicNextStep.PROGRESS_UPDATE,
  [DeadlineKind.RESPOND]: PublicNextStep.ANSWER,
  [DeadlineKind.EXTENSION_NOTICE]: PublicNextStep.EXTENSION_NOTICE,
  [DeadlineKind.HEARING]: PublicNextStep.HEARING,
  [DeadlineKind.FINAL_DECISION]: PublicNextStep.DECISION,
};

const STAGE: Record<ComplaintStatus, PublicStage> = {
  [ComplaintStatus.RECEIVED]: PublicStage.RECEIVED,
  [ComplaintStatus.FORWARDED]: PublicStage.RECEIVED,
  [ComplaintStatus.ACKNOWLEDGED]: PublicStage.IN_HANDLING,
  [ComplaintStatus.IN_PROGRESS]: PublicStage.IN_HANDLING,
  [ComplaintStatus.REOPENED]: PublicStage.IN_HANDLING,
  [ComplaintStatus.RESPONDED]: PublicStage.ANSWERED,
  [ComplaintStatus.OBJECTED]: PublicStage.OBJECTION,
  [ComplaintStatus.REFERRED]: PublicStage.REFERRED,
  [ComplaintStatus.CLOSED]: PublicStage.CLOSED,
  [ComplaintStatus.ARCHIVED]: PublicStage.CLOSED,
  [ComplaintStatus.WITHDRAWN]: PublicStage.WITHDRAWN,
};

interface Row {
  id: string;
  reference: string;
  status: ComplaintStatus;
  receivedAt: Date;
  respondedAt: Date | null;
  closedAt: Date | null;
  pausedSince: Date | null;
  statusCodeHash: string | null;
  anonymisedAt: Date | null;
}

/**
 * The complainant's side (issue 15, DOMAIN.md "The complainant's side"): with the reference and the secret code,
 * where the complaint stands and what comes next. Anonymous and throttled twice — per client address, and per
 * reference for wrong codes (10 an hour, whoever tries) — and a wrong code, an unknown reference and an anonymised
 * dossier get one and the same answer, in the same time. What it tells is chosen field by field: never a member of
 * staff, a note, a contact's summary or the assessment before the answer was sent.
 */
export class PortalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: StatusCodes,
    private readonly rateLimits: RateLimits,
    private readonly clock: Clock,
    private readonly engine: ProcedureEngine,
  ) {}

  async status(reference: string, code: string, address: string): Promise<PublicComplaintStatus> {
    await this.rateLimits.consumeStatusLookup(address);
    const key = reference.trim().toUpperCase();
    await this.rateLimits.assertStatusReferenceOpen(key);
    const [row] = (await this.dataSource.query(
      `SELECT id, reference, status, received_at AS "receivedAt", responded_at AS "respondedAt", closed_at AS "closedAt",
              paused_since AS "pausedSince", status_code_hash AS "statusCodeHash", anonymised_at AS "anonymisedAt"
       FROM complaint WHERE reference = $1`,
      [key],
    )) as Row[];
    const opens = this.codes.matches(row && !row.anonymisedAt ? row.statusCodeHash : null, code);
    if (!opens) {
      await this.rateLimits.failStatusReference(key);
      throw new StatusNotFoundError();
    }
    return this.publicStatus(row);
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

  private async publicStatus(row: Row): Promise<PublicComplaintStatus> {
    const now = this.clock.now().toJSDate();
    const [next] = (await this.dataSource.query(
      `SELECT d.kind, to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate" FROM deadline d
       WHERE d.complaint_id = $1 AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL AND ${owedByOrganisationSql('d.kind')}
       ORDER BY d.due_at LIMIT 1`,
      [row.id],
    )) as Array<{ kind: DeadlineKind; dueDate: string }>;
    const [window] = (await this.dataSource.query(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS "until" FROM deadline
       WHERE complaint_id = $1 AND kind = $2 AND met_at IS NULL AND cancelled_at IS NULL AND due_at > $3`,
      [row.id, DeadlineKind.OBJECTION_WINDOW, now],
    )) as Array<{ until: string }>;
    const [pause] = row.pausedSince
      ? ((await this.dataSource.query(
          `SELECT question, to_char(answer_by, 'YYYY-MM-DD') AS "answerBy" FROM complaint_pause WHERE complaint_id = $1 AND resumed_at IS NULL`,
          [row.id],
        )) as Array<{ question: string; answerBy: string }>)
      : [];
    const [hearing] = (await this.dataSource.query(
      `SELECT scheduled_at AS at, form, location FROM hearing WHERE complaint_id = $1 AND status = 'SCHEDULED' AND scheduled_at > $2
       ORDER BY scheduled_at LIMIT 1`,
      [row.id, now],
    )) as Array<{ at: Date; form: HearingForm; location: string | null }>;
    const letters = (await this.dataSource.query(
      `SELECT kind, subject, sent_at AS "sentAt" FROM letter WHERE complaint_id = $1 AND sent_at IS NOT NULL ORDER BY sent_at, id`,
      [row.id],
    )) as Array<{ kind: LetterKind; subject: string; sentAt: Date }>;
    const stage = pause ? PublicStage.WAITING_FOR_YOU : hearing && row.status === ComplaintStatus.OBJECTED ? PublicStage.HEARING_PLANNED : STAGE[row.status];
    return {
      reference: row.reference,
      receivedAt: row.receivedAt,
      stage,
      nextStep: next ? (NEXT_STEP[next.kind] ?? null) : null,
      nextStepDueDate: next && NEXT_STEP[next.kind] ? next.dueDate : null,
      answeredAt: row.respondedAt,
      objectionUntil: window?.until ?? null,
      informationQuestion: pause?.question ?? null,
      informationAnswerBy: pause?.answerBy ?? null,
      hearing: hearing ?? null,
      letters,
      closedAt: row.closedAt,
    };
  }
}
