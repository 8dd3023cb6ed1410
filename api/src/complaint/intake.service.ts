import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Category } from '../category/category.entity';
import { Policy } from '../policy/policy.entity';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { ZONE } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { Pseudonymiser } from '../shared/pseudonym';
import type { RateLimits } from '../shared/rate-limits';
import { Staff } from '../staff/staff.entity';
import { Unit } from '../unit/unit.entity';
import { Complainant } from './complainant.entity';
import { Complaint } from './complaint.entity';
import { Channel, ComplaintEventType, ComplaintKind, ComplaintStatus, DeadlineKind, DeadlineStart } from './complaint.enums';
import type { ConcernedService } from '../concerned/concerned.service';
import { NotificationKind } from '../notification/notification.entity';
import type { NotificationService } from '../notification/notification.service';
import type { CorrespondenceService } from '../correspondence/correspondence.service';
import type { AttachmentService } from '../files/attachment.service';
import type { StatusCodes } from '../portal/status-code';
import { IdempotencyKeyReusedError, ReceivedInFutureError, ReferenceNotFoundError, UnknownPolicyError } from './complaint.errors';
import type { ComplainantInput, RegisterComplaintInput, SubmitComplaintInput } from './intake.input';
import { initialStatus } from './procedure-rules';
import { nextDue, type DeadlinePlanner } from './deadline-planner';
import type { ProcedureEngine } from './procedure-engine';

/** Clock skew we accept between a browser's "now" and ours before calling a receipt "the future". */
const SKEW_MS = 2 * 60_000;

/** Who sent a website complaint: the scope its idempotency keys belong to, and the address it is throttled by. */
export interface Sender {
  /** `token:<id>` for a WEBSITE token, `staff:<id>` for a signed-in member of staff, else `address:<client address>`. */
  scope: string;
  address: string;
  /** The website's own server: throttled per token (WEBSITE_RATE_LIMIT), not per address. */
  websiteTokenId: string | null;
}

/** The channels of a complaint received in writing (seed 002). */
const WRITTEN: readonly Channel[] = [Channel.LETTER, Channel.EMAIL];

/** How long an idempotency key answers for its first request (Stripe: 24 hours). */
export const IDEMPOTENCY_HOURS = 24;

