import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { Brackets, In, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { CalendarDay } from '../calendar/calendar-day.entity';
import { WorkingCalendar } from '../calendar/working-calendar';
import { Category } from '../category/category.entity';
import type { Caller } from '../context';
import { Policy, type DeadlineRule, type PolicySnapshot } from '../policy/policy.entity';
import type { Clock } from '../shared/clock';
import { ZONE } from '../shared/clock';
import { ForbiddenError, NotFoundError, StaleVersionError, UserInputError } from '../shared/errors';
import type { RateLimits } from '../shared/rate-limits';
import type { Logger } from '../shared/logger';
import type { Pseudonymiser } from '../shared/pseudonym';
import { escapeLike, pageOf } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { Role } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Unit } from '../unit/unit.entity';
import { Complainant } from './complainant.entity';
import { ComplaintEvent } from './complaint-event.entity';
import { Complaint } from './complaint.entity';
import { ComplaintEventType, ComplaintKind, ComplaintStatus, ContactKind, DeadlineKind, DeadlineStart, ForwardTarget } from './complaint.enums';
import {
  ConflictOfInterestError,
  IdempotencyKeyReusedError,
  InvalidTransitionError,
  ReceivedInFutureError,
  ReferenceNotFoundError,
  UnknownPolicyError,
} from './complaint.errors';
import type {
  AssessmentInput,
  AttachmentInput,
  ComplainantInput,
  ComplaintListArgs,
  ContactInput,
  DeadlineListArgs,
  ForwardInput,
  OutcomeInput,
  RegisterComplaintInput,
  ResponseInput,
  SubmitComplaintInput,
} from './complaint.input';
import { DueWindow } from './complaint.input';
import { ComplaintAction, initialStatus, maySee, refusal, TRANSITIONS } from './complaint.procedure';
import { Attachment } from './attachment.entity';
import { ContactMoment } from './contact-moment.entity';
import { Deadline } from './deadline.entity';
import { preloadComplaintRelations } from './complaint.preload';
import type { Loaders } from '../loaders';

interface PlannedDeadline {
  rule: DeadlineRule;
  dueAt: DateTime;
  dueDate: string;
}

/** The earliest due moment the organisation has to act on (the complainant's objection window is theirs). */
function nextDue(dues: PlannedDeadline[]): Date | null {
  const own = dues.filter((due) => due.rule.kind !== DeadlineKind.OBJECTION_WINDOW).map((due) => due.dueAt.toMillis());
  return own.length ? new Date(Math.min(...own)) : null;
}

/** Clock skew we accept between a browser's "now" and ours before calling a moment "the future". */
const SKEW_MS = 2 * 60_000;

const SORT_COLUMNS = {
  receivedAt: 'complaint.received_at',
  reference: 'complaint.reference',
  status: 'complaint.status',
  nextDueAt: 'complaint.next_due_at',
  updatedAt: 'complaint.updated_at',
} as const;

export interface StepResult {
  /** The moment the step happened (a contact in the past, say); default: now. */
  at?: DateTime;
  data?: Record<string, unknown>;
}

/** Only complaints the caller may see (the rule of maySee, in SQL), joined or selected as `alias`. */
export function seesEveryComplaint(caller: Caller): boolean {
  return caller.effectiveRoles.has(Role.QUALITY_MANAGER) || caller.effectiveRoles.has(Role.DIRECTOR);
}

export function restrictToVisible<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, caller: Caller, alias = 'complaint'): void {
  if (seesEveryComplaint(caller)) return;
  query.andWhere(`(${alias}.registered_by_id = :me OR ${alias}.handler_id = :me OR ${alias}.forwarded_to_id = :me)`, { me: caller.id });
}

/** Who sent a website complaint: the scope its idempotency keys belong to, and the address it is throttled by. */
export interface Sender {
  /** `token:<id>` for a WEBSITE token, `staff:<id>` for a signed-in member of staff, else `address:<client address>`. */
  scope: string;
  address: string;
  /** The website's own server: throttled per token (WEBSITE_RATE_LIMIT), not per address. */
  websiteTokenId: string | null;
}

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

