import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import type { Role } from '../shared/roles';
import { pageOf, whereIds } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { NotificationSettings, DEFAULT_MAIL_KINDS } from './notification-settings.entity';
import { htmlOf, mailbox } from '../correspondence/mail-format';
import type { OutboxService } from '../correspondence/outbox.service';
import { Notification, NotificationKind } from './notification.entity';
import { notificationText } from './notification-text';
import type { NotificationListArgs, NotificationSettingsInput } from './notification.input';

/** One message to send: to whom, of what kind, about which complaint and deadline, once-only by `key`. */
export interface Message {
  staffId: string;
  kind: NotificationKind;
  complaintId?: string | null;
  deadlineId?: string | null;
  key?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Notifications to staff: written in the transaction of whatever causes them (a step, a sweep of the
 * deadline watch), listed per recipient, marked read by their recipient only. A message with a key is
 * written at most once, whoever writes it how often (ON CONFLICT on the unique key).
 */
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Writes the messages (each recipient once) and, for whoever wants that kind by e-mail (their settings;
   * until they choose, DEFAULT_MAIL_KINDS; with the digest instead, only the digest), its mail in the outbox —
   * in the same transaction. Answers how many were new.
   */
  async tell(manager: EntityManager, messages: readonly Message[]): Promise<number> {
    const unique = [...new Map(messages.map((message) => [message.key ?? `${message.kind}:${message.staffId}:${message.complaintId}`, message])).values()];
    if (unique.length === 0) return 0;
    // an INSERT answers its rows (an UPDATE answers [rows, count])
    const rows = (await manager.query(
      `INSERT INTO notification (staff_id, kind, complaint_id, deadline_id, key, data, created_at)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::uuid[], $5::varchar[], $6::jsonb[], $7::timestamptz[])
       ON CONFLICT (key) DO NOTHING
       RETURNING id, staff_id AS "staffId", kind, complaint_id AS "complaintId", data`,
      [
        unique.map((message) => message.staffId),
        unique.map((message) => message.kind),
        unique.map((message) => message.complaintId ?? null),
        unique.map((message) => message.deadlineId ?? null),
        unique.map((message) => message.key ?? null),
        unique.map((message) => JSON.stringify(message.data ?? {})),
        unique.map(() => this.clock.now().toJSDate()),
      ],
    )) as Array<{ id: string; staffId: string; kind: NotificationKind; complaintId: string | null; data: Record<string, unknown> }>;
    if (rows.length) await this.mail(manager, rows);
    return rows.length;
  }

  private async mail(
    manager: EntityManager,
    rows: Array<{ staffId: string; kind: NotificationKind; complaintId: string | null; data: Record<string, unknown> }>,
  ): Promise<void> {
    const recipients = (await manager.query(
      `SELECT s.id, s.name, s.email, n.mail_kinds AS "mailKinds", n.digest_instead_of_mail AS "digestOnly"
       FROM staff s LEFT JOIN notification_settings n ON n.staff_id = s.id WHERE s.id = ANY($1) AND s.active`,
      [[...new Set(rows.map((row) => row.staffId))]],
    )) as Array<{ id: string; name: string; email: string; mailKinds: NotificationKind[] | null; digestOnly: boolean | null }>;
    const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]));
    const mails = rows.flatMap((row) => {
      const recipient = byId.get(row.staffId);
      if (!recipient) return [];
      const kinds = recipient.mailKinds ?? DEFAULT_MAIL_KINDS;
      if (!kinds.includes(row.kind) || (recipient.digestOnly && row.kind !== NotificationKind.DIGEST)) return [];
      const { subject, text } = notificationText(row.kind, row.data);
      return [{ complaintId: row.complaintId, to: mailbox(recipient.name, recipient.email), subject, text, html: htmlOf(text.split('\n')) }];
    });
    await this.outbox.enqueueAll(manager, mails);
  }

  /** A step's message about a complaint to the people it concerns, never to whoever took the step. */
  async tellAbout(
    manager: EntityManager,
    complaint: { id: string; reference: string; subjectStaffIds: string[] },
    kind: NotificationKind,
    to: ReadonlyArray<string | null | undefined>,
    byId: string | null,
    data: Record<string, unknown> = {},
  ): Promise<number> {
    const recipients = [...new Set(to)].filter((staffId): staffId is string => !!staffId && staffId !== byId && !complaint.subjectStaffIds.includes(staffId));
    return this.tell(
      manager,
      recipients.map((staffId) => ({ staffId, kind, complaintId: complaint.id, data: { reference: complaint.reference, ...data } })),
    );
  }

  /** The active staff granted `role` itself (not by inclusion: a DIRECTOR is not told what a QUALITY_MANAGER is). */
  async holdersOf(manager: EntityManager, role: Role): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM staff WHERE active AND $1 = ANY(roles)`, [role])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  list(caller: Caller, args: NotificationListArgs): Promise<Page<Notification>> {
    const query = this.dataSource.getRepository(Notification).createQueryBuilder('notification').where('notification.staff_id = :me', { me: caller.id });
    if (args.filter?.unread === true) query.andWhere('notification.read_at IS NULL');
    if (args.filter?.unread === false) query.andWhere('notification.read_at IS NOT NULL');
    whereIds(query, 'notification.id', args.filter?.ids);
    return pageOf(query, args, 'notification.created_at', args.sortOrder, 'notification.id');
  }

  /** Marks the caller's own notifications read (others' are not touched); answers how many changed. */
  async markRead(caller: Caller, ids: string[]): Promise<number> {
    const [, changed] = (await this.dataSource.query('UPDATE notification SET read_at = $3 WHERE staff_id = $1 AND id = ANY($2) AND read_at IS NULL', [
      caller.id,
      ids,
      this.clock.now().toJSDate(),
    ])) as [unknown, number];
    return changed;
  }

  async settings(caller: Caller): Promise<NotificationSettings> {
    const saved = await this.dataSource.getRepository(NotificationSettings).findOneBy({ staffId: caller.id });
    return saved ?? Object.assign(new NotificationSettings(), { staffId: caller.id, mailKinds: [...DEFAULT_MAIL_KINDS], digestInsteadOfMail: false });
  }

  async updateSettings(caller: Caller, input: NotificationSettingsInput): Promise<NotificationSettings> {
    const settings = Object.assign(new NotificationSettings(), {
      staffId: caller.id,
      mailKinds: [...new Set(input.mailKinds)],
      digestInsteadOfMail: input.digestInsteadOfMail,
    });
    await this.dataSource.getRepository(NotificationSettings).upsert(settings, ['staffId']);
    return settings;
  }
}
