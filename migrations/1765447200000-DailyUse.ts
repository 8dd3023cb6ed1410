import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The panel for daily use (issue 16):
 * - each member of staff's own language for the admin panel (Dutch unless they choose English);
 * - which deadline a complaint's next_due_at is (next_due_kind), kept beside it, so a list names the deadline that is
 *   due or late without reading the deadlines; filled in for the complaints there are.
 */
export class DailyUse1765447200000 implements MigrationInterface {
  name = 'DailyUse1765447200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`ALTER TABLE "staff" ADD "language" character varying(2) NOT NULL DEFAULT 'NL'`);
    await sql(`ALTER TABLE "staff" ADD CONSTRAINT "staff_language_check" CHECK (language IN ('NL', 'EN'))`);
    await sql(`ALTER TABLE "complaint" ADD "next_due_kind" character varying(30)`);
    await sql(`
      UPDATE complaint c SET next_due_kind = (
        SELECT d.kind FROM deadline d
        WHERE d.complaint_id = c.id AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL
          AND d.kind NOT IN ('OBJECTION_WINDOW', 'INFORMATION')
        ORDER BY d.due_at, d.kind LIMIT 1)
      WHERE c.next_due_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "next_due_kind"`);
    await sql(`ALTER TABLE "staff" DROP CONSTRAINT "staff_language_check"`);
    await sql(`ALTER TABLE "staff" DROP COLUMN "language"`);
  }
}
