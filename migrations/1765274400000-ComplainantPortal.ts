import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complainant's side (issue 15): a secret status code per complaint — only its SHA-256 is kept, with the moment
 * it was issued — and the history event of issuing a new one.
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
  'DEADLINE_BREACHED',
  'LEGAL_HOLD_SET',
  'LEGAL_HOLD_LIFTED',
  'ANONYMISED',
];
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

export class ComplainantPortal1765274400000 implements MigrationInterface {
  name = 'ComplainantPortal1765274400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint" ADD "status_code_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "complaint" ADD "status_code_issued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list([...EVENTS, 'STATUS_CODE_ISSUED'])}))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await queryRunner.query(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list(EVENTS)}))`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "status_code_issued_at"`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "status_code_hash"`);
  }
}
