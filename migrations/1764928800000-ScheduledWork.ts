import { DateTime } from 'luxon';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WorkingCalendar } from '../api/src/calendar/working-calendar';

/**
 * Scheduled work (the deadline watch, reminders, escalations, the digest; pg-boss's own schema is created by
 * pg-boss at start, as the owner: api/src/jobs/job-queue.ts):
 * - a deadline keeps when its owner is reminded and was, when it was recorded as breached and escalated, and
 *   when it is escalated again; each sweep reads a partial index of what is still to do;
 * - deadlines already past due when this runs are marked breached as of their due moment without an event
 *   or an escalation (they were visible as overdue all along; the watch records new breaches from now on);
 *   open deadlines still to come get their reminder moment, counted on today's calendar;
 * - policies say how long before a deadline its owner is reminded and after how many working days a breach
 *   is escalated again; running complaints get their policy's values in their snapshot;
 * - notifications: new kinds, the deadline they are about, a unique key that makes them once-only, their
 *   data; the digest is about no single complaint. Each member of staff's choice of what reaches them by mail.
 */
const EVENTS = [
  'SUBMITTED',
  'REGISTERED',
  'FORWARDED',
  'HANDLER_ASSIGNED',
  'CONTACT_RECORDED',
  'ASSESSMENT_RECORDED',
  'RESPONDED',
  'OUTCOME_RECORDED',
  'CLOSED',
  'ARCHIVED',
  'WITHDRAWN',
  'REOPENED',
  'NOTE_ADDED',
  'OBJECTION_FILED',
  'HEARING_SCHEDULED',
  'HEARING_RESCHEDULED',
  'HEARING_HELD',
  'HEARING_WAIVED',
  'SETTLEMENT_RECORDED',
  'OBJECTION_DECIDED',
  'REFERRED',
  'REFERRAL_OUTCOME_RECORDED',
  'ATTACHMENT_ADDED',
  'INFORMATION_REQUESTED',
  'RESUMED',
  'EXTENDED',
  'RESOLVED_BY_RECEIVER',
  'STATEMENT_RECORDED',
  'DEADLINES_CANCELLED',
];
const NOTIFICATION_KINDS = ['SUBJECT_OF_COMPLAINT', 'EXTENDED', 'FINDINGS'];
const NEW_NOTIFICATION_KINDS = ['ASSIGNED', 'FORWARDED', 'REMINDER', 'BREACHED', 'ESCALATED', 'OBJECTION_FILED', 'HEARING_TOMORROW', 'DIGEST'];
/** The complainant's own deadlines: nobody at the organisation is reminded of them. */
const CLIENT_DEADLINES = ['OBJECTION_WINDOW', 'INFORMATION'];

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

export class ScheduledWork1764928800000 implements MigrationInterface {
  name = 'ScheduledWork1764928800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string, parameters?: unknown[]) => queryRunner.query(text, parameters);

    // ---- policies: the reminder's lead and the second escalation
    await sql(`ALTER TABLE "policy" ADD "reminder_amount" integer`);
    await sql(`ALTER TABLE "policy" ADD "reminder_unit" varchar(20)`);
    await sql(`ALTER TABLE "policy" ADD "second_escalation_working_days" integer`);
    await sql(
      `ALTER TABLE "policy" ADD CONSTRAINT "policy_reminder_check" CHECK ((reminder_amount IS NULL) = (reminder_unit IS NULL) AND (reminder_unit IS NULL OR reminder_unit IN ('WORKING_DAYS', 'HOURS')))`,
    );
    await sql(
      `ALTER TABLE "policy" ADD CONSTRAINT "policy_second_escalation_check" CHECK (second_escalation_working_days IS NULL OR second_escalation_working_days BETWEEN 1 AND 60)`,
    );
    // Two working days ahead, again two working days after a breach; reset-partner's 48 hours: 8 hours ahead.
    await sql(`UPDATE policy SET reminder_amount = 2, reminder_unit = 'WORKING_DAYS', second_escalation_working_days = 2`);
    await sql(`UPDATE policy SET reminder_amount = 8, reminder_unit = 'HOURS' WHERE key = 'reset-partner'`);
    await sql(`
      UPDATE complaint c SET policy_snapshot = c.policy_snapshot || jsonb_build_object(
        'reminder', CASE WHEN p.reminder_amount IS NULL THEN NULL ELSE jsonb_build_object('amount', p.reminder_amount, 'unit', p.reminder_unit) END,
        'secondEscalationWorkingDays', p.second_escalation_working_days)
      FROM policy p WHERE p.id = c.policy_id`);

    // ---- deadlines: what the watch keeps
    for (const column of ['remind_at', 'reminded_at', 'breached_at', 'escalated_at', 'second_escalation_at', 'second_escalated_at']) {
      await sql(`ALTER TABLE "deadline" ADD "${column}" TIMESTAMP WITH TIME ZONE`);
    }
    await sql(`CREATE INDEX "deadline_breach_due_idx" ON "deadline" ("due_at") WHERE "met_at" IS NULL AND "cancelled_at" IS NULL AND "breached_at" IS NULL`);
    await sql(`CREATE INDEX "deadline_remind_due_idx" ON "deadline" ("remind_at") WHERE "reminded_at" IS NULL AND "met_at" IS NULL AND "cancelled_at" IS NULL`);
    await sql(
      `CREATE INDEX "deadline_escalate_again_idx" ON "deadline" ("second_escalation_at") WHERE "second_escalated_at" IS NULL AND "met_at" IS NULL AND "cancelled_at" IS NULL`,
    );
    // already past due: breached as of then, without an event or an escalation now
    await sql(
      `UPDATE deadline SET breached_at = due_at, escalated_at = now() WHERE met_at IS NULL AND cancelled_at IS NULL AND paused_at IS NULL AND due_at < now()`,
    );
    await this.planReminders(queryRunner);

