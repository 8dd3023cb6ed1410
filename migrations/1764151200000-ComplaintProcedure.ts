import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint procedure (DOMAIN.md steps 1–6, 10): units, policies (the four presets of the seeds),
 * categories, closed days, complainants, complaints, deadlines, contact moments, history, attachments.
 * Drafted with `npm run migration:draft`, then read and ordered by hand.
 */
export class ComplaintProcedure1764151200000 implements MigrationInterface {
  name = 'ComplaintProcedure1764151200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    const base = `"id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1`;

    await sql(`
      CREATE TABLE "policy" (
        ${base},
        "key" varchar(60) NOT NULL,
        "name" varchar(200) NOT NULL,
        "description" text,
        "forward_to" varchar(20),
        "receiver_may_resolve" boolean NOT NULL DEFAULT false,
        "referral" varchar(20),
        "is_default" boolean NOT NULL DEFAULT false,
        "rules" jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT "PK_policy" PRIMARY KEY ("id"),
        CONSTRAINT "policy_forward_to_check" CHECK (forward_to IS NULL OR forward_to IN ('SUPERVISOR', 'DIRECTOR')),
        CONSTRAINT "policy_referral_check" CHECK (referral IS NULL OR referral IN ('EXTERNAL_PARTY', 'OMBUDSMAN', 'MEDIATOR'))
      )`);
    await sql(`CREATE UNIQUE INDEX "policy_key_key" ON "policy" ("key")`);
    await sql(`CREATE UNIQUE INDEX "policy_one_default" ON "policy" ("is_default") WHERE "is_default"`);

    await sql(`
      CREATE TABLE "organisational_unit" (
        ${base},
        "code" varchar(20) NOT NULL,
        "name" varchar(200) NOT NULL,
        "director_id" uuid,
        "policy_id" uuid,
        "active" boolean NOT NULL DEFAULT true,
        CONSTRAINT "PK_organisational_unit" PRIMARY KEY ("id"),
        CONSTRAINT "organisational_unit_director_fk" FOREIGN KEY ("director_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "organisational_unit_policy_fk" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE UNIQUE INDEX "organisational_unit_code_key" ON "organisational_unit" ("code")`);

    await sql(`ALTER TABLE "staff" ADD "unit_id" uuid`);
    await sql(`ALTER TABLE "staff" ADD "supervisor_id" uuid`);
    await sql(`ALTER TABLE "staff" ADD CONSTRAINT "staff_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "organisational_unit"("id") ON DELETE SET NULL`);
    await sql(`ALTER TABLE "staff" ADD CONSTRAINT "staff_supervisor_fk" FOREIGN KEY ("supervisor_id") REFERENCES "staff"("id") ON DELETE SET NULL`);

    await sql(`
      CREATE TABLE "category" (
        ${base},
        "key" varchar(60) NOT NULL,
        "name" varchar(200) NOT NULL,
        "description" text,
        "sort_order" integer NOT NULL DEFAULT 0,
        "active" boolean NOT NULL DEFAULT true,
        CONSTRAINT "PK_category" PRIMARY KEY ("id")
      )`);
    await sql(`CREATE UNIQUE INDEX "category_key_key" ON "category" ("key")`);

    await sql(`
      CREATE TABLE "calendar_day" (
        "date" date NOT NULL,
        "kind" varchar(20) NOT NULL,
        "description" varchar(200) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_calendar_day" PRIMARY KEY ("date"),
        CONSTRAINT "calendar_day_kind_check" CHECK (kind IN ('DECREE', 'CLOSING'))
      )`);

    await sql(`
      CREATE TABLE "complainant" (
        ${base},
        "name" varchar(200) NOT NULL,
        "email" varchar(320),
        "phone" varchar(40),
        "postal_address" varchar(500),
        "relation" varchar(20) NOT NULL,
        "organisation" varchar(200),
        "on_behalf_of" varchar(200),
        CONSTRAINT "PK_complainant" PRIMARY KEY ("id"),
        CONSTRAINT "complainant_contact_check" CHECK (email IS NOT NULL OR phone IS NOT NULL OR postal_address IS NOT NULL),
        CONSTRAINT "complainant_relation_check" CHECK (relation IN ('CLIENT', 'EMPLOYER', 'CANDIDATE', 'PROSPECT', 'REPRESENTATIVE', 'OTHER'))
      )`);