/** SHA-256 of the request without its key, with object keys sorted: the same form sent again hashes the same. */
export function hashRequest(input: SubmitComplaintInput): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object' && !(value instanceof Date)
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([name, inner]) => name !== 'idempotencyKey' && inner !== undefined && inner !== null)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([name, inner]) => [name, canonical(inner)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

/**
 * Intake (step 1): a complaint registered by staff from any channel, or submitted by the website — its
 * complainant, its reference (gapless per year), the policy as it is at receipt and the deadlines that
 * start at receipt, and the first event of its history, in one transaction.
 */
export class IntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly rateLimits: RateLimits,
    private readonly pseudonyms: Pseudonymiser,
    private readonly deadlines: DeadlinePlanner,
    private readonly engine: ProcedureEngine,
    private readonly concerned: ConcernedService,
    private readonly notifications: NotificationService,
    private readonly correspondence: CorrespondenceService,
    private readonly attachments: AttachmentService,
    private readonly statusCodes: StatusCodes,
  ) {}

  async register(caller: Caller, input: RegisterComplaintInput): Promise<Complaint> {
    const now = this.clock.now();
    const receivedAt = input.receivedAt ? DateTime.fromJSDate(input.receivedAt).setZone(ZONE) : now;
    if (receivedAt.toMillis() > now.toMillis() + SKEW_MS) throw new ReceivedInFutureError();
    return this.dataSource.transaction(async (manager) => {
      const unit = input.unitId ? await manager.getRepository(Unit).findOneBy({ id: input.unitId }) : null;
      if (input.unitId && !unit) throw new ReferenceNotFoundError('unitId', `Unit ${input.unitId}`);
      if (input.categoryId && !(await manager.getRepository(Category).existsBy({ id: input.categoryId }))) {
        throw new ReferenceNotFoundError('categoryId', `Category ${input.categoryId}`);
      }
      const subjects = input.subjectStaffIds ?? [];
      if (subjects.length && (await manager.getRepository(Staff).countBy({ id: In(subjects) })) !== subjects.length) {
        throw new ReferenceNotFoundError('subjectStaffIds', 'One of the subject staff members');
      }
      const policy = await this.policyFor(manager, input.policyKey, unit);
      const { complaint } = await this.create(manager, {
        kind: input.kind,
        channel: input.channel,
        receivedAt,
        registeredById: caller.id,
        complainant: input.complainant,
        description: input.description.trim(),
        unitId: unit?.id ?? null,
        categoryId: input.categoryId ?? null,
        subjectStaffIds: subjects,
        subjectService: input.subjectService?.trim() || null,
        policy,
        event: ComplaintEventType.REGISTERED,
        actorId: caller.id,
      });
      if (complaint.kind === ComplaintKind.COMPLAINT) {
        await this.concerned.notifySubjects(manager, complaint, NotificationKind.SUBJECT_OF_COMPLAINT);
        if (complaint.policySnapshot.writtenToManagement && WRITTEN.includes(complaint.channel)) {
          await this.toManagement(manager, complaint, caller, unit);
          Object.assign(complaint, await manager.getRepository(Complaint).findOneByOrFail({ id: complaint.id }));
        }
      }
      this.logger.info('complaint registered', { reference: complaint.reference, by: caller.id, channel: input.channel });
      return complaint;
    });
  }

  /**
   * The website's form: anonymous, rate limited per client address (a WEBSITE token per token), idempotent
   * by key as Stripe does it: a key belongs to its sender, is kept with a hash of the request, and answers
   * the first complaint's reference for 24 hours; the same key with another request is refused.
   */
  async submit(input: SubmitComplaintInput, sender: Sender): Promise<string> {
    const key = input.idempotencyKey ?? null;
    const requestHash = key ? hashRequest(input) : null;
    if (key) {
      const earlier = await this.idempotentAnswer(sender.scope, key, requestHash!);
      if (earlier) return earlier;
    }
    // refused before the rate limit counts it
    this.attachments.assertWebsiteFileCount(input.attachmentIds);
    if (sender.websiteTokenId) await this.rateLimits.consumeWebsiteSubmission(sender.websiteTokenId);
    else await this.rateLimits.consumeSubmission(sender.address);
    const outcome = await this.dataSource.transaction(async (manager) => {
      // The key first: a concurrent retry with the same key waits here until this transaction ends.
      if (key && !(await this.claimIdempotencyKey(manager, sender.scope, key, requestHash!))) return { claimed: false as const };
      const unit = input.unitCode ? await manager.getRepository(Unit).findOneBy({ code: input.unitCode.toUpperCase(), active: true }) : null;
      if (input.unitCode && !unit) throw new ReferenceNotFoundError('unitCode', `Unit ${input.unitCode}`);
      const category = input.categoryKey ? await manager.getRepository(Category).findOneBy({ key: input.categoryKey, active: true }) : null;
      if (input.categoryKey && !category) throw new ReferenceNotFoundError('categoryKey', `Category ${input.categoryKey}`);
      const { complaint, complainant } = await this.create(manager, {
        kind: ComplaintKind.COMPLAINT,
        channel: 'WEB_FORM' as Complaint['channel'],
        receivedAt: this.clock.now(),
        registeredById: null,
        complainant: input.complainant,
        description: input.description,
        unitId: unit?.id ?? null,
        categoryId: category?.id ?? null,
        subjectStaffIds: [],
        subjectService: null,
        policy: await this.policyFor(manager, null, unit),
        event: ComplaintEventType.SUBMITTED,
        actorId: null,
      });
      if (key) await manager.query('UPDATE idempotency_key SET complaint_id = $3 WHERE scope = $1 AND key = $2', [sender.scope, key, complaint.id]);
      await this.attachments.attachWebsiteUploads(manager, complaint, input.attachmentIds ?? []);
      // the complainant's code for the status page (in the confirmation): the resolver answers it, derived again from what is stored
      complaint.statusCodeIssuedAt = this.clock.now().toJSDate();
      await this.statusCodes.issue(manager, complaint.id, complaint.statusCodeIssuedAt);
      await this.correspondence.confirmReceipt(manager, complaint, DateTime.fromJSDate(complaint.receivedAt), complainant);
      this.logger.info('complaint submitted', { reference: complaint.reference });
      return { claimed: true as const, reference: complaint.reference };
    });
    this.pruneIdempotencyKeys();
    if (outcome.claimed) return outcome.reference;
    // Another request with this key committed first: answer as it was answered.
    const earlier = await this.idempotentAnswer(sender.scope, key!, requestHash!);
    if (!earlier) throw new Error(`idempotency key ${key} is claimed but names no complaint`);
    return earlier;
  }

  /** The reference a live key answered with; IDEMPOTENCY_KEY_REUSED when it came with another request. */
  private async idempotentAnswer(scope: string, key: string, requestHash: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT k.request_hash AS "requestHash", c.reference FROM idempotency_key k LEFT JOIN complaint c ON c.id = k.complaint_id
       WHERE k.scope = $1 AND k.key = $2 AND k.created_at > now() - make_interval(hours => $3)`,
      [scope, key, IDEMPOTENCY_HOURS],
    )) as Array<{ requestHash: string; reference: string | null }>;
    if (!row) return undefined;
    if (row.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    return row.reference ?? undefined;
  }

  /**
   * The reference a live key of this sender already answered with, whatever request came with it: the complaint
   * site's double submission, whose second send carries other uploads (and so another request hash).
   */
  async referenceForKey(scope: string, key: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT c.reference FROM idempotency_key k JOIN complaint c ON c.id = k.complaint_id
       WHERE k.scope = $1 AND k.key = $2 AND k.created_at > now() - make_interval(hours => $3)`,
      [scope, key, IDEMPOTENCY_HOURS],
    )) as Array<{ reference: string }>;
    return row?.reference ?? null;
  }

  /** Takes the key for this request (or the place of one that expired); false when a live one exists. */
  private async claimIdempotencyKey(manager: EntityManager, scope: string, key: string, requestHash: string): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, complaint_id = NULL, created_at = now()
         WHERE idempotency_key.created_at <= now() - make_interval(hours => $4)
       RETURNING 1`,
      [scope, key, requestHash, IDEMPOTENCY_HOURS],
    )) as unknown[];
    return rows.length > 0;
  }

  private lastPrune = 0;

  /** Keys are kept IDEMPOTENCY_HOURS, then removed; at most once an hour per instance, off the request's path. */
  private pruneIdempotencyKeys(): void {
    const now = Date.now();
    if (now - this.lastPrune < 3_600_000) return;
    this.lastPrune = now;
    this.dataSource
      .query('DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)', [IDEMPOTENCY_HOURS])
      .catch((error: unknown) => this.logger.warn('pruning idempotency keys failed', { error: String(error) }));
  }

  /**
   * Seed 002: a complaint received in writing goes to management at once — to the director of its unit,
   * in the intake's transaction, as a forwarding by the receiver that the history marks as the policy's.
   * Without a director to send it to it stays with the receiver, and the history says why.
   */
  private async toManagement(manager: EntityManager, complaint: Complaint, caller: Caller, unit: Unit | null): Promise<void> {
    const director = unit?.directorId ? await manager.getRepository(Staff).findOneBy({ id: unit.directorId, active: true }) : null;
    const at = this.clock.now();
    if (!director || complaint.subjectStaffIds.includes(director.id)) {
      await this.engine.writeEvent(manager, complaint, {
        type: ComplaintEventType.NOTE_ADDED,
        actorId: null,
        from: complaint.status,
        to: complaint.status,
        at,
        data: {
          text: director ? 'Not forwarded to management: the director is named in the complaint.' : 'Not forwarded to management: the unit has no director.',
          rule: 'WRITTEN_TO_MANAGEMENT',
        },
      });
      return;
    }
    const from = complaint.status;
    await manager.getRepository(Complaint).update({ id: complaint.id }, { forwardedToId: director.id, status: ComplaintStatus.FORWARDED });
    await this.notifications.tellAbout(manager, complaint, NotificationKind.FORWARDED, [director.id], caller.id, { rule: 'WRITTEN_TO_MANAGEMENT' });
    const met = await this.deadlines.meet(manager, complaint, [DeadlineKind.FORWARD], at);
    await this.deadlines.refreshNextDue(manager, complaint);
    await this.engine.writeEvent(manager, complaint, {
      type: ComplaintEventType.FORWARDED,
      actorId: caller.id,
      from,
      to: ComplaintStatus.FORWARDED,
      at,
      data: { action: 'FORWARD', toId: director.id, toName: director.name, rule: 'WRITTEN_TO_MANAGEMENT', ...(met.length ? { deadlinesMet: met } : {}) },
    });
  }

  private async policyFor(manager: EntityManager, key: string | null | undefined, unit: Unit | null): Promise<Policy> {
    const policies = manager.getRepository(Policy);
    if (key) {
      const policy = await policies.findOneBy({ key: key.trim() });
      if (!policy) throw new UnknownPolicyError(key);
      return policy;
    }
    const policy = unit?.policyId ? await policies.findOneBy({ id: unit.policyId }) : await policies.findOneBy({ isDefault: true });
    if (!policy) throw new UnknownPolicyError('(default)');
    return policy;
  }

  private async create(
    manager: EntityManager,
    fields: {
      kind: ComplaintKind;
      channel: Complaint['channel'];
      receivedAt: DateTime;
      registeredById: string | null;
      complainant: ComplainantInput;
      description: string;
      unitId: string | null;
      categoryId: string | null;
      subjectStaffIds: string[];
      subjectService: string | null;
      policy: Policy;
      event: ComplaintEventType;
      actorId: string | null;
    },
  ): Promise<{ complaint: Complaint; complainant: Complainant }> {
    const now = this.clock.now();
    const person = fields.complainant;
    const complainant = await manager.getRepository(Complainant).save(
      manager.getRepository(Complainant).create({
        name: person.name.trim(),
        email: person.email?.trim().toLowerCase() || null,
        phone: person.phone?.trim() || null,
        postalAddress: person.postalAddress?.trim() || null,
        relation: person.relation,
        organisation: person.organisation?.trim() || null,
        onBehalfOf: person.onBehalfOf?.trim() || null,
        pseudonym: this.pseudonyms.of(person),
      }),
    );
    const snapshot = fields.policy.snapshot();
    const status = initialStatus(fields.kind);
    // Deadlines are computed before the reference counter is taken: its row stays locked until commit.
    const rules = fields.kind === ComplaintKind.SIGNAL ? [] : snapshot.rules.filter((rule) => rule.startsAt === DeadlineStart.RECEIPT);
    const dues = await this.deadlines.plan(manager, rules, fields.receivedAt);
    const reference = await this.nextReference(manager, now.year);
    const complaint = await manager.getRepository(Complaint).save(
      manager.getRepository(Complaint).create({
        reference,
        kind: fields.kind,
        status,
        channel: fields.channel,
        receivedAt: fields.receivedAt.toJSDate(),
        registeredById: fields.registeredById,
        complainantId: complainant.id,
        unitId: fields.unitId,
        categoryId: fields.categoryId,
        policyId: fields.policy.id,
        policySnapshot: snapshot,
        description: fields.description,
        subjectService: fields.subjectService,
        subjectStaffIds: fields.subjectStaffIds,
        offer: [],
        closedAt: fields.kind === ComplaintKind.SIGNAL ? now.toJSDate() : null,
        closureWorkingDays: fields.kind === ComplaintKind.SIGNAL ? 0 : null,
        ...nextDue(dues),
      }),
    );
    const opened = await this.deadlines.insert(manager, complaint, dues, DeadlineStart.RECEIPT, fields.receivedAt);
    await this.engine.writeEvent(manager, complaint, {
      type: fields.event,
      actorId: fields.actorId,
      from: null,
      to: status,
      at: now,
      data: { channel: fields.channel, policy: snapshot.key, kind: fields.kind, deadlinesOpened: opened },
    });
    return { complaint, complainant };
  }

  /** KL-YYYY-NNNNNN: the counter row is locked until commit, so numbers never repeat or skip. */
  private async nextReference(manager: EntityManager, year: number): Promise<string> {
    const [{ last_number: number }] = (await manager.query(
      `INSERT INTO complaint_reference_counter (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = complaint_reference_counter.last_number + 1
       RETURNING last_number`,
      [year],
    )) as Array<{ last_number: number }>;
    return `KL-${year}-${String(number).padStart(6, '0')}`;
  }
}
