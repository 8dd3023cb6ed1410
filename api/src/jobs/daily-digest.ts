import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { owedByOrganisationSql } from '../complaint/complaint.procedure';
import type { DeadlinePlanner } from '../complaint/deadline-planner';
import { NotificationKind } from '../notification/notification.entity';
import type { Message, NotificationService } from '../notification/notification.service';
import { ZONE, type Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { OWNER_SQL } from '../complaint/complaint.procedure';

/** Items listed per part of a digest; the counts are always complete. */
const LISTED = 25;

interface Owed {
  ownerId: string;
  subjects: string[];
  complaintId: string;
  reference: string;
  kind: string;
  dueAt: Date;
  dueDate: string;
}

export interface DigestItem {
  complaintId: string;
  reference: string;
  kind: string;
  dueDate: string;
}

export interface DigestData {
  date: string;
  overdue: { count: number; items: DigestItem[] };
  today: { count: number; items: DigestItem[] };
  thisWeek: { count: number; items: DigestItem[] };
}

/**
 * The working day's digest (DOMAIN.md: "a daily digest on working days only"): for each member of staff, what
 * they owe that is overdue, due today and due later this week (to Sunday), as data the panel and the mail show
 * in Dutch. Never on a weekend, a holiday, a decree day or a closing day; once per person and day.
 */
export class DailyDigest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinePlanner,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Answers how many digests were written (0 on a day that is not a working day). */
  async run(): Promise<number> {
    const now = this.clock.now().setZone(ZONE);
    const today = now.startOf('day');
    return this.dataSource.transaction(async (manager) => {
      const calendar = await this.deadlines.calendar(manager);
      if (!calendar.isWorkingDay(today)) {
        this.logger.info('no digest: not a working day', { date: today.toISODate() });
        return 0;
      }
      const owed = (await manager.query(
        `SELECT ${OWNER_SQL} AS "ownerId", c.subject_staff_ids AS subjects, c.id AS "complaintId", c.reference, d.kind, d.due_at AS "dueAt", to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate"
         FROM deadline d
         JOIN complaint c ON c.id = d.complaint_id
         LEFT JOIN organisational_unit u ON u.id = c.unit_id
         WHERE d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL AND ${owedByOrganisationSql('d.kind')} AND d.due_at <= $1
         ORDER BY d.due_at`,
        [today.endOf('week').toJSDate()],
      )) as Owed[];
      const active = new Set(((await manager.query('SELECT id FROM staff WHERE active')) as Array<{ id: string }>).map((row) => row.id));
      const byOwner = new Map<string, Owed[]>();
      // never to the employee the complaint is about: what is owed on it is the deliberation
      for (const row of owed)
        if (row.ownerId && active.has(row.ownerId) && !row.subjects.includes(row.ownerId)) byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), row]);

      const date = today.toISODate()!;
      const part = (rows: Owed[]) => ({
        count: rows.length,
        items: rows.slice(0, LISTED).map(({ complaintId, reference, kind, dueDate }) => ({ complaintId, reference, kind, dueDate })),
      });
      const messages: Message[] = [...byOwner].map(([staffId, rows]) => {
        const data: DigestData = {
          date,
          overdue: part(rows.filter((row) => DateTime.fromJSDate(row.dueAt) < now)),
          today: part(rows.filter((row) => DateTime.fromJSDate(row.dueAt) >= now && row.dueDate === date)),
          thisWeek: part(rows.filter((row) => row.dueDate > date)),
        };
        return { staffId, kind: NotificationKind.DIGEST, key: `${NotificationKind.DIGEST}:${date}:${staffId}`, data: { ...data } };
      });
      return this.notifications.tell(manager, messages);
    });
  }
}