    await sql(`
      CREATE TABLE "complaint" (
        ${base},
        "reference" varchar(20) NOT NULL,
        "kind" varchar(20) NOT NULL,
        "status" varchar(20) NOT NULL,
        "channel" varchar(20) NOT NULL,
        "received_at" timestamptz NOT NULL,
        "registered_by_id" uuid,
        "complainant_id" uuid NOT NULL,
        "unit_id" uuid,
        "category_id" uuid,
        "policy_id" uuid NOT NULL,
        "policy_snapshot" jsonb NOT NULL,
        "description" text NOT NULL,
        "subject_service" varchar(200),
        "subject_staff_ids" uuid array NOT NULL DEFAULT '{}',
        "handler_id" uuid,
        "forwarded_to_id" uuid,
        "verdict" varchar(30),
        "cause" text,
        "solution" text,
        "offer" varchar(30) array NOT NULL DEFAULT '{}',
        "preventive_measure" text,
        "assessed_at" timestamptz,
        "responded_at" timestamptz,
        "response_summary" text,
        "customer_agreed" boolean,
        "satisfaction" smallint,
        "outcome_recorded_at" timestamptz,
        "closed_at" timestamptz,
        "archived_at" timestamptz,
        "withdrawn_at" timestamptz,
        "next_due_at" timestamptz,
        "idempotency_key" varchar(100),
        CONSTRAINT "PK_complaint" PRIMARY KEY ("id"),
        CONSTRAINT "complaint_kind_check" CHECK (kind IN ('COMPLAINT', 'SIGNAL')),
        CONSTRAINT "complaint_status_check" CHECK (status IN ('RECEIVED', 'FORWARDED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED', 'ARCHIVED', 'WITHDRAWN', 'REOPENED')),
        CONSTRAINT "complaint_channel_check" CHECK (channel IN ('PHONE', 'EMAIL', 'LETTER', 'WEB_FORM', 'IN_PERSON')),
        CONSTRAINT "complaint_verdict_check" CHECK (verdict IS NULL OR verdict IN ('WELL_FOUNDED', 'PARTLY_WELL_FOUNDED', 'UNFOUNDED')),
        CONSTRAINT "complaint_offer_check" CHECK (offer <@ ARRAY['COMPENSATION', 'REPLACEMENT_SERVICE', 'EXTRA_SERVICE', 'APOLOGY', 'EXPLANATION']::varchar[]),
        CONSTRAINT "complaint_satisfaction_check" CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
        CONSTRAINT "complaint_registered_by_fk" FOREIGN KEY ("registered_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "complaint_complainant_fk" FOREIGN KEY ("complainant_id") REFERENCES "complainant"("id") ON DELETE RESTRICT,
        CONSTRAINT "complaint_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "organisational_unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "complaint_category_fk" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE RESTRICT,
        CONSTRAINT "complaint_policy_fk" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE RESTRICT,
        CONSTRAINT "complaint_handler_fk" FOREIGN KEY ("handler_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "complaint_forwarded_to_fk" FOREIGN KEY ("forwarded_to_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE UNIQUE INDEX "complaint_reference_key" ON "complaint" ("reference")`);
    await sql(`CREATE UNIQUE INDEX "complaint_idempotency_key" ON "complaint" ("idempotency_key") WHERE "idempotency_key" IS NOT NULL`);
    await sql(`CREATE INDEX "complaint_unit_next_due_idx" ON "complaint" ("unit_id", "next_due_at")`);
    await sql(`CREATE INDEX "complaint_handler_idx" ON "complaint" ("handler_id", "status")`);
    await sql(`CREATE INDEX "complaint_registered_by_idx" ON "complaint" ("registered_by_id")`);
    await sql(`CREATE INDEX "complaint_received_at_idx" ON "complaint" ("received_at")`);
    await sql(`CREATE INDEX "complaint_status_idx" ON "complaint" ("status", "next_due_at")`);

    await sql(`
      CREATE TABLE "deadline" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid NOT NULL,
        "kind" varchar(30) NOT NULL,
        "amount" integer NOT NULL,
        "unit" varchar(20) NOT NULL,
        "starts_at" varchar(20) NOT NULL,
        "started_at" timestamptz NOT NULL,
        "due_at" timestamptz NOT NULL,
        "due_date" date NOT NULL,
        "met_at" timestamptz,
        "cancelled_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_deadline" PRIMARY KEY ("id"),
        CONSTRAINT "deadline_kind_check" CHECK (kind IN ('FORWARD', 'ACKNOWLEDGE', 'PROGRESS_UPDATE', 'RESPOND', 'RECORD', 'OBJECTION_WINDOW', 'HEARING', 'FINAL_DECISION')),
        CONSTRAINT "deadline_unit_check" CHECK (unit IN ('SAME_DAY', 'WORKING_DAYS', 'CALENDAR_DAYS', 'WEEKS', 'HOURS')),
        CONSTRAINT "deadline_starts_at_check" CHECK (starts_at IN ('RECEIPT', 'RESPONSE', 'OBJECTION', 'REOPENING')),
        CONSTRAINT "deadline_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE
      )`);
    await sql(`CREATE INDEX "deadline_complaint_idx" ON "deadline" ("complaint_id", "kind")`);
    await sql(`CREATE INDEX "deadline_open_due_idx" ON "deadline" ("due_at") WHERE "met_at" IS NULL AND "cancelled_at" IS NULL`);

