import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = ['RECEIVED', 'FORWARDED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED', 'ARCHIVED', 'WITHDRAWN', 'REOPENED'];
const STATUSES = [...STATUSES_BEFORE, 'OBJECTED', 'REFERRED'];
const EVENTS_BEFORE = [
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
];
const EVENTS = [
  ...EVENTS_BEFORE,
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
const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * DOMAIN.md steps 7–9: objections, hearings, the directory of external parties and referrals.
 * TypeORM compares CHECK constraints by name only, so the widened status and event checks are
 * written here by hand (migration:draft does not see them).
 */
export class ObjectionsHearingsReferrals1764237600000 implements MigrationInterface {
  name = 'ObjectionsHearingsReferrals1764237600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    const base = `"id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1`;

    await sql(`ALTER TABLE "complaint" DROP CONSTRAINT "complaint_status_check"`);
    await sql(`ALTER TABLE "complaint" ADD CONSTRAINT "complaint_status_check" CHECK (status IN (${list(STATUSES)}))`);
    await sql(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await sql(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list(EVENTS)}))`);
    await sql(`ALTER TABLE "complaint" ADD "objection_filed_at" timestamptz`);
    await sql(`ALTER TABLE "complaint" ADD "hearing_scheduled_at" timestamptz`);
    await sql(`ALTER TABLE "complaint" ADD "hearing_held_at" timestamptz`);
    await sql(`ALTER TABLE "complaint" ADD "hearing_waived_at" timestamptz`);

    await sql(`
      CREATE TABLE "objection" (
        ${base},
        "complaint_id" uuid NOT NULL,
        "received_at" timestamptz NOT NULL,
        "channel" varchar(20) NOT NULL,
        "grounds" text NOT NULL,
        "late" boolean NOT NULL DEFAULT false,
        "late_accepted_by_id" uuid,
        "late_acceptance_reason" text,
        "director_id" uuid,
        "hearing_waived_at" timestamptz,
        "waiver_note" text,
        "outcome" varchar(20),
        "reasoning" text,
        "further_options" text,
        "decided_at" timestamptz,
        "decided_by_id" uuid,
        "settled_at" timestamptz,
        CONSTRAINT "PK_objection" PRIMARY KEY ("id"),
        CONSTRAINT "objection_channel_check" CHECK (channel IN ('PHONE', 'EMAIL', 'LETTER', 'WEB_FORM', 'IN_PERSON')),
        CONSTRAINT "objection_outcome_check" CHECK (outcome IS NULL OR outcome IN ('UPHELD', 'PARTLY_UPHELD', 'REJECTED')),
        CONSTRAINT "objection_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "objection_late_accepted_by_fk" FOREIGN KEY ("late_accepted_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "objection_director_fk" FOREIGN KEY ("director_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "objection_decided_by_fk" FOREIGN KEY ("decided_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE UNIQUE INDEX "objection_complaint_key" ON "objection" ("complaint_id")`);

    await sql(`
      CREATE TABLE "hearing" (
        ${base},
        "complaint_id" uuid NOT NULL,
        "objection_id" uuid NOT NULL,
        "status" varchar(20) NOT NULL,
        "scheduled_at" timestamptz NOT NULL,
        "form" varchar(20) NOT NULL,
        "location" varchar(500),
        "chair_id" uuid NOT NULL,
        "handler_attends" boolean NOT NULL DEFAULT false,
        "subject_employee_attends" boolean NOT NULL DEFAULT false,
        "complainant_consents" boolean NOT NULL DEFAULT false,
        "employee_consents" boolean NOT NULL DEFAULT false,
        "rescheduled_from_id" uuid,
        "reschedule_reason" text,
        "held_at" timestamptz,
        "held_form" varchar(20),
        "minutes" text,
        "proposal" text,
        "settlement_terms" text,
        "complainant_agreed_at" timestamptz,
        "organisation_agreed_by_id" uuid,
        "organisation_agreed_at" timestamptz,
        "settled_at" timestamptz,
        CONSTRAINT "PK_hearing" PRIMARY KEY ("id"),
        CONSTRAINT "hearing_status_check" CHECK (status IN ('SCHEDULED', 'HELD', 'RESCHEDULED', 'CANCELLED')),
        CONSTRAINT "hearing_form_check" CHECK (form IN ('PHONE', 'OFFICE', 'VIDEO')),
        CONSTRAINT "hearing_held_form_check" CHECK (held_form IS NULL OR held_form IN ('PHONE', 'OFFICE', 'VIDEO')),
        CONSTRAINT "hearing_subject_consent_check" CHECK (NOT subject_employee_attends OR (complainant_consents AND employee_consents)),
        CONSTRAINT "hearing_settlement_agreed_check" CHECK (settled_at IS NULL OR (complainant_agreed_at IS NOT NULL AND organisation_agreed_by_id IS NOT NULL)),
        CONSTRAINT "hearing_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "hearing_objection_fk" FOREIGN KEY ("objection_id") REFERENCES "objection"("id") ON DELETE CASCADE,
        CONSTRAINT "hearing_chair_fk" FOREIGN KEY ("chair_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "hearing_rescheduled_from_fk" FOREIGN KEY ("rescheduled_from_id") REFERENCES "hearing"("id") ON DELETE SET NULL,
        CONSTRAINT "hearing_organisation_agreed_by_fk" FOREIGN KEY ("organisation_agreed_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE INDEX "hearing_complaint_idx" ON "hearing" ("complaint_id")`);
    await sql(`CREATE INDEX "hearing_scheduled_idx" ON "hearing" ("scheduled_at") WHERE "status" = 'SCHEDULED'`);

    await sql(`
      CREATE TABLE "external_party" (
        ${base},
        "name" varchar(200) NOT NULL,
        "kind" varchar(20) NOT NULL,
        "phone" varchar(40),
        "email" varchar(320),
        "binding" boolean NOT NULL DEFAULT false,
        "active" boolean NOT NULL DEFAULT true,
        CONSTRAINT "PK_external_party" PRIMARY KEY ("id"),
        CONSTRAINT "external_party_kind_check" CHECK (kind IN ('MEDIATOR', 'OMBUDSMAN', 'COMPETENT_BODY', 'OTHER'))
      )`);
    await sql(`CREATE UNIQUE INDEX "external_party_name_key" ON "external_party" ("name")`);

    await sql(`
      CREATE TABLE "referral" (
        ${base},
        "complaint_id" uuid NOT NULL,
        "party_id" uuid NOT NULL,
        "referred_at" timestamptz NOT NULL,
        "referred_by_id" uuid NOT NULL,
        "reason" text NOT NULL,
        "what_sent" text NOT NULL,
        "binding" boolean NOT NULL,
        "outcome" text,
        "outcome_date" date,
        "outcome_recorded_at" timestamptz,
        CONSTRAINT "PK_referral" PRIMARY KEY ("id"),
        CONSTRAINT "referral_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "referral_party_fk" FOREIGN KEY ("party_id") REFERENCES "external_party"("id") ON DELETE RESTRICT,
        CONSTRAINT "referral_referred_by_fk" FOREIGN KEY ("referred_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE INDEX "referral_complaint_idx" ON "referral" ("complaint_id")`);
    await sql(`CREATE INDEX "referral_open_idx" ON "referral" ("referred_at") WHERE "outcome_recorded_at" IS NULL`);

    // Seed 003 names the Nationale ombudsman; mediators and other parties are the organisation's to add.
    await queryRunner.query(`INSERT INTO "external_party" ("name", "kind", "phone", "binding") VALUES ($1, 'OMBUDSMAN', $2, false)`, [
      'De Nationale ombudsman',
      '0800 335 55 55',
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['referral', 'external_party', 'hearing', 'objection']) await queryRunner.query(`DROP TABLE "${table}"`);
    for (const column of ['hearing_waived_at', 'hearing_held_at', 'hearing_scheduled_at', 'objection_filed_at']) {
      await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await queryRunner.query(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list(EVENTS_BEFORE)}))`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP CONSTRAINT "complaint_status_check"`);
    await queryRunner.query(`ALTER TABLE "complaint" ADD CONSTRAINT "complaint_status_check" CHECK (status IN (${list(STATUSES_BEFORE)}))`);
  }
}
