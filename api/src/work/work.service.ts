import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { In } from 'typeorm';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintKind } from '../complaint/complaint.enums';
import { OWNER_SQL, TRANSITIONS, owedByOrganisationSql, owedBySql, type ComplaintAction } from '../complaint/complaint.procedure';
import type { ComplaintService } from '../complaint/complaint.service';
import { Deadline, type DeadlineCounts } from '../complaint/deadline.entity';
import { availableActions } from '../complaint/procedure-rules';
import { QUEUE_STATUSES, inQueueSql, oversight, queueUnitOf, restrictToVisible } from '../complaint/visibility';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { Unit } from '../unit/unit.entity';
import type { BulkAssignResult, MyWork, UnassignedQueue, WorkList } from './work.types';

/** Who a list of work is for: the steps one owes, or all owed in some units, or in the organisation. */
type Scope = { owner: string } | { units: string[] } | 'ORGANISATION';

/**
 * "Mijn werk" (issue 16): the steps each member of staff owes, earliest due first, with the step that meets each — who
 * owes what is the deadline watch's (OWNER_SQL) — and for a unit's director and a quality manager the same for their
 * units or the organisation, and the complaints waiting for a handler; picking one up and assigning many at once are
 * the procedure table's steps.
 */
export class WorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintService,
    private readonly clock: Clock,
  ) {}

  async myWork(caller: Caller, first: number): Promise<MyWork> {
    const overseen = await this.overseen(caller);
    const [mine, counts, team, unassigned] = await Promise.all([
      this.owed(caller, { owner: caller.id }, first),
      this.counts(caller, { owner: caller.id }),
      // what others owe there: their own steps are in `mine` already
      overseen ? this.owed(caller, overseen, first, caller.id) : null,
      this.unassigned(caller, overseen, first),
    ]);
    return { mine, counts, team, unassigned };
  }

  /** Many complaints to one handler (a DIRECTOR's bulk assignment): each is the ASSIGN_HANDLER step, refused as it would be alone. */
  async assignMany(caller: Caller, ids: string[], handlerId: string): Promise<BulkAssignResult> {
    const result: BulkAssignResult = { assigned: [], refused: [] };
    for (const id of ids) {
      try {
        result.assigned.push(await this.complaints.assignHandler(caller, id, null, handlerId));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        result.refused.push({ id, code: String(error.extensions.code), message: error.message });
      }
    }
    return result;
  }

  /** What a director or quality manager oversees beside their own work: the units they direct, else the organisation. */
  private async overseen(caller: Caller): Promise<Scope | null> {
    const oversees = oversight(caller);
    if (oversees !== 'UNITS_DIRECTED') return oversees;
    const units = await this.dataSource.getRepository(Unit).find({ select: { id: true }, where: { directorId: caller.id } });
    return units.length ? { units: units.map((unit) => unit.id) } : 'ORGANISATION';
  }

  /** The organisation's open deadlines of `scope` the caller may see (paused ones stand still: not owed now), but `except`'s. */
  private openDeadlines(caller: Caller, scope: Scope, except?: string): SelectQueryBuilder<Deadline> {
    const query = this.dataSource
      .getRepository(Deadline)
      .createQueryBuilder('d')
      .innerJoin(Complaint, 'c', 'c.id = d.complaint_id')
      .leftJoin(Unit, 'u', 'u.id = c.unit_id')
      .where(`d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL AND ${owedByOrganisationSql('d.kind')}`);
    if (scope !== 'ORGANISATION' && 'owner' in scope) query.andWhere(owedBySql('owner'), { owner: scope.owner });
    else if (scope !== 'ORGANISATION') query.andWhere('c.unit_id IN (:...units)', { units: scope.units });
    if (except) query.andWhere(`${OWNER_SQL} IS DISTINCT FROM :except`, { except });
    restrictToVisible(query, caller, 'c');
    return query;
  }

  private async owed(caller: Caller, scope: Scope, first: number, except?: string): Promise<WorkList> {
    const { entities, raw } = await this.openDeadlines(caller, scope, except)
      .addSelect(OWNER_SQL, 'owner_id')
      .addSelect('count(*) OVER ()', 'total')
      .orderBy('d.due_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(first)
      .getRawAndEntities<{ d_id: string; owner_id: string | null; total: string }>();
    if (!entities.length) return { total: 0, items: [] };
    const complaints = await this.dataSource
      .getRepository(Complaint)
      .find({ where: { id: In([...new Set(entities.map((deadline) => deadline.complaintId))]) }, relations: { complainant: true } });
    return {
      total: Number(raw[0].total),
      items: entities.map((deadline) => {
        const complaint = complaints.find((candidate) => candidate.id === deadline.complaintId)!;
        return {
          id: deadline.id,
          kind: deadline.kind,
          dueAt: deadline.dueAt,
          dueDate: deadline.dueDate,
          complaintId: complaint.id,
          reference: complaint.reference,
          complaintStatus: complaint.status,
          complainantName: complaint.complainant?.name ?? '',
          subject: brief(complaint.description),
          ownerId: raw.find((row) => row.d_id === deadline.id)?.owner_id ?? null,
          action: stepMeeting(deadline.kind, complaint, caller),
        };
      }),
    };
  }

  private async counts(caller: Caller, scope: Scope): Promise<DeadlineCounts> {
    const now = this.clock.now();
    const endOfToday = now.startOf('day').plus({ days: 1 }).toJSDate();
    const endOfWeek = now.startOf('week').plus({ weeks: 1 }).toJSDate();
    return (await this.openDeadlines(caller, scope)
      .select('count(*) FILTER (WHERE d.due_at < :now)::int', 'overdue')
      .addSelect('count(*) FILTER (WHERE d.due_at >= :now AND d.due_at < :endOfToday)::int', 'today')
      .addSelect('count(*) FILTER (WHERE d.due_at >= :endOfToday AND d.due_at < :endOfWeek)::int', 'laterThisWeek')
      .setParameters({ now: now.toJSDate(), endOfToday, endOfWeek })
      .getRawOne()) as DeadlineCounts;
  }

  /** Open complaints without a handler: the caller's unit queue (a HANDLER), or what they oversee. */
  private async unassigned(caller: Caller, overseen: Scope | null, first: number): Promise<UnassignedQueue | null> {
    const query = this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where(`c.handler_id IS NULL AND c.kind = :kind AND c.status IN (:...open)`, { kind: ComplaintKind.COMPLAINT, open: QUEUE_STATUSES });
    if (overseen && overseen !== 'ORGANISATION' && 'units' in overseen) query.andWhere('c.unit_id IN (:...units)', { units: overseen.units });
    else if (!overseen) {
      const queueUnit = queueUnitOf(caller);
      if (!queueUnit) return null;
      query.andWhere(inQueueSql('c'), { queueUnit, queueStatuses: QUEUE_STATUSES });
    }
    restrictToVisible(query, caller, 'c');
    const [items, total] = await query.orderBy('c.next_due_at', 'ASC', 'NULLS LAST').addOrderBy('c.id', 'ASC').take(first).getManyAndCount();
    return { total, items };
  }
}

/** The start of a description, on a word boundary, for a list. */
function brief(text: string, length = 140): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length - 20))}…`;
}

/** The step that meets a deadline of this kind which the caller may take on the complaint now (the form "Mijn werk" opens). */
function stepMeeting(kind: Deadline['kind'], complaint: Complaint, caller: Caller): ComplaintAction | null {
  const available = availableActions(complaint, caller);
  return Object.values(TRANSITIONS).find((transition) => transition.meets.includes(kind) && available.includes(transition.action))?.action ?? null;
}