    await sql(`
      CREATE TABLE "contact_moment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid NOT NULL,
        "kind" varchar(20) NOT NULL,
        "channel" varchar(20) NOT NULL,
        "contacted_at" timestamptz NOT NULL,
        "by_id" uuid NOT NULL,
        "summary" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_contact_moment" PRIMARY KEY ("id"),
        CONSTRAINT "contact_moment_kind_check" CHECK (kind IN ('ACKNOWLEDGEMENT', 'PROGRESS_UPDATE', 'OTHER')),
        CONSTRAINT "contact_moment_channel_check" CHECK (channel IN ('PHONE', 'EMAIL', 'LETTER', 'WEB_FORM', 'IN_PERSON')),
        CONSTRAINT "contact_moment_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "contact_moment_by_fk" FOREIGN KEY ("by_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE INDEX "contact_moment_complaint_idx" ON "contact_moment" ("complaint_id", "contacted_at")`);

    await sql(`
      CREATE TABLE "complaint_event" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid NOT NULL,
        "seq" bigserial NOT NULL,
        "type" varchar(30) NOT NULL,
        "at" timestamptz NOT NULL,
        "actor_id" uuid,
        "from_status" varchar(20),
        "to_status" varchar(20),
        "data" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_complaint_event" PRIMARY KEY ("id"),
        CONSTRAINT "complaint_event_type_check" CHECK (type IN ('SUBMITTED', 'REGISTERED', 'FORWARDED', 'HANDLER_ASSIGNED', 'CONTACT_RECORDED', 'ASSESSMENT_RECORDED', 'RESPONDED', 'OUTCOME_RECORDED', 'CLOSED', 'ARCHIVED', 'WITHDRAWN', 'REOPENED', 'NOTE_ADDED')),
        CONSTRAINT "complaint_event_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "complaint_event_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE INDEX "complaint_event_complaint_idx" ON "complaint_event" ("complaint_id", "seq")`);

    await sql(`
      CREATE TABLE "attachment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid NOT NULL,
        "file_name" varchar(255) NOT NULL,
        "content_type" varchar(100) NOT NULL,
        "size_bytes" integer NOT NULL,
        "storage_key" varchar(500),
        "added_by_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_attachment" PRIMARY KEY ("id"),
        CONSTRAINT "attachment_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "attachment_added_by_fk" FOREIGN KEY ("added_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE INDEX "attachment_complaint_idx" ON "attachment" ("complaint_id")`);

    await sql(`
      CREATE TABLE "complaint_reference_counter" (
        "year" integer NOT NULL,
        "last_number" integer NOT NULL,
        CONSTRAINT "PK_complaint_reference_counter" PRIMARY KEY ("year")
      )`);

