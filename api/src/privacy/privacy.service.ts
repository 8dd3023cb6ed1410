import { In, type DataSource, type EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { ConflictError, FieldCode, NotFoundError, problem, StaleVersionError, UserInputError } from '../shared/errors';
import { ConflictOfInterestError } from '../complaint/complaint.errors';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { PrivacyRequestKind, PrivacyRequestStatus, RemovalRule } from './privacy.enums';
import { PrivacyRequest } from './privacy-request.entity';
import { RetentionLedgerEntry } from './retention-ledger.entity';
import { keepReasonsSql, type RetentionService } from './retention.service';
import type { LedgerListArgs, PrivacyRequestInput, PrivacyRequestListArgs } from './privacy.input';
import type { DossierPreview, LedgerPage, PrivacyRequestPage } from './privacy.types';
import { gatherExport, type ExportedComplaint } from './access-export';
import type { LetterRenderer } from '../correspondence/letter-renderer';

/** A phone number as digits in the national form: +31 6 1234 5678, 0031 6…, 06-12345678 are one number. */
const PHONE_SQL = (column: string) => `regexp_replace(regexp_replace(regexp_replace(${column}, '\\D', '', 'g'), '^00', ''), '^31', '0')`;

/**
 * The complainant's complaints, found by their identity: the same e-mail address, the same phone number, or the same
 * name at the same postal address — never a similar name alone. Someone who complains for another (a representative,
 * or on behalf of someone) shares a mailbox or a phone with others, so their contact details identify nobody: such a
 * complaint is found only by itself, and finds only itself. Anonymised complainants have no identity left. This is a
 * proposal: the request keeps the complaints it covers, which staff may correct (setPrivacyRequestDossiers).
 */
export const SAME_COMPLAINANT_SQL = `
  WITH me AS (
    SELECT p.email, ${PHONE_SQL('p.phone')} AS phone, lower(btrim(p.name)) AS name,
           lower(regexp_replace(btrim(p.postal_address), '\\s+', ' ', 'g')) AS address
    FROM complaint c JOIN complainant p ON p.id = c.complainant_id
    WHERE c.id = $1 AND p.anonymised_at IS NULL AND p.relation <> 'REPRESENTATIVE' AND p.on_behalf_of IS NULL
  )
  SELECT c.id FROM complaint c JOIN complainant p ON p.id = c.complainant_id, me
  WHERE p.anonymised_at IS NULL AND p.relation <> 'REPRESENTATIVE' AND p.on_behalf_of IS NULL AND (
    (me.email IS NOT NULL AND p.email = me.email)
    OR (me.phone <> '' AND ${PHONE_SQL('p.phone')} = me.phone)
    OR (me.address IS NOT NULL AND lower(btrim(p.name)) = me.name
        AND lower(regexp_replace(btrim(p.postal_address), '\\s+', ' ', 'g')) = me.address))
  UNION SELECT $1::uuid`;

/**
 * The AVG's side of the register (DOMAIN.md, Forgetting): a DIRECTOR's legal hold (a step of the procedure
 * table), access and erasure requests recorded by a QUALITY_MANAGER or DIRECTOR, the preview of what an
 * erasure removes and what it must keep (and why), carrying it out through the database's one reviewed path,
 * and the ledger.
 */
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcedureEngine,
    private readonly retention: RetentionService,
    private readonly clock: Clock,
    private readonly letters: LetterRenderer,
    /** On the access export's summary. */
    readonly organisationName: string,
  ) {}

  now(): DateTime {
    return this.clock.now();
  }

  /** What an access export holds: the complainant's complaints (by identity, or as carried out), and each letter's PDF on demand. */
  async exportOf(
    caller: Caller,
    request: PrivacyRequest,
  ): Promise<{ complaintIds: string[]; complaints: ExportedComplaint[]; letterPdf: (id: string) => Promise<Buffer> }> {
    const manager = this.dataSource.manager;
    const complaintIds = request.complaintIds;
    await this.assertNotConcerned(manager, caller, complaintIds);
    const complaints = await gatherExport(manager, complaintIds);
    const letterPdf = async (id: string) => (await this.letters.pdf(id)) ?? Buffer.alloc(0);
    return { complaintIds, complaints, letterPdf };
  }

  async setLegalHold(caller: Caller, id: string, version: number, reason: string): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.SET_LEGAL_HOLD, async (complaint) => {
      complaint.legalHoldAt = this.clock.now().toJSDate();
      complaint.legalHoldById = caller.id;
      complaint.legalHoldReason = reason.trim();
      return { data: { reason: complaint.legalHoldReason } };
    });
  }

  async liftLegalHold(caller: Caller, id: string, version: number, reason: string): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.LIFT_LEGAL_HOLD, async (complaint) => {
      const heldSince = complaint.legalHoldAt;
      complaint.legalHoldAt = null;
      complaint.legalHoldById = null;
      complaint.legalHoldReason = null;
      return { data: { reason: reason.trim(), heldSince: heldSince?.toISOString() ?? null } };
    });
  }

  async record(caller: Caller, input: PrivacyRequestInput): Promise<PrivacyRequest> {
    const receivedAt = input.receivedAt ? DateTime.fromJSDate(input.receivedAt) : this.clock.now();
    if (receivedAt > this.clock.now().plus({ minutes: 5 }))
      throw new UserInputError('A request cannot be received in the future.', { receivedAt: problem(FieldCode.IN_THE_FUTURE, 'lies in the future') });
    return this.dataSource.transaction(async (manager) => {
      const [complaint] = (await manager.query('SELECT id FROM complaint WHERE id = $1', [input.complaintId])) as Array<{ id: string }>;
      if (!complaint) throw new NotFoundError('Complaint', input.complaintId);
      // the identity as it is now, kept: a dossier anonymised meanwhile does not lose the others
      const complaintIds = await this.complaintsOfComplainant(manager, input.complaintId);
      await this.assertNotConcerned(manager, caller, complaintIds);
      const repository = manager.getRepository(PrivacyRequest);
      return repository.save(
        repository.create({ kind: input.kind, complaintId: input.complaintId, receivedAt: receivedAt.toJSDate(), recordedById: caller.id, complaintIds }),
      );
    });
  }

  /** Staff correct what the identity proposed: the complaints the request covers (always the one it was made through). */
  async setDossiers(caller: Caller, id: string, version: number, complaintIds: string[]): Promise<PrivacyRequest> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockRecorded(manager, id, version);
      const ids = [...new Set([request.complaintId, ...complaintIds])];
      const found = (await manager.query('SELECT id FROM complaint WHERE id = ANY($1)', [ids])) as Array<{ id: string }>;
      const missing = ids.find((candidate) => !found.some((row) => row.id === candidate));
      if (missing)
        throw new UserInputError(`Complaint ${missing} does not exist.`, {
          complaintIds: problem(FieldCode.DOES_NOT_EXIST, 'names a complaint that does not exist'),
        });
      await this.assertNotConcerned(manager, caller, ids);
      request.complaintIds = ids;
      return manager.getRepository(PrivacyRequest).save(request);
    });
  }

  /** Whoever a dossier names never handles the complainant's request about it: someone else must (as every step). */
  async assertNotConcerned(manager: EntityManager, caller: Caller, complaintIds: string[]): Promise<void> {
    const [named] = (await manager.query('SELECT reference FROM complaint WHERE id = ANY($1) AND $2 = ANY(subject_staff_ids) LIMIT 1', [
      complaintIds,
      caller.id,
    ])) as Array<{ reference: string }>;
    if (named) throw new ConflictOfInterestError(`${named.reference} is about you: someone else must handle this request.`);
  }

  private async lockRecorded(manager: EntityManager, id: string, version: number): Promise<PrivacyRequest> {
    const request = await manager.getRepository(PrivacyRequest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw new NotFoundError('PrivacyRequest', id);
    if (request.status === PrivacyRequestStatus.CARRIED_OUT) throw new ConflictError(`Request ${id} was carried out already.`);
    if (request.version !== version) throw new StaleVersionError(`Request ${id}`, version, request.version);
    return request;
  }

  async get(id: string): Promise<PrivacyRequest> {
    const request = await this.dataSource.getRepository(PrivacyRequest).findOneBy({ id });
    if (!request) throw new NotFoundError('PrivacyRequest', id);
    return request;
  }

  async list(args: PrivacyRequestListArgs): Promise<PrivacyRequestPage> {
    const [items, total] = await this.dataSource.getRepository(PrivacyRequest).findAndCount({
      where: {
        ...(args.filter?.ids ? { id: In(args.filter.ids) } : {}),
        ...(args.filter?.status ? { status: args.filter.status } : {}),
        ...(args.filter?.kind ? { kind: args.filter.kind } : {}),
      },
      order: { receivedAt: 'DESC', id: 'ASC' },
      skip: args.offset,
      take: args.perPage,
    });
    return { items, total };
  }

  async ledger(args: LedgerListArgs): Promise<LedgerPage> {
    const [items, total] = await this.dataSource.getRepository(RetentionLedgerEntry).findAndCount({
      where: { ...(args.filter?.ids ? { id: In(args.filter.ids) } : {}), ...(args.filter?.rule ? { rule: args.filter.rule } : {}) },
      order: { at: 'DESC', id: 'ASC' },
      skip: args.offset,
      take: args.perPage,
    });
    return { items, total };
  }

  /** The complainant's complaints (by identity), each with what removal takes and what keeps it. */
  async preview(request: PrivacyRequest, manager: EntityManager = this.dataSource.manager): Promise<DossierPreview[]> {
    const ids = request.complaintIds;
    if (!ids.length) return [];
    return (await manager.query(
      `SELECT c.id AS "complaintId", c.reference, c.status, c.received_at AS "receivedAt", c.anonymised_at AS "anonymisedAt",
              ${keepReasonsSql('$2::timestamptz', request.kind === PrivacyRequestKind.ERASURE ? RemovalRule.ERASURE_REQUEST : RemovalRule.RETENTION)} AS "keep",
              (SELECT count(*)::int FROM letter l WHERE l.complaint_id = c.id) AS letters,
              (SELECT count(*)::int FROM attachment a WHERE a.complaint_id = c.id AND a.removed_at IS NULL) AS attachments,
              (SELECT count(*)::int FROM contact_moment m WHERE m.complaint_id = c.id) AS "contactMoments",
              (SELECT count(*)::int FROM complaint_event e WHERE e.complaint_id = c.id) AS events
       FROM complaint c WHERE c.id = ANY($1)
       ORDER BY c.received_at, c.id`,
      [ids, this.clock.now().toJSDate()],
    )) as DossierPreview[];
  }

  async complaintsOfComplainant(manager: EntityManager, complaintId: string): Promise<string[]> {
    return ((await manager.query(SAME_COMPLAINANT_SQL, [complaintId])) as Array<{ id: string }>).map((row) => row.id);
  }

  /**
   * Erasure (art. 17): every complaint of the complainant that nothing keeps is anonymised under
   * ERASURE_REQUEST, each with its ledger entry; the others stay, as the preview said and why. In one
   * transaction with the request's own record, then the released files go.
   */
  async carryOutErasure(caller: Caller, id: string, version: number): Promise<{ request: PrivacyRequest; dossiers: DossierPreview[] }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const request = await this.lockRecorded(manager, id, version);
      if (request.kind !== PrivacyRequestKind.ERASURE) throw new ConflictError(`Request ${id} is an access request: download its export instead.`);
      const ids = request.complaintIds;
      await this.assertNotConcerned(manager, caller, ids);
      // lock the dossiers in a fixed order, then decide on what they are now
      await manager.query('SELECT id FROM complaint WHERE id = ANY($1) ORDER BY id FOR UPDATE', [ids]);
      const dossiers = await this.preview(request, manager);
      for (const dossier of dossiers.filter((candidate) => candidate.keep.length === 0)) {
        await this.retention.anonymise(manager, dossier.complaintId, { rule: RemovalRule.ERASURE_REQUEST, requestId: request.id, actorId: caller.id });
      }
      request.status = PrivacyRequestStatus.CARRIED_OUT;
      request.carriedOutAt = this.clock.now().toJSDate();
      request.carriedOutById = caller.id;
      await manager.getRepository(PrivacyRequest).save(request);
      return { request, dossiers };
    });
    await this.retention.removeReleasedFiles();
    return result;
  }

  /** An access request is carried out when its export was made (the first download); later downloads change nothing. */
  async markExported(caller: Caller, request: PrivacyRequest, complaintIds: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE privacy_request SET status = $2, carried_out_at = $3, carried_out_by_id = $4, complaint_ids = $5, version = version + 1, updated_at = now()
       WHERE id = $1 AND status = $6`,
      [request.id, PrivacyRequestStatus.CARRIED_OUT, this.clock.now().toJSDate(), caller.id, complaintIds, PrivacyRequestStatus.RECORDED],
    );
  }
}
