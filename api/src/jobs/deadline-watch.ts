import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { ClockService } from '../complaint/clock.service';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintEventType, type ComplaintStatus } from '../complaint/complaint.enums';
import { OWNER_SQL, owedByOrganisationSql } from '../complaint/complaint.procedure';
import type { DeadlinePlanner } from '../complaint/deadline-planner';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { NotificationKind } from '../notification/notification.entity';
import type { Message, NotificationService } from '../notification/notification.service';
import { ZONE, type Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { Role } from '../shared/roles';

/** Deadlines handled per transaction, and batches per run (a run stays short; the next minute goes on). */
const BATCH = 100;
const MAX_BATCHES = 50;

/** A deadline the watch acts on, with who owes it and who is above them. */
interface Watched {
  id: string;
  kind: string;
  dueAt: Date;
  dueDate: string;
  complaintId: string;
  reference: string;
  status: ComplaintStatus;
  subjects: string[];
  ownerId: string | null;
  /** The owner's supervisor, else the unit's director. */
  nextLevelId: string | null;
  directorId: string | null;
  secondEscalationWorkingDays: number | null;
}

/**
 * The open deadlines that `condition` selects, oldest first, with their complaints' and their own rows locked
 * (skipping those a step or another run holds): locking the deadline too makes PostgreSQL check the condition
 * again on a row changed meanwhile (met by a step, recorded by another run), so nothing is acted on twice.
 */
export const watchedSql = (condition: string, order: string) => `
  SELECT d.id, d.kind, d.due_at AS "dueAt", to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate", c.id AS "complaintId", c.reference, c.status,
         c.subject_staff_ids AS subjects, o.id AS "ownerId",
         CASE WHEN coalesce(o.supervisor_id, u.director_id) = o.id THEN NULL ELSE coalesce(o.supervisor_id, u.director_id) END AS "nextLevelId",
         u.director_id AS "directorId",
         (c.policy_snapshot->>'secondEscalationWorkingDays')::int AS "secondEscalationWorkingDays"
  FROM deadline d
  JOIN complaint c ON c.id = d.complaint_id
  LEFT JOIN organisational_unit u ON u.id = c.unit_id
  LEFT JOIN staff o ON o.id = ${OWNER_SQL} AND o.active
  WHERE d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL AND ${owedByOrganisationSql('d.kind')} AND ${condition}
  ORDER BY ${order}
  LIMIT ${BATCH}
  FOR UPDATE OF c, d SKIP LOCKED`;

export interface WatchRun {
  lapsed: number;
  breached: number;
  reminded: number;
  escalatedAgain: number;
  hearingsTomorrow: number;
}

/**
 * What must happen on time, by itself (DOMAIN.md, "What the system does by itself"): a request for
 * information that lapsed resumes the clock; a deadline that passed unmet is recorded as BREACHED with a
 * history event dated the moment it passed, and whoever owes it is told and the next level (their supervisor
 * or the unit's director) and the quality managers are escalated to — again after the policy's working days;
 * a reminder goes to whoever owes a deadline the policy's lead before it; the chair and handler of tomorrow's
 * hearing are told. Every run reads "now" from the injected clock and writes each thing once: a deadline's
 * columns change only under its complaint's row lock (the lock every step takes first) and every notification
 * carries a unique key — so two instances, a retried job or a run after a crash add nothing twice.
 */
export class DeadlineWatch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcedureEngine,
    private readonly deadlines: DeadlinePlanner,
    private readonly clockSteps: ClockService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** One run of every sweep. */
  async run(): Promise<WatchRun> {
    const lapsed = await this.clockSteps.lapseDue();
    const breached = await this.batches(() => this.breachBatch());
    const escalatedAgain = await this.batches(() => this.escalateAgainBatch());
    const reminded = await this.batches(() => this.remindBatch());
    const hearingsTomorrow = await this.hearingsTomorrow();
    const run = { lapsed, breached, reminded, escalatedAgain, hearingsTomorrow };
    if (lapsed + breached + reminded + escalatedAgain + hearingsTomorrow > 0) this.logger.info('deadline watch', { ...run });
    return run;
  }

  private async batches(batch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (let round = 0; round < MAX_BATCHES; round++) {
      const done = await batch();
      total += done;
      if (done < BATCH) break;
    }
    return total;
  }

  private async breachBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const due = (await manager.query(watchedSql(`d.breached_at IS NULL AND d.due_at < $1`, 'd.due_at'), [now.toJSDate()])) as Watched[];
      if (due.length === 0) return 0;
      const calendar = await this.deadlines.calendar(manager);
      // the quality managers are told of every breach
      const managers = await this.notifications.holdersOf(manager, Role.QUALITY_MANAGER);
      const messages: Message[] = [];
      const again: Array<Date | null> = [];
      for (const deadline of due) {
        const dueAt = DateTime.fromJSDate(deadline.dueAt).setZone(ZONE);
        // N working days after this first escalation, its own day counting (a breach caught up late is not escalated twice at once)
        again.push(
          deadline.secondEscalationWorkingDays
            ? calendar
                .addWorkingDays(now.minus({ days: 1 }), deadline.secondEscalationWorkingDays)
                .endOf('day')
                .toJSDate()
            : null,
        );
        // one event per INSERT: the hash chain's trigger reads the complaint's event before it
        await this.engine.writeEvent(manager, { id: deadline.complaintId } as Complaint, {
          type: ComplaintEventType.DEADLINE_BREACHED,
          actorId: null,
          from: deadline.status,
          to: deadline.status,
          at: dueAt,
          data: { kind: deadline.kind, dueDate: deadline.dueDate, dueAt: dueAt.toISO(), owner: deadline.ownerId },
        });
        messages.push(...this.told(deadline, NotificationKind.BREACHED, [deadline.ownerId]));
        messages.push(...this.told(deadline, NotificationKind.ESCALATED, [deadline.nextLevelId, ...managers], 1));
      }
      await manager.query(
        `UPDATE deadline d SET breached_at = d.due_at, escalated_at = $2, second_escalation_at = p.again
         FROM unnest($1::uuid[], $3::timestamptz[]) AS p(id, again) WHERE d.id = p.id`,
        [due.map((deadline) => deadline.id), now.toJSDate(), again],
      );
      await this.notifications.tell(manager, messages);
      return due.length;
    });
  }

  private async escalateAgainBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now().toJSDate();
      const due = (await manager.query(watchedSql(`d.second_escalated_at IS NULL AND d.second_escalation_at <= $1`, 'd.second_escalation_at'), [
        now,
      ])) as Watched[];
      if (due.length === 0) return 0;
      const managers = await this.notifications.holdersOf(manager, Role.QUALITY_MANAGER);
      await manager.query(`UPDATE deadline SET second_escalated_at = $2 WHERE id = ANY($1)`, [due.map((deadline) => deadline.id), now]);
      await this.notifications.tell(
        manager,
        due.flatMap((deadline) =>
          this.told(deadline, NotificationKind.ESCALATED, [deadline.ownerId, deadline.nextLevelId, deadline.directorId, ...managers], 2),
        ),
      );
      return due.length;
    });
  }

  private async remindBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now().toJSDate();
      // a reminder for a deadline that passed meanwhile (no instance ran) would come too late: the breach says it
      const due = (await manager.query(watchedSql(`d.reminded_at IS NULL AND d.remind_at <= $1 AND d.due_at > $1`, 'd.remind_at'), [now])) as Watched[];
      if (due.length === 0) return 0;
      await manager.query(`UPDATE deadline SET reminded_at = $2 WHERE id = ANY($1)`, [due.map((deadline) => deadline.id), now]);
      await this.notifications.tell(
        manager,
        due.flatMap((deadline) => this.told(deadline, NotificationKind.REMINDER, [deadline.ownerId])),
      );
      return due.length;
    });
  }

  /** The chair and the handler of each hearing tomorrow (Amsterdam): once per hearing and moment. */
  private async hearingsTomorrow(): Promise<number> {
    const tomorrow = this.clock.now().setZone(ZONE).plus({ days: 1 }).startOf('day');
    return this.dataSource.transaction(async (manager) => {
      const hearings = (await manager.query(
        `SELECT h.id, h.complaint_id AS "complaintId", h.scheduled_at AS "scheduledAt", h.chair_id AS "chairId", c.handler_id AS "handlerId",
                c.reference, c.subject_staff_ids AS subjects
         FROM hearing h JOIN complaint c ON c.id = h.complaint_id
         WHERE h.status = 'SCHEDULED' AND h.scheduled_at >= $1 AND h.scheduled_at < $2`,
        [tomorrow.toJSDate(), tomorrow.plus({ days: 1 }).toJSDate()],
      )) as Array<{ id: string; complaintId: string; scheduledAt: Date; chairId: string; handlerId: string | null; reference: string; subjects: string[] }>;
      const messages = hearings.flatMap((hearing) =>
        [...new Set([hearing.chairId, hearing.handlerId])]
          .filter((staffId): staffId is string => staffId !== null && !hearing.subjects.includes(staffId))
          .map((staffId) => ({
            staffId,
            kind: NotificationKind.HEARING_TOMORROW,
            complaintId: hearing.complaintId,
            key: `${NotificationKind.HEARING_TOMORROW}:${hearing.id}:${hearing.scheduledAt.toISOString()}:${staffId}`,
            data: { reference: hearing.reference, scheduledAt: hearing.scheduledAt.toISOString() },
          })),
      );
      return this.notifications.tell(manager, messages);
    });
  }

  /** The messages of one kind about a deadline to these people (never to someone the complaint is about), once each. */
  private told(deadline: Watched, kind: NotificationKind, to: Array<string | null>, level?: number): Message[] {
    const recipients = [...new Set(to)].filter(
      (staffId): staffId is string =>
        staffId !== null && !deadline.subjects.includes(staffId) && (kind !== NotificationKind.ESCALATED || level === 2 || staffId !== deadline.ownerId),
    );
    return recipients.map((staffId) => ({
      staffId,
      kind,
      complaintId: deadline.complaintId,
      deadlineId: deadline.id,
      key: `${kind}${level ? `-${level}` : ''}:${deadline.id}:${deadline.dueAt.toISOString()}:${staffId}`,
      data: {
        reference: deadline.reference,
        deadlineKind: deadline.kind,
        dueDate: deadline.dueDate,
        dueAt: deadline.dueAt.toISOString(),
        ...(level ? { level } : {}),
      },
    }));
  }
}