export class ComplaintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly rateLimits: RateLimits,
    private readonly pseudonyms: Pseudonymiser,
  ) {}

  // ---------------------------------------------------------------- reading

  /** A complaint the caller may see; anything else answers as if it did not exist. */
  async get(caller: Caller, by: { id?: string | null; reference?: string | null }): Promise<Complaint> {
    const where = by.id ? { id: by.id } : by.reference ? { reference: by.reference.trim().toUpperCase() } : undefined;
    if (!where) throw new UserInputError('Give an id or a reference.', { id: 'id or reference is required' });
    const complaint = await this.dataSource.getRepository(Complaint).findOneBy(where);
    if (!complaint || !maySee(complaint, caller)) throw new NotFoundError('Complaint', by.id ?? by.reference ?? '');
    return complaint;
  }

  /** One statement: the page and (window count) the total. */
  async list(caller: Caller, args: ComplaintListArgs): Promise<Page<Complaint>> {
    const now = this.clock.now().toJSDate();
    const query = this.dataSource.getRepository(Complaint).createQueryBuilder('complaint');
    restrictToVisible(query, caller);
    const filter = args.filter ?? {};
    if (filter.ids) query.andWhere('complaint.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    if (filter.status?.length) query.andWhere('complaint.status IN (:...status)', { status: filter.status });
    if (filter.kind) query.andWhere('complaint.kind = :kind', { kind: filter.kind });
    if (filter.unitId) query.andWhere('complaint.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.handlerId) query.andWhere('complaint.handler_id = :handlerId', { handlerId: filter.handlerId });
    if (filter.categoryId) query.andWhere('complaint.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.registeredById) query.andWhere('complaint.registered_by_id = :registeredById', { registeredById: filter.registeredById });
    if (filter.channel) query.andWhere('complaint.channel = :channel', { channel: filter.channel });
    if (filter.receivedFrom) query.andWhere('complaint.received_at >= :receivedFrom', { receivedFrom: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('complaint.received_at <= :receivedTo', { receivedTo: filter.receivedTo });
    if (filter.overdue === true) query.andWhere('complaint.next_due_at < :now', { now });
    if (filter.overdue === false) query.andWhere('(complaint.next_due_at IS NULL OR complaint.next_due_at >= :now)', { now });
    if (filter.dueBefore) query.andWhere('complaint.next_due_at <= :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.q?.trim()) {
      const q = `%${escapeLike(filter.q.trim())}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where('complaint.reference ILIKE :q', { q })
            .orWhere('complaint.description ILIKE :q')
            .orWhere('EXISTS (SELECT 1 FROM complainant c WHERE c.id = complaint.complainant_id AND (c.name ILIKE :q OR c.email ILIKE :q))'),
        ),
      );
    }
    return pageOf(query, args, SORT_COLUMNS[args.sortField], args.sortOrder, 'complaint.id');
  }

  /** Fills the request's loaders with the relations a list page asks for: one statement instead of one per relation. */
  preload(complaints: Complaint[], loaders: Loaders, fields: Set<string>): Promise<void> {
    return preloadComplaintRelations(this.dataSource, loaders, complaints, fields);
  }

  /** Open deadlines: overdue, due today, due this week; per handler and unit. One statement. */
  async listDeadlines(caller: Caller, args: DeadlineListArgs): Promise<Page<Deadline>> {
    const now = this.clock.now();
    const filter = args.filter ?? {};
    const query = this.dataSource.getRepository(Deadline).createQueryBuilder('deadline').where('deadline.met_at IS NULL AND deadline.cancelled_at IS NULL');
    // The complaint is joined only when needed: for everyone else it makes PostgreSQL walk all complaints.
    if (!seesEveryComplaint(caller) || filter.handlerId || filter.unitId) {
      query.innerJoin(Complaint, 'complaint', 'complaint.id = deadline.complaint_id');
      restrictToVisible(query, caller);
    }
    if (filter.due === DueWindow.OVERDUE) query.andWhere('deadline.due_at < :now', { now: now.toJSDate() });
    if (filter.due === DueWindow.TODAY) query.andWhere('deadline.due_at <= :until', { until: now.endOf('day').toJSDate() });
    if (filter.due === DueWindow.THIS_WEEK) query.andWhere('deadline.due_at <= :until', { until: now.endOf('week').toJSDate() });
    // The objection window is the complainant's term, not work for the organisation: only when asked for.
    if (filter.kind) query.andWhere('deadline.kind = :kind', { kind: filter.kind });
    else query.andWhere("deadline.kind <> 'OBJECTION_WINDOW'");
    if (filter.handlerId) query.andWhere('complaint.handler_id = :handlerId', { handlerId: filter.handlerId });
    if (filter.unitId) query.andWhere('complaint.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.ids) query.andWhere('deadline.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    return pageOf(query, args, 'deadline.due_at', args.sortOrder, 'deadline.id');
  }

  // ---------------------------------------------------------------- intake

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
      const complaint = await this.create(manager, {
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
    if (sender.websiteTokenId) await this.rateLimits.consumeWebsiteSubmission(sender.websiteTokenId);
    else await this.rateLimits.consumeSubmission(sender.address);
    const outcome = await this.dataSource.transaction(async (manager) => {
      // The key first: a concurrent retry with the same key waits here until this transaction ends.
      if (key && !(await this.claimIdempotencyKey(manager, sender.scope, key, requestHash!))) return { claimed: false as const };
      const unit = input.unitCode ? await manager.getRepository(Unit).findOneBy({ code: input.unitCode.toUpperCase(), active: true }) : null;
      if (input.unitCode && !unit) throw new ReferenceNotFoundError('unitCode', `Unit ${input.unitCode}`);
      const category = input.categoryKey ? await manager.getRepository(Category).findOneBy({ key: input.categoryKey, active: true }) : null;
      if (input.categoryKey && !category) throw new ReferenceNotFoundError('categoryKey', `Category ${input.categoryKey}`);
      const complaint = await this.create(manager, {
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
  ): Promise<Complaint> {
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
    const terms = fields.kind === ComplaintKind.SIGNAL ? [] : this.termsFrom(snapshot, DeadlineStart.RECEIPT);
    const dues = terms.length ? await this.computeDues(manager, terms, fields.receivedAt) : [];
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
        nextDueAt: nextDue(dues),
      }),
    );
    const opened = await this.insertDeadlines(manager, complaint, dues, DeadlineStart.RECEIPT, fields.receivedAt);
    await this.writeEvent(manager, complaint, {
      type: fields.event,
      actorId: fields.actorId,
      from: null,
      to: status,
      at: now,
      data: { channel: fields.channel, policy: snapshot.key, kind: fields.kind, deadlinesOpened: opened },
    });
    return complaint;
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

  private async calendar(manager: EntityManager): Promise<WorkingCalendar> {
    const days = await manager.getRepository(CalendarDay).find();
    return new WorkingCalendar(days.map((day) => ({ date: day.date, description: day.description })));
  }

  /** The policy's terms counted from `start` (a reopening counts RESPOND again). */
  private termsFrom(snapshot: PolicySnapshot, start: DeadlineStart): DeadlineRule[] {
    return snapshot.rules.filter((rule) => rule.startsAt === start || (start === DeadlineStart.REOPENING && rule.kind === 'RESPOND'));
  }

  private async computeDues(manager: EntityManager, terms: DeadlineRule[], at: DateTime): Promise<PlannedDeadline[]> {
    const calendar = await this.calendar(manager);
    return terms.map((rule) => ({ rule, ...calendar.due(at, rule) }));
  }

  private async insertDeadlines(manager: EntityManager, complaint: Complaint, dues: PlannedDeadline[], start: DeadlineStart, at: DateTime) {
    if (dues.length === 0) return [];
    const deadlines = dues.map(({ rule, dueAt, dueDate }) =>
      manager.getRepository(Deadline).create({
        complaintId: complaint.id,
        kind: rule.kind,
        amount: rule.amount,
        unit: rule.unit,
        startsAt: start,
        startedAt: at.toJSDate(),
        dueAt: dueAt.toJSDate(),
        dueDate,
      }),
    );
    await manager.getRepository(Deadline).insert(deadlines);
    return deadlines.map((deadline) => ({ kind: deadline.kind, dueDate: deadline.dueDate, dueAt: deadline.dueAt.toISOString() }));
  }

  private async openDeadlines(manager: EntityManager, complaint: Complaint, snapshot: PolicySnapshot, start: DeadlineStart, at: DateTime) {
    const terms = this.termsFrom(snapshot, start);
    if (terms.length === 0) return [];
    return this.insertDeadlines(manager, complaint, await this.computeDues(manager, terms, at), start, at);
  }

  private async refreshNextDue(manager: EntityManager, complaint: Complaint): Promise<void> {
    await manager.query(
      `UPDATE complaint SET next_due_at = (
         SELECT min(due_at) FROM deadline
         WHERE complaint_id = $1 AND met_at IS NULL AND cancelled_at IS NULL AND kind <> 'OBJECTION_WINDOW'
       ) WHERE id = $1`,
      [complaint.id],
    );
  }

  private async writeEvent(
    manager: EntityManager,
    complaint: Complaint,
    event: {
      type: ComplaintEventType;
      actorId: string | null;
      from: ComplaintStatus | null;
      to: ComplaintStatus | null;
      at: DateTime;
      data: Record<string, unknown>;
    },
  ): Promise<void> {
    await manager.getRepository(ComplaintEvent).save(
      manager.getRepository(ComplaintEvent).create({
        complaintId: complaint.id,
        type: event.type,
        actorId: event.actorId,
        fromStatus: event.from,
        toStatus: event.to,
        at: event.at.toJSDate(),
        data: event.data,
      }),
    );
  }

  // ---------------------------------------------------------------- steps

  /**
   * Every step on an existing complaint: lock it, check the version, ask the procedure, apply the
   * step, meet and open deadlines, move the status, write the history event — one transaction.
   */
  async step(
    caller: Caller,
    id: string,
    version: number | null,
    action: ComplaintAction,
    apply: (complaint: Complaint, manager: EntityManager) => Promise<StepResult | void>,
  ): Promise<Complaint> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Complaint);
      const complaint = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!complaint || !maySee(complaint, caller)) throw new NotFoundError('Complaint', id);
      if (version !== null && complaint.version !== version) throw new StaleVersionError(complaint.reference, version, complaint.version);
      const refused = refusal(action, complaint, caller);
      if (refused?.reason === 'FORBIDDEN') throw new ForbiddenError(refused.message);
      if (refused?.reason === 'CONFLICT_OF_INTEREST') throw new ConflictOfInterestError(refused.message);
      if (refused) throw new InvalidTransitionError(refused.message);

      const transition = TRANSITIONS[action];
      const from = complaint.status;
      const result = (await apply(complaint, manager)) ?? {};
      const at = result.at ?? this.clock.now();
      const met = await this.meetDeadlines(manager, complaint, transition.meets, at);
      const opened = transition.opens ? await this.openDeadlines(manager, complaint, complaint.policySnapshot, transition.opens, at) : [];
      if (transition.to) complaint.status = transition.to;
      await this.recordLeadTimes(manager, complaint, action, at);
      const cancelled = transition.cancels ? await this.cancelDeadlines(manager, complaint, transition.cancels, at) : [];
      // Every step is a change: a new version, and updated_at from the database clock (incremental BI extraction
      // relies on real change times). save() bumps both when a column changed; a note or a contact changes none.
      const versionBefore = complaint.version;
      await repository.save(complaint);
      if (complaint.version === versionBefore) {
        await manager.query('UPDATE complaint SET version = version + 1, updated_at = now() WHERE id = $1', [complaint.id]);
      }
      await this.refreshNextDue(manager, complaint);
      await this.writeEvent(manager, complaint, {
        type: transition.event,
        actorId: caller.id,
        from,
        to: complaint.status,
        at: this.clock.now(),
        data: {
          action,
          ...result.data,
          ...(met.length ? { deadlinesMet: met } : {}),
          ...(opened.length ? { deadlinesOpened: opened } : {}),
          ...(cancelled.length ? { deadlinesCancelled: cancelled } : {}),
        },
      });
      return repository.findOneByOrFail({ id });
    });
  }

  private async meetDeadlines(manager: EntityManager, complaint: Complaint, kinds: readonly string[], at: DateTime): Promise<string[]> {
    if (kinds.length === 0) return [];
    const [rows] = (await manager.query(
      `UPDATE deadline SET met_at = $3 WHERE complaint_id = $1 AND kind = ANY($2) AND met_at IS NULL AND cancelled_at IS NULL RETURNING kind`,
      [complaint.id, kinds, at.toJSDate()],
    )) as [Array<{ kind: string }>, number];
    return rows.map((row) => row.kind);
  }

  /** Lead times in working days, for BI: fixed when the step happens, so statistics are plain SQL. */
  private async recordLeadTimes(manager: EntityManager, complaint: Complaint, action: ComplaintAction, at: DateTime): Promise<void> {
    const firstContact = (action === ComplaintAction.ACKNOWLEDGE || action === ComplaintAction.RESPOND) && complaint.ackWorkingDays === null;
    const firstResponse = action === ComplaintAction.RESPOND && complaint.responseWorkingDays === null;
    const closing = complaint.status === ComplaintStatus.CLOSED && TRANSITIONS[action].to === ComplaintStatus.CLOSED;
    if (!firstContact && !firstResponse && !closing) return;
    const calendar = await this.calendar(manager);
    const received = DateTime.fromJSDate(complaint.receivedAt);
    if (firstContact) complaint.ackWorkingDays = calendar.workingDaysBetween(received, at);
    if (firstResponse) complaint.responseWorkingDays = calendar.workingDaysBetween(received, at);
    if (closing) complaint.closureWorkingDays = calendar.workingDaysBetween(received, this.clock.now());
  }

  private async cancelDeadlines(manager: EntityManager, complaint: Complaint, kinds: readonly string[] | 'ALL', at: DateTime): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE deadline SET cancelled_at = $3 WHERE complaint_id = $1 AND ($2::varchar[] IS NULL OR kind = ANY($2)) AND met_at IS NULL AND cancelled_at IS NULL RETURNING kind`,
      [complaint.id, kinds === 'ALL' ? null : kinds, at.toJSDate()],
    )) as [Array<{ kind: string }>, number];
    return rows.map((row) => row.kind);
  }

  /** A moment the caller gives for something that happened: default now, never in the future. */
  pastMoment(value: Date | null | undefined, field: string): DateTime {
    const now = this.clock.now();
    if (!value) return now;
    const at = DateTime.fromJSDate(value).setZone(ZONE);
    if (at.toMillis() > now.toMillis() + SKEW_MS) throw new UserInputError(`${field} lies in the future.`, { [field]: 'lies in the future' }, 'IN_THE_FUTURE');
    return at;
  }

  async forward(caller: Caller, id: string, version: number, input: ForwardInput): Promise<Complaint> {
    return this.step(caller, id, version, ComplaintAction.FORWARD, async (complaint, manager) => {
      const toId = input.toId ?? (await this.defaultForwardTarget(manager, complaint, caller));
      const target = toId ? await manager.getRepository(Staff).findOneBy({ id: toId, active: true }) : null;
      if (!target)
        throw new UserInputError(
          'Whom to forward to? Give toId: the supervisor or director.',
          { toId: toId ? 'no active staff member with this id' : 'is required (no supervisor or director is known)' },
          'FORWARD_TARGET_REQUIRED',
        );
      complaint.forwardedToId = target.id;
      return { data: { toId: target.id, toName: target.name, note: input.note ?? null } };
    });
  }

  /** Focus: the receiver's direct supervisor; reset-partner: the director of the complaint's unit. */
  private async defaultForwardTarget(manager: EntityManager, complaint: Complaint, caller: Caller): Promise<string | null> {
    if (complaint.policySnapshot.forwardTo === ForwardTarget.DIRECTOR && complaint.unitId) {
      return (await manager.getRepository(Unit).findOneBy({ id: complaint.unitId }))?.directorId ?? null;
    }
    if (complaint.policySnapshot.forwardTo === ForwardTarget.SUPERVISOR) {
      return (await manager.getRepository(Staff).findOneBy({ id: complaint.registeredById ?? caller.id }))?.supervisorId ?? null;
    }
    return null;
  }

  async recordContact(caller: Caller, id: string, version: number, input: ContactInput): Promise<Complaint> {
    const action =
      input.kind === ContactKind.ACKNOWLEDGEMENT
        ? ComplaintAction.ACKNOWLEDGE
        : input.kind === ContactKind.PROGRESS_UPDATE
          ? ComplaintAction.SEND_PROGRESS_UPDATE
          : ComplaintAction.RECORD_CONTACT;
    const at = this.pastMoment(input.contactedAt, 'contactedAt');
    return this.step(caller, id, version, action, async (complaint, manager) => {
      await manager.getRepository(ContactMoment).insert({
        complaintId: complaint.id,
        kind: input.kind,
        channel: input.channel,
        contactedAt: at.toJSDate(),
        byId: caller.id,
        summary: input.summary?.trim() || null,
      });
      return { at, data: { kind: input.kind, channel: input.channel, contactedAt: at.toISO() } };
    });
  }

  async assignHandler(caller: Caller, id: string, version: number, handlerId: string): Promise<Complaint> {
    return this.step(caller, id, version, ComplaintAction.ASSIGN_HANDLER, async (complaint, manager) => {
      const handler = await manager.getRepository(Staff).findOneBy({ id: handlerId, active: true });
      if (!handler)
        throw new UserInputError('There is no active staff member with this id.', { handlerId: 'no active staff member with this id' }, 'UNKNOWN_REFERENCE');
      if (!handler.roles.some((role) => role === Role.HANDLER || role === Role.DIRECTOR)) {
        throw new UserInputError(`${handler.name} is not a HANDLER.`, { handlerId: 'needs the HANDLER role' }, 'NOT_A_HANDLER');
      }
      if (complaint.subjectStaffIds.includes(handler.id)) {
        throw new ConflictOfInterestError(`${handler.name} is the subject of ${complaint.reference} and cannot handle it.`, {
          handlerId: 'is the subject of this complaint',
        });
      }
      const previous = complaint.handlerId;
      complaint.handlerId = handler.id;
      return { data: { handlerId: handler.id, handlerName: handler.name, previousHandlerId: previous } };
    });
  }

  async recordAssessment(caller: Caller, id: string, version: number, input: AssessmentInput): Promise<Complaint> {
    return this.step(caller, id, version, ComplaintAction.RECORD_ASSESSMENT, async (complaint) => {
      complaint.verdict = input.verdict;
      complaint.cause = input.cause.trim();
      complaint.solution = input.solution?.trim() || null;
      complaint.offer = input.offer ?? [];
      complaint.preventiveMeasure = input.preventiveMeasure?.trim() || null;
      complaint.assessedAt = this.clock.now().toJSDate();
      return { data: { verdict: input.verdict, offer: complaint.offer } };
    });
  }

  async respond(caller: Caller, id: string, version: number, input: ResponseInput): Promise<Complaint> {
    const at = this.pastMoment(input.respondedAt, 'respondedAt');
    return this.step(caller, id, version, ComplaintAction.RESPOND, async (complaint) => {
      complaint.respondedAt = at.toJSDate();
      complaint.responseSummary = input.summary.trim();
      return { at, data: { channel: input.channel, respondedAt: at.toISO() } };
    });
  }

  async recordOutcome(caller: Caller, id: string, version: number, input: OutcomeInput): Promise<Complaint> {
    return this.step(caller, id, version, ComplaintAction.RECORD_OUTCOME, async (complaint) => {
      complaint.customerAgreed = input.customerAgreed;
      complaint.satisfaction = input.satisfaction ?? null;
      complaint.outcomeRecordedAt = this.clock.now().toJSDate();
      return { data: { customerAgreed: input.customerAgreed, satisfaction: input.satisfaction ?? null, note: input.note ?? null } };
    });
  }

  async close(caller: Caller, id: string, version: number, note: string | null): Promise<Complaint> {
    return this.step(caller, id, version, ComplaintAction.CLOSE, async (complaint) => {
      complaint.closedAt = this.clock.now().toJSDate();
      return { data: { note } };
    });
  }

  async archive(caller: Caller, id: string, version: number): Promise<Complaint> {
    return this.step(caller, id, version, ComplaintAction.ARCHIVE, async (complaint) => {
      complaint.archivedAt = this.clock.now().toJSDate();
    });
  }

  async withdraw(caller: Caller, id: string, version: number, reason: string): Promise<Complaint> {
    return this.step(caller, id, version, ComplaintAction.WITHDRAW, async (complaint) => {
      complaint.withdrawnAt = this.clock.now().toJSDate();
      return { data: { reason } };
    });
  }

  async reopen(caller: Caller, id: string, version: number, reason: string): Promise<Complaint> {
    return this.step(caller, id, version, ComplaintAction.REOPEN, async (complaint) => {
      complaint.closedAt = null;
      return { data: { reason } };
    });
  }

  /** Attachments are appended like notes: no version needed. */
  async addAttachment(caller: Caller, id: string, input: AttachmentInput): Promise<Complaint> {
    return this.step(caller, id, null, ComplaintAction.ADD_ATTACHMENT, async (complaint, manager) => {
      const attachment = manager.getRepository(Attachment).create({
        complaintId: complaint.id,
        fileName: input.fileName.trim(),
        contentType: input.contentType,
        sizeBytes: input.sizeBytes,
        storageKey: input.storageKey?.trim() || null,
        addedById: caller.id,
      });
      await manager.getRepository(Attachment).save(attachment);
      return { data: { attachmentId: attachment.id, fileName: attachment.fileName, sizeBytes: attachment.sizeBytes } };
    });
  }

  /** Notes are appended, never edited: no version needed, nothing to lose. */
  async addNote(caller: Caller, id: string, text: string): Promise<Complaint> {
    return this.step(caller, id, null, ComplaintAction.ADD_NOTE, async () => ({ data: { text } }));
  }
}
