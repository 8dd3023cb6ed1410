import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Correspondence: the versions of each letter's wording (the shipped wording is version 0, in the code), the
 * letters as written (text and PDF) and the outbox every e-mail goes through; a policy says whether a complaint
 * from the website gets its confirmation at once, and whether that confirmation is the first contact.
 */
const KINDS = [
  'ACKNOWLEDGEMENT',
  'PROGRESS_UPDATE',
  'INFORMATION_REQUEST',
  'EXTENSION_NOTICE',
  'RESPONSE',
  'HEARING_INVITATION',
  'FINAL_DECISION',
  'REFERRAL',
  'INFORMATION_REMINDER',
  'OFFER_CONFIRMATION',
  'HEARING_RECORD',
  'SETTLEMENT',
  'SATISFACTION_SURVEY',
];
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

export class Correspondence1765015200000 implements MigrationInterface {
  name = 'Correspondence1765015200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`
      CREATE TABLE "letter_template" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" character varying(30) NOT NULL,
        "policy_key" character varying(60),
        "version" integer NOT NULL,
        "subject" text NOT NULL,
        "body" text NOT NULL,
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_letter_template" PRIMARY KEY ("id"),
        CONSTRAINT "letter_template_kind_check" CHECK (kind IN (${list(KINDS)}))
      )`);
    await sql(`CREATE UNIQUE INDEX "letter_template_version_key" ON "letter_template" ("kind", "policy_key", "version")`);
    await sql(`
      CREATE TABLE "letter" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid NOT NULL,
        "kind" character varying(30) NOT NULL,
        "template_version" integer NOT NULL,
        "channel" character varying(10) NOT NULL,
        "recipient" text NOT NULL,
        "subject" text NOT NULL,
        "body" text NOT NULL,
        "pdf" bytea NOT NULL,
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "posted_by_id" uuid,
        "outbox_id" uuid,
        CONSTRAINT "PK_letter" PRIMARY KEY ("id"),
        CONSTRAINT "letter_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "letter_channel_check" CHECK (channel IN ('EMAIL', 'POST')),
        CONSTRAINT "letter_kind_check" CHECK (kind IN (${list(KINDS)}))
      )`);
    await sql(`CREATE INDEX "letter_complaint_idx" ON "letter" ("complaint_id", "created_at")`);
    await sql(`
      CREATE TABLE "outbox_message" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid,
        "letter_id" uuid,
        "to_address" text NOT NULL,
        "subject" text NOT NULL,
        "text" text NOT NULL,
        "html" text NOT NULL,
        "ics" text,
        "status" character varying(10) NOT NULL DEFAULT 'QUEUED',
        "attempts" integer NOT NULL DEFAULT '0',
        "claim" uuid,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_error" text,
        "message_id" text,
        "smtp_response" text,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_outbox_message" PRIMARY KEY ("id"),
        CONSTRAINT "outbox_message_status_check" CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED'))
      )`);
    await sql(`CREATE INDEX "outbox_complaint_idx" ON "outbox_message" ("complaint_id")`);
    await sql(`CREATE INDEX "outbox_due_idx" ON "outbox_message" ("next_attempt_at") WHERE "status" IN ('QUEUED', 'SENDING')`);
    // templates are written by ADMIN, never changed; letters are updated only when sent or posted
    await sql(`GRANT SELECT, INSERT ON letter_template TO klachten_api`);
    await sql(`GRANT SELECT, INSERT, UPDATE ON letter TO klachten_api`);
    await sql(`GRANT SELECT, INSERT, UPDATE ON outbox_message TO klachten_api`);

    // the automatic confirmation of receipt is a contact moment nobody made
    await sql(`ALTER TABLE "contact_moment" ALTER COLUMN "by_id" DROP NOT NULL`);
    await sql(`ALTER TABLE "policy" ADD "auto_acknowledge" boolean NOT NULL DEFAULT true`);
    await sql(`ALTER TABLE "policy" ADD "auto_acknowledgement_counts" boolean NOT NULL DEFAULT false`);
    // seed 002's confirmation letter and 003's confirmation are the first contact; 000/001 (focus) and 004: a person calls
    await sql(`UPDATE policy SET auto_acknowledgement_counts = true WHERE key IN ('procedure-klachten', 'reintegratie')`);
    await sql(`
      UPDATE complaint c SET policy_snapshot = c.policy_snapshot || jsonb_build_object('autoAcknowledge', p.auto_acknowledge, 'autoAcknowledgementCounts', p.auto_acknowledgement_counts)
      FROM policy p WHERE p.id = c.policy_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`UPDATE complaint SET policy_snapshot = policy_snapshot - 'autoAcknowledge' - 'autoAcknowledgementCounts'`);
    await sql(`ALTER TABLE "policy" DROP COLUMN "auto_acknowledgement_counts"`);
    await sql(`ALTER TABLE "policy" DROP COLUMN "auto_acknowledge"`);
    await sql(`DELETE FROM contact_moment WHERE by_id IS NULL`);
    await sql(`ALTER TABLE "contact_moment" ALTER COLUMN "by_id" SET NOT NULL`);
    await sql(`DROP TABLE "outbox_message"`);
    await sql(`DROP TABLE "letter"`);
    await sql(`DROP TABLE "letter_template"`);
  }
}
