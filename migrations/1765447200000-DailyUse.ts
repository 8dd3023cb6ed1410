import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The panel for daily use (issue 16): each member of staff's own language for the admin panel (Dutch unless they
 * choose English).
 */
export class DailyUse1765447200000 implements MigrationInterface {
  name = 'DailyUse1765447200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`ALTER TABLE "staff" ADD "language" character varying(2) NOT NULL DEFAULT 'NL'`);
    await sql(`ALTER TABLE "staff" ADD CONSTRAINT "staff_language_check" CHECK (language IN ('NL', 'EN'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`ALTER TABLE "staff" DROP CONSTRAINT "staff_language_check"`);
    await sql(`ALTER TABLE "staff" DROP COLUMN "language"`);
  }
}