    // ---- notifications
    await sql(`ALTER TABLE "notification" ALTER COLUMN "complaint_id" DROP NOT NULL`);
    await sql(`ALTER TABLE "notification" ADD "deadline_id" uuid`);
    await sql(`ALTER TABLE "notification" ADD "key" varchar(200)`);
    await sql(`ALTER TABLE "notification" ADD "data" jsonb NOT NULL DEFAULT '{}'`);
    await sql(`ALTER TABLE "notification" ADD CONSTRAINT "notification_key_key" UNIQUE ("key")`);
    await sql(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
    await sql(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK (kind IN (${list([...NOTIFICATION_KINDS, ...NEW_NOTIFICATION_KINDS])}))`,
    );
    await sql(`
      CREATE TABLE "notification_settings" (
        "staff_id" uuid NOT NULL,
        "mail_kinds" varchar array NOT NULL DEFAULT '{}',
        "digest_instead_of_mail" boolean NOT NULL DEFAULT false,
        CONSTRAINT "PK_notification_settings" PRIMARY KEY ("staff_id"),
        CONSTRAINT "notification_settings_staff_fk" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE
      )`);
    await sql(`GRANT SELECT, INSERT, UPDATE ON notification_settings TO klachten_api`);

    // ---- the history: the watch's event
    await sql(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await sql(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list([...EVENTS, 'DEADLINE_BREACHED'])}))`);
  }

  /** The reminder moment of every open deadline still to come, as the planner sets it for new ones (deadline-planner.ts, reminderAt). */
  private async planReminders(queryRunner: QueryRunner): Promise<void> {
    const closed = (await queryRunner.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, description, kind FROM calendar_day`)) as Array<{
      date: string;
      description: string;
      kind: 'DECREE' | 'CLOSING';
    }>;
    const calendar = new WorkingCalendar(closed);
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = (await queryRunner.query(
        `SELECT d.id, d.due_at AS "dueAt", d.started_at AS "startedAt", c.policy_snapshot->'reminder' AS reminder
         FROM deadline d JOIN complaint c ON c.id = d.complaint_id
         WHERE d.id > $1 AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.due_at >= now() AND d.kind NOT IN (${list(CLIENT_DEADLINES)})
           AND c.policy_snapshot->'reminder' IS NOT NULL AND jsonb_typeof(c.policy_snapshot->'reminder') = 'object'
         ORDER BY d.id LIMIT 5000`,
        [after],
      )) as Array<{ id: string; dueAt: Date; startedAt: Date; reminder: { amount: number; unit: string } }>;
      if (rows.length === 0) break;
      const planned = rows.map((row) => {
        const due = DateTime.fromJSDate(row.dueAt);
        const at = row.reminder.unit === 'HOURS' ? due.minus({ hours: row.reminder.amount }) : calendar.workingDaysBefore(due, row.reminder.amount);
        return at.toJSDate() > row.startedAt ? at.toJSDate() : null;
      });
      await queryRunner.query(`UPDATE deadline d SET remind_at = p.at FROM unnest($1::uuid[], $2::timestamptz[]) AS p(id, at) WHERE d.id = p.id`, [
        rows.map((row) => row.id),
        planned,
      ]);
      after = rows[rows.length - 1].id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`DELETE FROM complaint_event WHERE type = 'DEADLINE_BREACHED'`);
    await sql(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await sql(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list(EVENTS)}))`);
    await sql(`DROP TABLE "notification_settings"`);
    await sql(`DELETE FROM notification WHERE kind NOT IN (${list(NOTIFICATION_KINDS)}) OR complaint_id IS NULL`);
    await sql(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
    await sql(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK (kind IN (${list(NOTIFICATION_KINDS)}))`);
    await sql(`ALTER TABLE "notification" DROP CONSTRAINT "notification_key_key"`);
    await sql(`ALTER TABLE "notification" DROP COLUMN "data"`);
    await sql(`ALTER TABLE "notification" DROP COLUMN "key"`);
    await sql(`ALTER TABLE "notification" DROP COLUMN "deadline_id"`);
    await sql(`ALTER TABLE "notification" ALTER COLUMN "complaint_id" SET NOT NULL`);
    await sql(`DROP INDEX "deadline_escalate_again_idx"`);
    await sql(`DROP INDEX "deadline_remind_due_idx"`);
    await sql(`DROP INDEX "deadline_breach_due_idx"`);
    for (const column of ['remind_at', 'reminded_at', 'breached_at', 'escalated_at', 'second_escalation_at', 'second_escalated_at']) {
      await sql(`ALTER TABLE "deadline" DROP COLUMN "${column}"`);
    }
    await sql(`UPDATE complaint SET policy_snapshot = policy_snapshot - 'reminder' - 'secondEscalationWorkingDays'`);
    await sql(`ALTER TABLE "policy" DROP CONSTRAINT "policy_second_escalation_check"`);
    await sql(`ALTER TABLE "policy" DROP CONSTRAINT "policy_reminder_check"`);
    await sql(`ALTER TABLE "policy" DROP COLUMN "second_escalation_working_days"`);
    await sql(`ALTER TABLE "policy" DROP COLUMN "reminder_unit"`);
    await sql(`ALTER TABLE "policy" DROP COLUMN "reminder_amount"`);
  }
}
