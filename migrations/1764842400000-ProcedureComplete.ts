import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The procedure, complete (DOMAIN.md, Pausing and extending; Branches of the seeds):
 * - policies say how long the clock may stand still for the complainant's information, whether an
 *   unanswered request may end in closing, how long an extension may be, and whether written complaints
 *   go to management at intake; running complaints get the same in their snapshot (the presets' values);
 * - complaints keep whether they are paused, lapsed, extended, resolved by the receiver, and their lead
 *   times without the paused working days; a request for information is a row of its own;
 * - a deadline keeps the explanation of its date and whether it stands still; two new kinds (INFORMATION,
 *   the complainant's; EXTENSION_NOTICE) and their starts;
 * - the employee concerned: their statements (append-only) and their notifications;
 * - deadlines that no longer applied are cancelled at the moment they became moot, each in the history:
 *   FORWARD once a handler was assigned or the complaint answered; HEARING and FINAL_DECISION once referred.
 */
const DEADLINE_KINDS = ['FORWARD', 'ACKNOWLEDGE', 'PROGRESS_UPDATE', 'RESPOND', 'RECORD', 'OBJECTION_WINDOW', 'HEARING', 'FINAL_DECISION'];
const DEADLINE_STARTS = ['RECEIPT', 'RESPONSE', 'OBJECTION', 'REOPENING'];
const CONTACT_KINDS = ['ACKNOWLEDGEMENT', 'PROGRESS_UPDATE', 'OTHER'];
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
];
const NEW_EVENTS = ['INFORMATION_REQUESTED', 'RESUMED', 'EXTENDED', 'RESOLVED_BY_RECEIVER', 'STATEMENT_RECORDED', 'DEADLINES_CANCELLED'];
const UNITS = ['SAME_DAY', 'WORKING_DAYS', 'CALENDAR_DAYS', 'WEEKS', 'HOURS'];
const CHANNELS = ['PHONE', 'EMAIL', 'LETTER', 'WEB_FORM', 'IN_PERSON'];

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

export class ProcedureComplete1764842400000 implements MigrationInterface {
  name = 'ProcedureComplete1764842400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string, parameters?: unknown[]) => queryRunner.query(text, parameters);

    // ---- policies
    await sql(`ALTER TABLE "policy" ADD "max_pause_amount" integer`);
    await sql(`ALTER TABLE "policy" ADD "max_pause_unit" varchar(20)`);
    await sql(`ALTER TABLE "policy" ADD "close_when_unanswered" boolean NOT NULL DEFAULT false`);
    await sql(`ALTER TABLE "policy" ADD "extension_weeks" integer`);
    await sql(`ALTER TABLE "policy" ADD "written_to_management" boolean NOT NULL DEFAULT false`);
    await sql(
      `ALTER TABLE "policy" ADD CONSTRAINT "policy_max_pause_check" CHECK ((max_pause_amount IS NULL) = (max_pause_unit IS NULL) AND (max_pause_unit IS NULL OR max_pause_unit IN (${list(UNITS)})))`,
    );
    await sql(`ALTER TABLE "policy" ADD CONSTRAINT "policy_extension_weeks_check" CHECK (extension_weeks IS NULL OR extension_weeks BETWEEN 1 AND 26)`);
    // Every policy: wait at most 4 weeks for information, and may close an unanswered complaint; extend by at most 4 weeks (Awb 9:11).
    await sql(`UPDATE policy SET max_pause_amount = 4, max_pause_unit = 'WEEKS', close_when_unanswered = true, extension_weeks = 4`);
    // Seed 002: written complaints go to management at once.
    await sql(`UPDATE policy SET written_to_management = true WHERE key = 'procedure-klachten'`);
    await sql(
      `UPDATE complaint c SET policy_snapshot = c.policy_snapshot || jsonb_build_object(
         'maxPause', CASE WHEN p.max_pause_amount IS NULL THEN NULL ELSE jsonb_build_object('amount', p.max_pause_amount, 'unit', p.max_pause_unit) END,
         'closeWhenUnanswered', p.close_when_unanswered,
         'extensionWeeks', p.extension_weeks,
         'writtenToManagement', p.written_to_management)
       FROM policy p WHERE p.id = c.policy_id`,
    );

    // ---- complaints
    await sql(`ALTER TABLE "complaint" ADD "paused_since" timestamptz`);
    await sql(`ALTER TABLE "complaint" ADD "pause_lapsed_at" timestamptz`);
    await sql(`ALTER TABLE "complaint" ADD "paused_working_days" integer NOT NULL DEFAULT 0`);
    await sql(`ALTER TABLE "complaint" ADD "extended_at" timestamptz`);
    await sql(`ALTER TABLE "complaint" ADD "extension_weeks" integer`);
    await sql(`ALTER TABLE "complaint" ADD "extension_reason" text`);
    await sql(`ALTER TABLE "complaint" ADD "resolved_by_receiver" boolean NOT NULL DEFAULT false`);
    await sql(`ALTER TABLE "complaint" ADD "response_net_working_days" integer`);
    await sql(`ALTER TABLE "complaint" ADD "closure_net_working_days" integer`);
    await sql(`UPDATE complaint SET response_net_working_days = response_working_days, closure_net_working_days = closure_working_days`);

    // ---- deadlines
    await sql(`ALTER TABLE "deadline" ADD "paused_at" timestamptz`);
    await sql(`ALTER TABLE "deadline" ADD "explanation" jsonb`);
    await sql(`ALTER TABLE "deadline" DROP CONSTRAINT "deadline_kind_check"`);
    await sql(`ALTER TABLE "deadline" ADD CONSTRAINT "deadline_kind_check" CHECK (kind IN (${list([...DEADLINE_KINDS, 'INFORMATION', 'EXTENSION_NOTICE'])}))`);
    await sql(`ALTER TABLE "deadline" DROP CONSTRAINT "deadline_starts_at_check"`);
    await sql(
      `ALTER TABLE "deadline" ADD CONSTRAINT "deadline_starts_at_check" CHECK (starts_at IN (${list([...DEADLINE_STARTS, 'INFORMATION_REQUEST', 'EXTENSION'])}))`,
    );
    await sql(`ALTER TABLE "contact_moment" DROP CONSTRAINT "contact_moment_kind_check"`);
    await sql(
      `ALTER TABLE "contact_moment" ADD CONSTRAINT "contact_moment_kind_check" CHECK (kind IN (${list([...CONTACT_KINDS, 'INFORMATION_REQUEST', 'INFORMATION_RECEIVED', 'EXTENSION_NOTICE'])}))`,
    );
    await sql(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await sql(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list([...EVENTS, ...NEW_EVENTS])}))`);

    // ---- requests for information
    await sql(`
      CREATE TABLE "complaint_pause" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "requested_by_id" uuid NOT NULL,
        "channel" varchar(20) NOT NULL,
        "question" text NOT NULL,
        "answer_by" date NOT NULL,
        "lapses_at" timestamptz NOT NULL,
        "resumed_at" timestamptz,
        "resumed_by_id" uuid,
        "ended_by" varchar(20),
        "answer" text,
        "paused_working_days" integer,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_complaint_pause" PRIMARY KEY ("id"),
        CONSTRAINT "complaint_pause_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "complaint_pause_requested_by_fk" FOREIGN KEY ("requested_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "complaint_pause_resumed_by_fk" FOREIGN KEY ("resumed_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "complaint_pause_channel_check" CHECK (channel IN (${list(CHANNELS)})),
        CONSTRAINT "complaint_pause_ended_by_check" CHECK (ended_by IS NULL OR ended_by IN ('ANSWERED', 'RESUMED', 'LAPSED', 'WITHDRAWN'))
      )`);
    await sql(`CREATE INDEX "complaint_pause_complaint_idx" ON "complaint_pause" ("complaint_id", "requested_at")`);
    await sql(`CREATE UNIQUE INDEX "complaint_pause_one_open" ON "complaint_pause" ("complaint_id") WHERE "resumed_at" IS NULL`);
    await sql(`CREATE INDEX "complaint_pause_lapse_idx" ON "complaint_pause" ("lapses_at") WHERE "resumed_at" IS NULL`);
    await sql(`GRANT SELECT, INSERT, UPDATE ON complaint_pause TO klachten_api`);

    // ---- the employee concerned
    await sql(`
      CREATE TABLE "employee_statement" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid NOT NULL,
        "staff_id" uuid NOT NULL,
        "text" text NOT NULL,
        "recorded_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_employee_statement" PRIMARY KEY ("id"),
        CONSTRAINT "employee_statement_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "employee_statement_staff_fk" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE INDEX "employee_statement_complaint_idx" ON "employee_statement" ("complaint_id", "recorded_at")`);
    await sql(`GRANT SELECT, INSERT ON employee_statement TO klachten_api`);
    await sql(
      `CREATE TRIGGER employee_statement_append_only BEFORE UPDATE OR DELETE ON employee_statement FOR EACH ROW EXECUTE FUNCTION public.complaint_event_append_only()`,
    );
    await sql(`
      CREATE TABLE "notification" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "staff_id" uuid NOT NULL,
        "complaint_id" uuid NOT NULL,
        "kind" varchar(30) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        CONSTRAINT "PK_notification" PRIMARY KEY ("id"),
        CONSTRAINT "notification_staff_fk" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE,
        CONSTRAINT "notification_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "notification_kind_check" CHECK (kind IN ('SUBJECT_OF_COMPLAINT', 'EXTENDED', 'FINDINGS'))
      )`);
    await sql(`CREATE INDEX "notification_staff_idx" ON "notification" ("staff_id", "created_at")`);
    await sql(`GRANT SELECT, INSERT, UPDATE ON notification TO klachten_api`);

    // ---- deadlines that no longer applied: cancelled when they became moot, in the history
    const moot = `
      SELECT d.id, d.complaint_id, d.kind, m.at
      FROM deadline d
      JOIN complaint c ON c.id = d.complaint_id
      CROSS JOIN LATERAL (
        SELECT CASE
          WHEN d.kind = 'FORWARD' THEN least(
            (SELECT min(e.at) FROM complaint_event e WHERE e.complaint_id = c.id AND e.type = 'HANDLER_ASSIGNED'),
            c.responded_at)
          ELSE (SELECT min(r.referred_at) FROM referral r WHERE r.complaint_id = c.id)
        END AS at
      ) m
      WHERE d.met_at IS NULL AND d.cancelled_at IS NULL AND d.kind IN ('FORWARD', 'HEARING', 'FINAL_DECISION') AND m.at IS NOT NULL`;
    await sql(`
      WITH moot AS (${moot}),
      cancelled AS (UPDATE deadline d SET cancelled_at = moot.at FROM moot WHERE moot.id = d.id RETURNING d.complaint_id, d.kind)
      INSERT INTO complaint_event (complaint_id, type, at, actor_id, from_status, to_status, data)
      SELECT c.id, 'DEADLINES_CANCELLED', now(), NULL, c.status, c.status,
             jsonb_build_object('deadlinesCancelled', array_agg(cancelled.kind ORDER BY cancelled.kind),
                                'reason', 'no longer applied: forwarding once a handler was assigned or the complaint answered; the hearing and the decision once referred')
      FROM cancelled JOIN complaint c ON c.id = cancelled.complaint_id
      GROUP BY c.id, c.status`);
    await sql(`
      UPDATE complaint c SET next_due_at = (
        SELECT min(due_at) FROM deadline d
        WHERE d.complaint_id = c.id AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.kind NOT IN ('OBJECTION_WINDOW', 'INFORMATION'))
      WHERE EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = c.id AND e.type = 'DEADLINES_CANCELLED')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`DROP TABLE "notification"`);
    await sql(`DROP TABLE "employee_statement"`);
    await sql(`DROP TABLE "complaint_pause"`);
    await sql(`DELETE FROM deadline WHERE kind IN ('INFORMATION', 'EXTENSION_NOTICE')`);
    await sql(`ALTER TABLE "deadline" DROP CONSTRAINT "deadline_kind_check"`);
    await sql(`ALTER TABLE "deadline" ADD CONSTRAINT "deadline_kind_check" CHECK (kind IN (${list(DEADLINE_KINDS)}))`);
    await sql(`ALTER TABLE "deadline" DROP CONSTRAINT "deadline_starts_at_check"`);
    await sql(`ALTER TABLE "deadline" ADD CONSTRAINT "deadline_starts_at_check" CHECK (starts_at IN (${list(DEADLINE_STARTS)}))`);
    await sql(`ALTER TABLE "deadline" DROP COLUMN "explanation"`);
    await sql(`ALTER TABLE "deadline" DROP COLUMN "paused_at"`);
    for (const column of [
      'paused_since',
      'pause_lapsed_at',
      'paused_working_days',
      'extended_at',
      'extension_weeks',
      'extension_reason',
      'resolved_by_receiver',
      'response_net_working_days',
      'closure_net_working_days',
    ]) {
      await sql(`ALTER TABLE "complaint" DROP COLUMN "${column}"`);
    }
    await sql(`ALTER TABLE "policy" DROP CONSTRAINT "policy_extension_weeks_check"`);
    await sql(`ALTER TABLE "policy" DROP CONSTRAINT "policy_max_pause_check"`);
    for (const column of ['max_pause_amount', 'max_pause_unit', 'close_when_unanswered', 'extension_weeks', 'written_to_management']) {
      await sql(`ALTER TABLE "policy" DROP COLUMN "${column}"`);
    }
    // The history's new events and contact kinds stay (append-only); their CHECKs stay wide enough for them.
  }
}