    // The presets of DOMAIN.md (seeds 000–004). Terms: amount + unit, counted from the event in starts_at.
    const rule = (kind: string, amount: number, unit: string, startsAt = 'RECEIPT') => ({ kind, amount, unit, startsAt });
    const presets = [
      {
        key: 'focus',
        name: 'Focus (klachtenprocedure met bezwaar en hoorzitting)',
        description:
          'Seeds 000 en 001: doorsturen dezelfde dag, contact binnen 2 werkdagen, antwoord binnen 2 weken, vastleggen binnen 3 weken, bezwaar binnen 15 dagen, hoorzitting binnen een week.',
        forwardTo: 'SUPERVISOR',
        receiverMayResolve: false,
        referral: 'EXTERNAL_PARTY',
        isDefault: true,
        rules: [
          rule('FORWARD', 0, 'SAME_DAY'),
          rule('ACKNOWLEDGE', 2, 'WORKING_DAYS'),
          rule('RESPOND', 2, 'WEEKS'),
          rule('RECORD', 3, 'WEEKS'),
          rule('OBJECTION_WINDOW', 15, 'CALENDAR_DAYS', 'RESPONSE'),
          rule('HEARING', 1, 'WEEKS', 'OBJECTION'),
          rule('FINAL_DECISION', 2, 'WEEKS', 'OBJECTION'),
        ],
      },
      {
        key: 'procedure-klachten',
        name: 'Procedure klachten',
        description: 'Seed 002: ontvangstbevestiging binnen 7 werkdagen, antwoord binnen 2 weken; schriftelijke klachten naar de directie.',
        forwardTo: null,
        receiverMayResolve: false,
        referral: null,
        isDefault: false,
        rules: [rule('ACKNOWLEDGE', 7, 'WORKING_DAYS'), rule('RESPOND', 2, 'WEEKS')],
      },
      {
        key: 'reintegratie',
        name: 'Re-integratie (klachtenregeling)',
        description: 'Seed 003: contact binnen 5 werkdagen, voortgangsbericht binnen 10 werkdagen, antwoord binnen 4 weken; daarna de Nationale ombudsman.',
        forwardTo: null,
        receiverMayResolve: false,
        referral: 'OMBUDSMAN',
        isDefault: false,
        rules: [rule('ACKNOWLEDGE', 5, 'WORKING_DAYS'), rule('PROGRESS_UPDATE', 10, 'WORKING_DAYS'), rule('RESPOND', 4, 'WEEKS')],
      },
      {
        key: 'reset-partner',
        name: 'Reset partner (klachtenprocedure)',
        description: 'Seed 004: de ontvanger lost op of stuurt binnen 48 uur door naar de directie; daarna een bindende uitspraak van een MfN-mediator.',
        forwardTo: 'DIRECTOR',
        receiverMayResolve: true,
        referral: 'MEDIATOR',
        isDefault: false,
        rules: [rule('FORWARD', 48, 'HOURS')],
      },
    ];
    for (const preset of presets) {
      await queryRunner.query(
        `INSERT INTO "policy" ("key", "name", "description", "forward_to", "receiver_may_resolve", "referral", "is_default", "rules")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          preset.key,
          preset.name,
          preset.description,
          preset.forwardTo,
          preset.receiverMayResolve,
          preset.referral,
          preset.isDefault,
          JSON.stringify(preset.rules),
        ],
      );
    }

    // The categories the seeds name (001, 002).
    const categories = [
      ['werkwijze', 'Werkwijze'],
      ['bereikbaarheid', 'Bereikbaarheid'],
      ['bejegening', 'Bejegening'],
      ['onjuist-advies', 'Onjuist advies'],
      ['onjuiste-informatie', 'Onjuiste informatie'],
      ['lange-afhandeltermijn', 'Lange afhandeltermijn'],
    ];
    for (const [index, [key, name]] of categories.entries()) {
      await queryRunner.query(`INSERT INTO "category" ("key", "name", "sort_order") VALUES ($1, $2, $3)`, [key, name, index + 1]);
    }

    // Days equated to statutory holidays by decree, published three years ahead (DOMAIN.md).
    const decreeDays = [
      ['2026-01-02', 'Vrijdag na Nieuwjaarsdag (besluit Algemene termijnenwet)'],
      ['2026-05-15', 'Vrijdag na Hemelvaartsdag (besluit Algemene termijnenwet)'],
      ['2027-05-07', 'Vrijdag na Hemelvaartsdag (besluit Algemene termijnenwet)'],
      ['2028-04-28', 'Vrijdag na Koningsdag (besluit Algemene termijnenwet)'],
      ['2028-05-26', 'Vrijdag na Hemelvaartsdag (besluit Algemene termijnenwet)'],
    ];
    for (const [date, description] of decreeDays) {
      await queryRunner.query(`INSERT INTO "calendar_day" ("date", "kind", "description") VALUES ($1, 'DECREE', $2)`, [date, description]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'complaint_reference_counter',
      'attachment',
      'complaint_event',
      'contact_moment',
      'deadline',
      'complaint',
      'complainant',
      'calendar_day',
      'category',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`ALTER TABLE "staff" DROP CONSTRAINT "staff_supervisor_fk"`);
    await queryRunner.query(`ALTER TABLE "staff" DROP CONSTRAINT "staff_unit_fk"`);
    await queryRunner.query(`ALTER TABLE "staff" DROP COLUMN "supervisor_id"`);
    await queryRunner.query(`ALTER TABLE "staff" DROP COLUMN "unit_id"`);
    await queryRunner.query(`DROP TABLE "organisational_unit"`);
    await queryRunner.query(`DROP TABLE "policy"`);
  }
}
